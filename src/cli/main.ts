import { USAGE, UsageError } from './usage';

/** Where a command writes: stdout for results, stderr for failures and notes. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const line = (write: (s: string) => void) => (s: string) => write(s.endsWith('\n') ? s : `${s}\n`);
const PROCESS_IO: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The commands, which name themselves in their errors. */
const COMMANDS = new Set(['run', 'bench', 'experiment', 'merge', 'catalog', 'validate', 'sensitivity', 'calibrate', 'schema']);

/** Flags every command takes, removed from argv before the command sees it. */
interface GlobalFlags {
  debug: boolean;
  budget: string | undefined;
  rest: string[];
}

function globalFlags(argv: readonly string[]): GlobalFlags {
  const rest: string[] = [];
  let debug = false;
  let budget: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--debug') debug = true;
    else if (a === '--budget') {
      if (i + 1 >= argv.length) throw new UsageError('--budget needs a factor, e.g. --budget 4');
      budget = argv[++i];
    } else if (a.startsWith('--budget=')) budget = a.slice('--budget='.length);
    else rest.push(a);
  }
  return { debug, budget, rest };
}

/**
 * Entry point of the `exocascade` command; returns the process exit code. Every command runs
 * inside one error boundary: a failure prints its message — what and where: the file, the path
 * inside it, the flag — one line per problem, and exits 2 when the input was at fault, 1
 * otherwise. `--debug` (or EXOCASCADE_DEBUG=1) adds the stack. `--budget F` (or
 * EXOCASCADE_BUDGET=F) scales the resource budget of every run.
 */
export async function main(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const write = line(io.out);
  const [command = '', ...args] = argv;
  let debug = process.env.EXOCASCADE_DEBUG === '1';
  const budgetBefore = process.env.EXOCASCADE_BUDGET;
  try {
    const flags = globalFlags(args);
    debug ||= flags.debug;
    const rest = flags.rest;
    const budget = flags.budget ?? budgetBefore;
    if (budget !== undefined) process.env.EXOCASCADE_BUDGET = String((await import('./options')).budgetOption(budget));
    switch (command) {
      // Each command is loaded when it is asked for, so a command starts without the others.
      case 'run':
        return (await import('./run')).runCommand(rest, write);
      case 'bench':
        return await (await import('./bench')).benchCommand(rest, write);
      case 'experiment':
        return await (await import('./experiment')).experimentCommand(rest, write);
      case 'merge':
        return (await import('./merge')).mergeCommand(rest, write);
      case 'catalog':
        return (await import('./catalog')).catalogCommand(rest, write);
      case 'validate':
        return await (await import('./validate')).validateCommand(rest, write);
      case 'sensitivity':
        return await (await import('./sensitivity')).sensitivityCommand(rest, write);
      case 'calibrate':
        return await (await import('./calibrate')).calibrateCommand(rest, write);
      case 'schema':
        write(JSON.stringify((await import('../scenario/schema')).scenarioSchema(), null, 2));
        return 0;
      case '':
        // No command is a mistake: the usage goes where errors go.
        line(io.err)(`exocascade: no command given\n\n${USAGE}`);
        return 2;
      case 'help':
      case '--help':
      case '-h':
        write(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${command.slice(0, 60)}"`);
    }
  } catch (err) {
    const { describeFailure } = await import('./failure');
    const f = describeFailure(err, COMMANDS.has(command) ? command : '');
    const e = line(io.err);
    for (const l of f.lines) e(l);
    if (debug && err instanceof Error && err.stack) e(err.stack);
    return f.code;
  } finally {
    if (budgetBefore === undefined) delete process.env.EXOCASCADE_BUDGET;
    else process.env.EXOCASCADE_BUDGET = budgetBefore;
  }
}
