import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { BenchUsageError } from './args.ts';

/**
 * Refuses, before any measuring, a `--json` file that exists unless `--force` was given: a bench
 * takes minutes, and the file it would replace may hold the figures of an earlier run.
 */
export function checkJsonTarget(path: string | undefined, force: boolean): void {
  if (path !== undefined && existsSync(path) && !force) {
    throw new BenchUsageError(`--json: ${path} exists; pass --force to overwrite it`);
  }
}

/** Writes through a temporary file and a rename, so a failed write never leaves half a file. */
export function writeJson(path: string, value: unknown): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, path);
}
