import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/exocascade.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-cascade-'));

describe('exocascade run tells the cascade', () => {
  const events = join(tmp, 'events.jsonl');
  const text = cli('run', 'scenarios/breast.json', '--seed', '3', '--events', events);
  const json = cli('run', 'scenarios/breast.json', '--seed', '3', '--json');
  const result = JSON.parse(json.stdout) as { ticks: number; tickHours: number; stateHash: string; metrics: Record<string, number> };
  const m = result.metrics;

  it('reads as the five steps, each with its own numbers from the run', () => {
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    const step = (k: number) => lines.find((l) => l.startsWith(`${k} `)) ?? '';
    expect(step(1)).toContain(`${m['ctc.intravasated']} cells entered blood or lymph`);
    expect(step(2)).toContain(`${m['vessels.sprouts']} sprouts in the primary`);
    expect(step(3)).toContain(`killed by NK ${m['ctc.killed.nk']}, by T cells ${m['ctc.killed.t']}, by shear ${m['ctc.killed.shear']}`);
    expect(step(3)).toContain(`${m['ctc.cloaked.total']} cloaked by platelets`);
    expect(step(4)).toContain(`CTCs arrested: lung ${m['ctc.arrested.lung']}, liver ${m['ctc.arrested.liver']}`);
    expect(text.stdout).toContain(`metastases lung ${m['metastases.lung']}, liver ${m['metastases.liver']}, bone ${m['metastases.bone']}`);
    expect(text.stdout).toContain(`${result.ticks} ticks of ${result.tickHours} h (${(result.ticks * result.tickHours) / 24} days)`);
    expect(text.stdout).toContain(`state hash ${result.stateHash}`);
  });

  it('writes one event line per metastasis, each with the path of the cell that founded it, in order', () => {
    const lines = readFileSync(events, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, number | string | boolean>);
    const metastases = lines.filter((e) => e.type === 'metastasis');
    expect(metastases.length).toBe(m['metastases.total']);
    expect(metastases.length).toBeGreaterThan(0);
    for (const e of metastases) {
      expect(e.seed).toBe(3);
      expect(e.hours).toBe(Number(e.tick) * result.tickHours);
      // invaded → entered the blood → arrested → extravasated → founded a colony → reached 8 cells
      expect(Number(e.leftTick)).toBeGreaterThanOrEqual(Number(e.invadedTick));
      expect(Number(e.arrestedTick)).toBeGreaterThanOrEqual(Number(e.leftTick));
      expect(Number(e.extravasatedTick)).toBeGreaterThanOrEqual(Number(e.arrestedTick));
      expect(Number(e.foundedTick)).toBeGreaterThanOrEqual(Number(e.extravasatedTick));
      expect(Number(e.tick)).toBeGreaterThanOrEqual(Number(e.foundedTick));
      expect(e.arrestedIn).toBe(e.organ);
    }
    const first = Math.min(...metastases.map((e) => Number(e.hours)));
    expect(first).toBe(m['time.firstMetastasis']);
  });
});
