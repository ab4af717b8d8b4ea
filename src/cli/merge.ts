import { parseArgs } from 'node:util';
import { mergeExperimentDirs } from '../experiment/merge';
import { readDesign } from '../calibrate/sensitivity';
import { mergeSensitivityDirs } from '../calibrate/sensitivity-merge';
import { headlineLines } from './experiment';
import { prepareOutputDir } from '../node/output-path';
import { UsageError } from './usage';

/**
 * `exocascade merge DIR... --out DIR`: combines the shard directories of one experiment (or of
 * one sensitivity screen) into the outputs an unsharded run writes (byte for byte). Exit 2 when the directories are not
 * shards of one experiment or runs are missing.
 */
export function mergeCommand(argv: string[], write: (s: string) => void): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('merge needs one or more experiment directories');
  if (values.out === undefined) throw new UsageError('merge needs --out DIR');
  // Checked before any input is read; created once the inputs are known to merge.
  prepareOutputDir(values.out, '--out', 0, false);
  if (readDesign(positionals[0])) {
    const m = mergeSensitivityDirs(positionals, values.out);
    write(`merged ${m.inputs} sensitivity director${m.inputs === 1 ? 'y' : 'ies'}: ${m.design.rows.length} points × ${m.design.seeds.length} seeds = ${m.runs} runs\nwrote ${m.outputs.paths.join(', ')}`);
    return 0;
  }
  const r = mergeExperimentDirs(positionals, values.out);
  const s = r.spec;
  write([
    `merged ${r.inputs} director${r.inputs === 1 ? 'y' : 'ies'}: ${s.arms.length} arms × ${s.seeds.length} seeds = ${r.runs} runs` +
      (r.partial.length ? ` (ignored a partial last line in ${r.partial.join(', ')})` : ''),
    `wrote ${r.outputs.paths[0]} (${r.outputs.csvRows} rows), ${r.outputs.paths[1]}, ${r.outputs.paths[2]}`,
    ...headlineLines(r.outputs.summary),
  ].join('\n'));
  return 0;
}
