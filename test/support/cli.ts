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
export function runCliffless(
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): CliResult {
  // Run inside GitHub Actions, the suite's commands must not annotate the pull request or write
  // into the job's summary: GitHub output is on only where a test asks for it.
  const { GITHUB_ACTIONS: _, GITHUB_STEP_SUMMARY: __, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'cliffless.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...inherited, CI: 'true', ...options.env },
    timeout: options.timeoutMs ?? 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
