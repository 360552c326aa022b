import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { visit } from 'jsonc-parser';
import { CliflessError } from '../errors.ts';

/**
 * The one input policy: every file a command reads from the user (traces, summaries, allow-lists,
 * contract variants) is
 * - a regular file (a folder, FIFO, device or socket is refused before it is opened, so
 *   `/dev/zero` cannot exhaust memory and a FIFO cannot block for ever);
 * - at most {@link INPUT_LIMITS} bytes for its kind, and read with that bound (a file that grows
 *   while it is read is still cut off and refused);
 * - valid UTF-8;
 * - for JSON, strict JSON in which no object has the same key twice (the last one would silently
 *   win: a hand-edited trace with two `amount`s must not run with the one you did not mean).
 * Every refusal is an {@link InputFileError}: exit 2, naming the flag or argument and the path.
 */

/** Size bounds per kind of input, in bytes (docs/errors.md lists them). */
export const INPUT_LIMITS = {
  /** A trace: a few hundred bytes per action; 8 MiB is tens of thousands of actions. */
  trace: 8 * 1024 * 1024,
  /** A campaign summary: fixed-size counts plus one range per shard run stride. */
  summary: 8 * 1024 * 1024,
  /** An audit allow-list: a few entries. */
  'allow-list': 1024 * 1024,
  /** Declared equivalent mutants (mutate --equivalent): a line or two per mutant. */
  'equivalent-mutant list': 1024 * 1024,
  /** A Solidity variant of one contract (prove --payout-math / --slow-oracle). */
  solidity: 1024 * 1024,
} as const;

/** Which kind of input a file is, for its size bound and messages. */
export type InputKind = keyof typeof INPUT_LIMITS;

/** A user's input file that breaks the input policy: bad input, exit 2. */
export class InputFileError extends CliflessError {
  override name = 'InputFileError';
  constructor(
    readonly label: string,
    readonly path: string,
    problem: string,
    hint: string,
  ) {
    super(`${label}${path}: ${problem}`, { details: hint, exitCode: 2 });
  }
}

/**
 * Reads a user's input file as text under the policy above. `flag` names the option it came from
 * (`allow`, without dashes) or is undefined for a positional argument.
 *
 * @throws {InputFileError} naming the flag and path.
 */
export function readInputFile(path: string, kind: InputKind, flag?: string): string {
  const label = flag === undefined ? '' : `--${flag} `;
  const limit = INPUT_LIMITS[kind];
  const a = /^[aeiou]/.test(kind) ? 'an' : 'a';
  const fail = (problem: string, hint: string): never => {
    throw new InputFileError(label, path, problem, hint);
  };
  if (path.length === 0) fail('the path is empty', `Give the path of ${a} ${kind} file.`);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (error) {
    return fail(`cannot read the ${kind} (${codeOf(error)})`, `Give the path of an existing ${kind} file.`);
  }
  if (stat.isDirectory()) fail('is a folder', `Give the path of ${a} ${kind} file.`);
  if (!stat.isFile()) fail('is not a regular file (a FIFO, device or socket)', `Copy the ${kind} into a file first.`);
  if (stat.size > limit) fail(`is ${stat.size} bytes, over the ${limit}-byte limit for ${a} ${kind}`, LIMIT_HINT);
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fail(`cannot open the ${kind} (${codeOf(error)})`, 'Check its permissions.');
  }
  try {
    if (!fstatSync(fd).isFile()) fail('is not a regular file', `Copy the ${kind} into a file first.`);
    const buffer = Buffer.alloc(Math.min(limit, stat.size) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        // Grown since the stat: read no further than the limit, then refuse what is over it.
        if (length > limit) fail(`is over the ${limit}-byte limit for ${a} ${kind}`, LIMIT_HINT);
        break;
      }
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      return fail('is not UTF-8 text', `${a === 'an' ? 'An' : 'A'} ${kind} is a text file.`);
    }
  } finally {
    closeSync(fd);
  }
}

const LIMIT_HINT = 'Is this the right file? The limits are listed in docs/errors.md.';

/**
 * Parses strict JSON (no comments, no trailing commas) and refuses an object with a key twice,
 * naming the line, column and JSON path of the second one. JSON.parse parses; jsonc-parser's
 * visitor (the scanner VS Code uses) only finds duplicates, since JSON.parse keeps the last silently.
 *
 * @throws {InputFileError} `fail` builds the error for a message, so callers keep their own kind
 *   (a trace names the field as TraceFormatError does).
 */
export function parseJsonStrict(text: string, fail: (field: string, problem: string) => never): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('(file)', `not valid JSON: ${(error as Error).message}`);
  }
  const seen: Set<string>[] = [];
  let duplicate: { path: string; line: number; column: number } | undefined;
  visit(
    text,
    {
      onObjectBegin: () => {
        seen.push(new Set());
      },
      onObjectEnd: () => {
        seen.pop();
      },
      onObjectProperty: (property, _offset, _length, line, column, pathOf) => {
        const keys = seen[seen.length - 1];
        if (keys === undefined || duplicate !== undefined) return;
        if (keys.has(property)) duplicate = { path: jsonPath([...pathOf(), property]), line, column };
        keys.add(property);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (duplicate !== undefined) {
    fail(
      duplicate.path,
      `the key appears twice in one object (line ${duplicate.line + 1}, column ${duplicate.column + 1}); JSON readers disagree on which one counts, so remove one`,
    );
  }
  return value;
}

/**
 * `["actions", 3, "amount"]` → `actions[3].amount`, as input file errors name fields; `root` names
 * the whole value.
 */
export function jsonPath(segments: readonly (string | number)[], root = '(root)'): string {
  let path = '';
  for (const segment of segments) {
    path += typeof segment === 'number' ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  }
  return path === '' ? root : path;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
