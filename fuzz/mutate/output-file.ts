import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliflessError } from '../errors.ts';

/**
 * Checks, before any work, that a report can be written to `path`: its folder exists and the file
 * does not (unless `force`). `flag` names the option in the error.
 */
export function checkOutputPath(flag: string, path: string, force: boolean): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliflessError(`--${flag} ${path}: the folder ${folder} does not exist`, {
      details: 'Create it first, or write the report elsewhere.',
    });
  }
  if (existsSync(path) && (!force || statSync(path).isDirectory())) {
    throw new CliflessError(`--${flag} ${path} already exists`, {
      details: statSync(path).isDirectory()
        ? 'It is a folder; pass a file name.'
        : 'Pass --force to overwrite it, or another file name.',
    });
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a report. */
export function writeOutputFile(flag: string, path: string, text: string, force: boolean): void {
  checkOutputPath(flag, path, force);
  const temporary = `${resolve(path)}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}
