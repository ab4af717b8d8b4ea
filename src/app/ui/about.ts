import { h, replaceChildren } from '../dom';
import { guideItems } from './guide';

/** What identifies the run for reproduction. */
export interface RunInfo {
  scenarioFile: string | null;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  whatIfs: readonly string[];
  tick: number;
  stateHash: string | null;
}

/** The CLI command that reproduces a run (for an edited scenario: after saving it to a file). */
export function cliCommand(info: RunInfo, ticks: number): string {
  const file = info.scenarioFile ?? 'my-scenario.json';
  return ['npx exocascade run', file, `--seed ${info.seed}`, `--ticks ${ticks}`, ...info.whatIfs.map((w) => `--what-if ${w}`), '--json'].join(' ');
}

/**
 * The "About" tab: how to read the page for a first-time visitor, and the run's identity —
 * scenario hash, seed, what-ifs, state hash at the current tick and the CLI command that
 * reproduces it headless.
 */
export class About {
  readonly el = h('div', { class: 'about' });
  private readonly run = h('div', { class: 'run-info' });

  constructor(private readonly onHash: () => void, onGuide: () => void) {
    this.el.append(
      h('h3', {}, 'How to read this page'),
      h('ul', { class: 'small' }, ...guideItems()),
      h('button', { class: 'small', onclick: () => onGuide() }, 'Show the guide again'),
      h('h3', {}, 'Reproduce this run'),
      this.run,
      h('p', { class: 'muted small' }, 'The engine is the same code in this page\'s worker and in the CLI: the same scenario, seed and what-ifs give the same state hash at the same tick. The Share link holds all three, and the day and view on screen.'),
    );
  }

  /** Shows the run's identity. */
  update(info: RunInfo, runTicks: number): void {
    replaceChildren(this.run, h('dl', { class: 'kv' },
      h('dt', {}, 'scenario'), h('dd', {}, `${info.scenarioName}${info.scenarioFile ? ` (${info.scenarioFile})` : ' (edited)'}`),
      h('dt', {}, 'scenario hash'), h('dd', {}, h('code', {}, info.scenarioHash)),
      h('dt', {}, 'seed'), h('dd', {}, String(info.seed)),
      h('dt', {}, 'what-ifs'), h('dd', {}, info.whatIfs.length ? info.whatIfs.join(', ') : 'none'),
      h('dt', {}, 'tick'), h('dd', {}, String(info.tick)),
      h('dt', {}, 'state hash'), h('dd', { 'data-testid': 'state-hash' }, info.stateHash ? h('code', {}, info.stateHash) : h('button', { class: 'small', onclick: () => this.onHash() }, 'compute'))),
    h('p', { class: 'small' }, 'Headless, at this tick:'),
    h('pre', { class: 'cli' }, cliCommand(info, info.tick)),
    h('p', { class: 'muted small' }, `Whole run: ${runTicks} ticks.`));
  }
}
