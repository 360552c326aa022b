import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** What a command printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `cliffless` command as a user would: a child process with no terminal and CI set,
 * from the repository root unless `cwd` says otherwise.
 */
export function runCliffless(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'cliffless.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    timeout: options.timeoutMs ?? 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
