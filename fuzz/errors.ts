/**
 * The one base class for every user-facing failure of the harness (bad flag, bad trace, compile
 * error). `message` is one short sentence; `details` say where (file, field, line) and what to do.
 * `exitCode` is what the CLI exits with: 2 for bad input, 1 for a failed check.
 *
 * @example
 * throw new CliflessError('Unknown flag --rusn', { details: 'Did you mean --runs?', exitCode: 2 });
 */
export class CliflessError extends Error {
  override name = 'CliflessError';
  readonly details: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { details?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
    this.exitCode = options.exitCode ?? 2;
  }

  /** The message and its details, as printed by the CLI. */
  describe(): string {
    return this.details === undefined ? this.message : `${this.message}\n${this.details}`;
  }
}

/** A malformed trace file: names the file and the JSON path of the offending field. */
export class TraceFormatError extends CliflessError {
  override name = 'TraceFormatError';
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`, {
      details: 'See docs/trace-format.md for the trace format, or docs/trace.schema.json for its JSON Schema.',
      exitCode: 2,
    });
  }
}

/** A bad command line: unknown command or flag, missing or malformed value. */
export class UsageError extends CliflessError {
  override name = 'UsageError';
  /** `help` is the command line that shows the options; by default `cliffless <command> --help`. */
  constructor(message: string, command: string, help = `cliffless ${command} --help`) {
    super(message, { details: `Run \`${help}\` for the options.`, exitCode: 2 });
  }
}
