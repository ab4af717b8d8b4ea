import { readFileSync } from 'node:fs';
import { Engine } from './src/engine/engine';
import { resolveScenario } from './src/scenario/resolve';
const file = process.argv[2] ?? 'scenarios/breast.json';
const ticks = Number(process.argv[3] ?? 300);
const seeds = Number(process.argv[4] ?? 3);
const wi = (process.argv[5] ?? '').split(',').filter(Boolean);
const keys = (process.argv[6] ?? 'cells.primary,emt.fraction,cells.invading,ctc.intravasated,ctc.killed.nk,ctc.killed.t,ctc.cloaked,tcells.exhausted,exosomes.released,exosomes.uptake.lung,exosomes.uptake.liver,ctc.arrested.lung,ctc.arrested.liver,niche.lung,niche.liver,niche.bone,metastases.lung,metastases.liver,metastases.bone,metastases.brain,metastases.lymph-node,metastases.total,vessels.sprouts,vessels.permeability,macrophages.m2,exosomes.live').split(',');
const acc: Record<string, number[]> = {};
const t0 = Date.now();
for (let s = 1; s <= seeds; s++) {
  const e = new Engine(resolveScenario(JSON.parse(readFileSync(file, 'utf8')), file, { seed: s, ticks, whatIfs: wi }));
  e.run(ticks);
  const m = e.metrics();
  for (const k of keys) (acc[k] ??= []).push(m[k]);
}
for (const k of keys) console.log(k.padEnd(24), acc[k].map((v) => (Math.round(v * 1000) / 1000).toString().padStart(8)).join(' '), '  mean', (acc[k].reduce((a, b) => a + b, 0) / seeds).toFixed(3));
console.log('ms per run', (Date.now() - t0) / seeds);
