import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliflessError } from '../errors.ts';

/**
 * The trace files named on a command line: each argument a trace file, or a folder whose `*.json`
 * files (not its subfolders) are all traces, in name order so a report lists them the same way on
 * every machine. A path that does not exist, or a folder with no trace, is bad input (exit 2).
 */
export function traceFilesOf(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new CliflessError(`${path}: no such file or folder`, { details: 'Name trace files, or a folder of them.' });
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const inside = readdirSync(path)
      .filter((name) => name.endsWith('.json') && statSync(join(path, name)).isFile())
      .sort();
    if (inside.length === 0) {
      throw new CliflessError(`${path}: the folder holds no .json trace`, {
        details: 'Name trace files, or a folder of them.',
      });
    }
    files.push(...inside.map((name) => join(path, name)));
  }
  return files;
}
