import fc from 'fast-check';
import { PRESETS } from './scenarios';
import { flagNumber, hostileString, whatIf } from './values';

// Command lines for the fuzz suite: each command with flags drawn from valid and hostile values.
// Paths are placeholders the harness fills per case: @dir (a fresh directory), @missing (a path
// in a directory that does not exist), @file (an existing file), @exp (a finished experiment),
// @snap (a valid snapshot). validate, sensitivity and calibrate always get one bad flag: their
// runs take minutes, so the fuzz tries their argument checking only.

const preset = fc.constantFrom(...PRESETS).map((p) => `scenarios/${p}.json`);
const inputPath = fc.oneof({ weight: 6, arbitrary: preset }, { weight: 1, arbitrary: fc.constantFrom('@missing/x.json', '@dir', '/dev/null', '/proc/self/status', '@file', '') });
const outFile = (name: string) => fc.oneof({ weight: 5, arbitrary: fc.constant(`@dir/${name}`) }, { weight: 1, arbitrary: fc.constantFrom('@missing/x', '@dir', '/dev/full', '/proc/x', '@file', '@file/x') });
const outDir = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('@dir/out', '@dir/a/b') }, { weight: 1, arbitrary: fc.constantFrom('@file', '/proc/x/y', '@missing/../x', '@dir', '@exp') });

/** A flag and its value(s) as argv words. */
type Flag = fc.Arbitrary<string[]>;
const flag = (name: string, value: fc.Arbitrary<string>): Flag => value.map((v) => [name, v]);
const bare = (name: string): Flag => fc.constant([name]);
const junk: Flag = fc.oneof(fc.constantFrom<string[]>(['--frobnicate'], ['-x'], ['--'], ['extra-positional'], ['--seed'], ['--json=1']), hostileString.map((s) => [s]));

const seeds = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => `1..${n}`) }, { weight: 1, arbitrary: fc.constantFrom('3..1', '1..4294967296', '', '1,,2', 'a..b', '0', '1..1000001', '9'.repeat(30)) });
const arm = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('a', 'b', 'ko', 'x.y'), fc.array(whatIf, { maxLength: 2 })).map(([n, w]) => `${n}=${w.join(',')}`) },
  { weight: 1, arbitrary: fc.constantFrom('baseline=ko:mif', 'noequals', '=ko:mif', 'a=', 'a=,', 'a=ko:mif,ko:mif') },
);
const budget = fc.constantFrom('0.01', '0.005', '0', '-1', 'x', '1e-9', '');
const shard = fc.constantFrom('1/1', '1/2', '2/2', '7/9', '0/1', '3/2', 'x', '1/0');
const workers = fc.constantFrom('0', '0', '0', '1', 'auto', '100', '-1', 'two');

function cmd(name: string, positional: fc.Arbitrary<string[]>, flags: Flag[], always: string[] = []): fc.Arbitrary<string[]> {
  return fc.tuple(positional, fc.array(fc.oneof(...flags), { maxLength: 5 }), fc.array(junk, { maxLength: 1 })).map(([pos, fs, extra]) => [name, ...always, ...pos, ...fs.flat(), ...extra.flat()]);
}

const run = cmd('run', inputPath.map((p) => [p]), [
  flag('--seed', flagNumber), flag('--ticks', flagNumber), flag('--tick-hours', flagNumber), flag('--what-if', whatIf), bare('--json'),
  flag('--csv', outFile('a.csv')), flag('--events', outFile('e.jsonl')), fc.tuple(flagNumber, outFile('s.json')).map(([t, f]) => ['--snapshot-at', t, '--snapshot-out', f]),
  flag('--restore', fc.constantFrom('@snap', '@snap', '@file', '@missing/s.json', '@dir')), flag('--budget', budget),
], ['--ticks', '8']);

const experiment = cmd('experiment', inputPath.map((p) => [p]), [
  flag('--arm', arm), flag('--seeds', seeds), flag('--ticks', flagNumber), flag('--tick-hours', flagNumber), flag('--workers', workers),
  flag('--shard', shard), flag('--out', outDir), flag('--trajectory-every', flagNumber), flag('--budget', budget),
], ['--quiet', '--seeds', '1..2', '--ticks', '6', '--workers', '0', '--out', '@dir/exp']);

const merge = cmd('merge', fc.array(fc.constantFrom('@exp', '@exp', '@dir', '@missing', '@file', '/proc'), { minLength: 0, maxLength: 3 }), [flag('--out', outDir)], []);

const catalog = cmd('catalog', fc.constant([]), [flag('--search', fc.oneof(hostileString, fc.constantFrom('kupffer', 'mir', 'MIF'))), bare('--json')]);

/** Flags each slow command is certain to refuse. */
const REFUSED: Record<string, string[][]> = {
  validate: [['--seeds', '1'], ['--seeds', 'x'], ['--seeds', '9'.repeat(40)], ['--claim', 'no-such-claim'], ['--workers', 'two'], ['--tick-hours', '1 parsec'], ['--levels', '4'], ['--frobnicate']],
  sensitivity: [['--trajectories', '1'], ['--levels', '3'], ['--seed', '-1'], ['--params', 'no.such.param'], ['--metrics', 'no.such.metric'], ['--ticks', '1000001'], ['--workers', 'two'], ['--seeds', 'x'], ['--shard', '0/1'], ['--frobnicate']],
  calibrate: [['--quantile', '1'], ['--quantile', 'NaN'], ['--particles', '1'], ['--generations', '0'], ['--seed', '-1'], ['--params', 'no.such.param'], ['--ticks', '1000001'], ['--workers', 'two'], ['--seeds', 'x'], ['--frobnicate']],
};
const slow = fc.constantFrom('validate', 'sensitivity', 'calibrate').chain((c) => fc.tuple(fc.constant(c), fc.array(fc.constantFrom(...REFUSED[c]), { minLength: 1, maxLength: 2 }), preset, fc.constantFrom('targets/clinical.json', '@missing/t.json', '@file'))).map(([c, fs, p, t]) => {
  const refusing = fs.flat();
  if (c === 'validate') return ['validate', '--quiet', ...refusing];
  if (c === 'sensitivity') return ['sensitivity', p, '--quiet', '--out', '@dir/s', ...refusing];
  return ['calibrate', '--targets', t, '--quiet', '--out', '@dir/c', ...refusing];
});

/** A whole command line (argv after `exocascade`), with placeholders. */
export const commandLine: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: run },
  { weight: 3, arbitrary: experiment },
  { weight: 2, arbitrary: merge },
  { weight: 1, arbitrary: catalog },
  { weight: 2, arbitrary: slow },
  { weight: 1, arbitrary: fc.constantFrom<string[]>(['schema'], ['help'], [], ['--help'], ['frobnicate'], ['run'], ['experiment'], ['merge']) },
);

/** Whether a command line is one of the slow commands (which must end in exit 2 here). */
export const isSlowCommand = (argv: readonly string[]) => ['validate', 'sensitivity', 'calibrate'].includes(argv[0]);
