import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliflessError } from '../errors.ts';

/**
 * The trace files named on a command line: each argument a trace file, or a folder whose `*.json`
 * files (not its subfolders) are all traces, in name order so a report lists them the same way on
 * every machine. A folder with no trace is bad input (exit 2); so is a missing file, when it is read.
 */
export function traceFilesOf(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Not there: reading it as a trace reports it (`cannot read the trace (ENOENT)`), exit 2.
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
