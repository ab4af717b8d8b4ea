import { ScenarioError } from '../scenario/errors';
import { InputError, USAGE, UsageError } from './usage';

const write = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

/** Entry point of the `exocascade` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
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
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof ScenarioError || err instanceof InputError) {
      process.stderr.write(`${err instanceof InputError ? 'exocascade: ' : ''}${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`exocascade: ${(err as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`exocascade: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
