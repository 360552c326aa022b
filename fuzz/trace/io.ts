import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputFile } from '../io/input.ts';
import { type Delivery, deliverOutput, type OutputClaim, writeIntoFolder } from '../io/output.ts';
import type { Trace } from './format.ts';
import { parseTrace } from './parse.ts';
import { stringifyTrace } from './serialize.ts';

/**
 * Reads and validates a trace file under the input policy (fuzz/io/input.ts: a regular file, size
 * bound, strict JSON without duplicate keys); any problem is a CliflessError (exit 2).
 */
export function readTraceFile(path: string): Trace {
  return parseTrace(readInputFile(path, 'trace'), path);
}

/**
 * The file name a trace gets in a folder: `<prefix>-<hash of its content>.json`, or the name of a
 * file already there with the same content, or the same name with `-2`, `-3`... when another trace
 * has it: the same content is the same file, and different content never replaces one.
 */
function traceName(folder: string, prefix: string, text: string): { name: string; exists: boolean } {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  for (let n = 1; ; n++) {
    const name = `${prefix}-${hash}${n === 1 ? '' : `-${n}`}.json`;
    const path = join(folder, name);
    if (!existsSync(path)) return { name, exists: false };
    if (readFileSync(path, 'utf8') === text) return { name, exists: true };
  }
}

/**
 * Writes a trace into a folder claimed with `claimOutput(flag, dir, { kind: 'folder' })`, under a
 * name derived from its content (see the output policy: temp file, then a link that never replaces
 * a file). Returns its path.
 *
 * @throws {OutputWriteError} when the write fails; nothing is left behind.
 */
export function writeTraceFile(claim: OutputClaim, prefix: string, trace: Trace): string {
  const text = stringifyTrace(trace);
  const { name, exists } = traceName(claim.absolute, prefix, text);
  return exists ? join(claim.absolute, name) : writeIntoFolder(claim, name, text);
}

/**
 * {@link writeTraceFile}, except that a write failing after the work prints the trace on standard
 * output (between marker lines) instead of losing it; see `deliverOutput`.
 */
export function deliverTraceFile(claim: OutputClaim, prefix: string, trace: Trace): Delivery {
  const text = stringifyTrace(trace);
  const { name, exists } = traceName(claim.absolute, prefix, text);
  return exists ? { written: join(claim.absolute, name) } : deliverOutput(claim, text, 'TRACE', name);
}
