import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';

/** What a command printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `exocascade ARGS` in this process (the command functions, not a child), capturing what it
 * writes; progress bars go to the real stderr unless --quiet. Environment variables in `env` are
 * set for the call only.
 */
export async function cliInProcess(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const code = await main([...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Runs the built command (bin/exocascade.mjs → dist/) as a child process, killed after `timeoutMs`. */
export function cliProcess(args: readonly string[], opts: { env?: Record<string, string>; timeoutMs?: number; input?: string } = {}): CliResult & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, ['bin/exocascade.mjs', ...args], {
    encoding: 'utf8', timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, ...opts.env }, input: opts.input, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', signal: r.signal };
}

/** Lines of a stack trace ("    at f (file:1:2)"), which no failure may print without --debug. */
export const STACK_LINE = /^\s+at .+[(:]/m;
