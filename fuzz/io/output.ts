import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  linkSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliflessError } from '../errors.ts';

/**
 * The one output policy: every file a command writes (traces, summaries, JSON, Markdown, lcov,
 * exported tests, corpora, reports) is first *claimed*, before any work, then written through a
 * temporary file in the same folder and a rename (or a hard link, where an existing file must not
 * be replaced), so that
 * - a bad path is refused in the first second (exit 2, naming the flag and the path), not after a
 *   campaign has spent an hour finding a bug;
 * - no file the user had is overwritten without `--force`, and none is ever left half-written;
 * - no temporary file survives an error.
 *
 * @example
 * const out = claimOutput('summary-json', args.summaryJson, { force: args.force });
 * // ... the work ...
 * writeOutput(out, `${JSON.stringify(summary, null, 2)}\n`);
 */

/** What a claim may be: one file, or a folder the command writes new files into. */
export type OutputKind = 'file' | 'folder';

/** A path checked by {@link claimOutput}, ready to be written. */
export interface OutputClaim {
  /** The flag that named it, without dashes (`out`, `summary-json`), for messages. */
  readonly flag: string;
  /** The path as the user gave it, for messages. */
  readonly path: string;
  /** The absolute path. */
  readonly absolute: string;
  readonly kind: OutputKind;
  /** A file claim may replace an existing file. */
  readonly force: boolean;
}

/** A path that cannot be written, found before any work: bad input, exit 2. */
export class OutputPathError extends CliflessError {
  override name = 'OutputPathError';
  constructor(flag: string, path: string, problem: string, hint: string) {
    super(`--${flag} ${path}: ${problem}`, { details: hint, exitCode: 2 });
  }
}

/**
 * A write that failed after the work was done (disk full, the folder removed meanwhile). Commands
 * catch it to print what they would have written elsewhere; its exit code is 2 only if uncaught.
 */
export class OutputWriteError extends CliflessError {
  override name = 'OutputWriteError';
  constructor(
    readonly claim: OutputClaim,
    readonly target: string,
    cause: unknown,
  ) {
    super(`--${claim.flag} ${claim.path}: could not write ${target}: ${reasonOf(cause)}`, {
      details: 'Nothing was left half-written there.',
      exitCode: 2,
      cause,
    });
  }
}

/**
 * Checks, before any work, that `path` can be written as `kind`, and returns the claim.
 *
 * A file: its folder exists, is a folder and is writable; the path is not a folder, a special file
 * (FIFO, device, socket) or a link to one; an existing regular file is refused unless `force`.
 * A folder: it exists as a writable folder, or its parent does (then it is created now, one level
 * only: a command never creates a chain of folders, so a typo or a path under /proc is refused).
 *
 * @throws {OutputPathError} naming the flag and the path.
 */
export function claimOutput(
  flag: string,
  path: string,
  options: { kind?: OutputKind; force?: boolean } = {},
): OutputClaim {
  const kind = options.kind ?? 'file';
  const force = options.force ?? false;
  const fail = (problem: string, hint: string): never => {
    throw new OutputPathError(flag, path, problem, hint);
  };
  if (path.length === 0) fail('the path is empty', 'Give a file or folder name.');
  const absolute = resolve(path);
  const parent = dirname(absolute);
  const parentStat = statOrUndefined(parent);
  if (parentStat === undefined) fail(`the folder ${parent} does not exist`, 'Create it first, or write elsewhere.');
  if (!parentStat?.isDirectory()) fail(`${parent} is not a folder`, 'Write into a folder.');
  const own = lstatOrUndefined(absolute);
  if (kind === 'folder') {
    if (own === undefined) {
      requireWritable(parent, fail);
      // Proven creatable now (a path under /proc or on a full disk fails here, not after the work),
      // but created for good only when the first file goes in: a run that writes nothing leaves no
      // empty folder behind.
      try {
        mkdirSync(absolute);
        rmdirSync(absolute);
      } catch (error) {
        fail(`could not create the folder: ${reasonOf(error)}`, 'Create it yourself, or write elsewhere.');
      }
    } else if (!statSync(absolute).isDirectory()) {
      fail('exists and is not a folder', 'Give a folder, or a name that does not exist yet.');
    } else {
      requireWritable(absolute, fail);
    }
    return { flag, path, absolute, kind, force };
  }
  requireWritable(parent, fail);
  if (own !== undefined) {
    const target = statOrUndefined(absolute);
    if (target?.isDirectory()) fail('is a folder', 'Give a file name.');
    if (target === undefined || !target.isFile()) fail('is not a regular file', 'Give the name of a regular file.');
    if (!force) fail('already exists', 'Pass --force to overwrite it, or give another name.');
  }
  return { flag, path, absolute, kind, force };
}

