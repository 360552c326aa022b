import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliflessError } from '../errors.ts';
import { LCOV_TEST_NAME } from './lcov.ts';

/**
 * Checks, before a campaign runs, that an lcov file can be written at `path`: it is not a folder,
 * its folder can be created, and an existing file there is an lcov file cliffless wrote (its first
 * line is `TN:cliffless`) — regenerating our own output is expected, anything else is the user's
 * and is never overwritten.
 *
 * @throws {CliflessError} (exit 2) naming the path and what to do.
 */
export function checkCoverageOut(path: string, flag: string): void {
  const fail = (problem: string, details: string): never => {
    throw new CliflessError(`${flag} ${path}: ${problem}`, { details });
  };
  if (path === '' || path.endsWith('/'))
    fail('not a file name', 'Pass the lcov file to write, e.g. coverage/lcov.info.');
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) fail('is a folder', 'Pass a file name inside it, e.g. coverage/lcov.info.');
    if (!startsWith(path, `TN:${LCOV_TEST_NAME}\n`)) {
      fail(
        'exists and is not an lcov file written by cliffless',
        'Refusing to overwrite it: remove it or choose another file.',
      );
    }
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    fail(
      `cannot create its folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'Choose a writable path.',
    );
  }
}

/** Writes `text` to `path` through a temporary file and a rename, so a reader never sees half a file. */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { flag: 'w' });
  renameSync(temporary, path);
}

function startsWith(path: string, prefix: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(prefix.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8') === prefix;
  } finally {
    closeSync(fd);
  }
}
