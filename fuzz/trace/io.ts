import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliflessError } from '../errors.ts';
import type { Trace } from './format.ts';
import { parseTrace } from './parse.ts';
import { stringifyTrace } from './serialize.ts';

/** Reads and validates a trace file; a missing or malformed file is a CliflessError (exit 2). */
export function readTraceFile(path: string): Trace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliflessError(`${path}: cannot read the trace (${code ?? (error as Error).message})`, {
      details: 'Pass the path of a trace file written by `cliffless fuzz` or by hand (see docs/trace-format.md).',
    });
  }
  return parseTrace(text, path);
}

/**
 * Writes a trace into `dir` under a name derived from its content (`<prefix>-<hash>.json`), through
 * a temporary file and a rename so a crash never leaves half a trace. An existing file is never
 * overwritten: the same content is the same file, and different content gets a new name.
 */
export function writeTraceFile(dir: string, prefix: string, trace: Trace): string {
  const text = stringifyTrace(trace);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  mkdirSync(dir, { recursive: true });
  let path = join(dir, `${prefix}-${hash}.json`);
  for (let n = 2; existsSync(path); n++) {
    if (readFileSync(path, 'utf8') === text) return path;
    path = join(dir, `${prefix}-${hash}-${n}.json`);
  }
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  renameSync(temporary, path);
  return path;
}