/**
 * Refuses two claims of one command on the same path (`--markdown r --json r`): the second write
 * would replace, or collide with, the first. Claims that are undefined (flag not given) are skipped.
 *
 * @throws {OutputPathError} naming both flags.
 */
export function requireDistinct(claims: readonly (OutputClaim | undefined)[]): void {
  const seen = new Map<string, OutputClaim>();
  for (const claim of claims) {
    if (claim === undefined) continue;
    const other = seen.get(claim.absolute);
    if (other !== undefined) {
      throw new OutputPathError(
        claim.flag,
        claim.path,
        `is also given as --${other.flag}`,
        'Give each output its own path.',
      );
    }
    seen.set(claim.absolute, claim);
  }
}

/**
 * Writes a file claim atomically: a temporary file beside it, then a rename (with `force`) or a
 * hard link that fails if a file appeared at the path meanwhile (without it).
 *
 * @throws {OutputWriteError} and leaves no temporary file behind.
 */
export function writeOutput(claim: OutputClaim, data: string | Uint8Array): string {
  if (claim.kind !== 'file') throw new Error(`writeOutput: --${claim.flag} is a folder claim; use writeIntoFolder`);
  commit(claim, claim.absolute, data, claim.force);
  return claim.absolute;
}

/**
 * Writes a new file `name` inside a folder claim, atomically and never replacing a file that is
 * there (a collision is an {@link OutputWriteError}). Returns the file's path.
 */
export function writeIntoFolder(claim: OutputClaim, name: string, data: string | Uint8Array): string {
  if (claim.kind !== 'folder') throw new Error(`writeIntoFolder: --${claim.flag} is a file claim; use writeOutput`);
  if (name !== basename(name) || name === '.' || name === '..' || name.length === 0) {
    throw new Error(`writeIntoFolder: "${name}" is not a plain file name`);
  }
  const target = join(claim.absolute, name);
  try {
    mkdirSync(claim.absolute); // one level, as claimed; usually there already
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputWriteError(claim, target, error);
  }
  commit(claim, target, data, false);
  return target;
}

/**
 * Exit-code bit added when the work finished but an output could not be written (its content was
 * printed instead): 4 alone after a passing run, 1 | 4 = 5 after a failure was found. See
 * docs/errors.md.
 */
export const EXIT_OUTPUT_LOST = 4;

/** Where {@link deliverOutput} put the data. */
export type Delivery = { written: string; lost?: undefined } | { written?: undefined; lost: OutputWriteError };

/**
 * Writes `data` for a claim (into the folder as `name`, for a folder claim) and, when the write
 * fails after the work anyway, does not lose the result: the reason goes to `stderr` and the data
 * itself to `stdout`, between two marker lines naming what it is, so it can be cut out and saved.
 * The caller adds {@link EXIT_OUTPUT_LOST} to its exit code when `lost` is set.
 */
export function deliverOutput(
  claim: OutputClaim,
  data: string,
  what: string,
  name?: string,
  streams: { stdout: (text: string) => void; stderr: (text: string) => void } = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
): Delivery {
  try {
    const written = claim.kind === 'folder' ? writeIntoFolder(claim, name ?? 'output', data) : writeOutput(claim, data);
    return { written };
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    streams.stderr(`cliffless: ${error.describe()}\nThe ${what} follows on standard output instead.\n`);
    const text = data.endsWith('\n') ? data : `${data}\n`;
    streams.stdout(`----- BEGIN ${what} (not written: ${claim.path}) -----\n${text}----- END ${what} -----\n`);
    return { lost: error };
  }
}

function commit(claim: OutputClaim, target: string, data: string | Uint8Array, replace: boolean): void {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    if (replace) renameSync(temporary, target);
    else linkSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw new OutputWriteError(claim, target, error);
  }
  if (!replace) removeQuietly(temporary);
}

function requireWritable(folder: string, fail: (problem: string, hint: string) => never): void {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    fail(`the folder ${folder} is not writable`, 'Write elsewhere, or change its permissions.');
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never created: nothing to clean.
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) return `${String(error.code)} (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}
