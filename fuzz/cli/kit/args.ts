import { UsageError } from '../../errors.ts';
import { textRow } from './table.ts';

/** The value types a flag can take. */
export type FlagType = 'int' | 'number' | 'string' | 'boolean' | 'duration';

/** One flag of a command: `--name <value>` (or a bare `--name` for booleans). */
export interface FlagSpec {
  name: string;
  type: FlagType;
  description: string;
  /** Shown in --help; absent means "no default" (the flag is optional and undefined when not given). */
  default?: string;
  /**
   * For `int` and `number`: the smallest accepted value. For `duration`: seconds, default 1 (a
   * budget of 0s runs nothing).
   */
  min?: number;
  /** For `int` and `number`: the largest accepted value. */
  max?: number;
  /**
   * The flag may be given more than once and its values add up, in order, into an array (e.g.
   * `--only a --only b`). Any other flag given twice is refused: the last would silently win.
   */
  repeatable?: boolean;
  /** The flag means something only with one of these flags given (e.g. `--prelude` with `--exhaustive`). */
  needs?: readonly string[];
  /** The flag means nothing with any of these flags given (e.g. `--workers` with `--exhaustive`). */
  conflicts?: readonly string[];
}

/** A command's flags and positional arguments, for parsing and for --help. */
export interface CommandSpec {
  name: string;
  /**
   * How a user runs the command, as errors and --help name it; `cliffless <name>` unless given
   * (the benches are `npm run bench --`, whose flags follow the `--`).
   */
  invocation?: string;
  summary: string;
  usage: string;
  /** A paragraph shown in --help between the usage line and the options. */
  description?: string;
  flags: FlagSpec[];
  /** Names of required positional arguments, in order. */
  positionals: string[];
  /** The last positional may be repeated (one or more), like `merge-summaries <summary>...`. */
  variadic?: boolean;
  /** Extra lines shown at the end of --help (examples). */
  examples?: string[];
}

/** Parsed flags (by name) and positionals. */
export interface ParsedArgs {
  /** A repeatable flag's values are an array, in the order given; every other flag is one value. */
  flags: Record<string, string | number | boolean | (string | number)[] | undefined>;
  positionals: string[];
  help: boolean;
}

/**
 * Parses argv strictly: unknown flags, missing values, malformed numbers and extra positionals are
 * UsageErrors that name the flag (with a suggestion for a likely typo), so a mistyped option can
 * never silently fall back to a default.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const fail = usageFailure(spec);
  const shown = commandLine(spec);
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const flag = spec.flags.find((f) => f.name === name);
    if (flag === undefined) {
      const hint = closest(
        name,
        spec.flags.map((f) => f.name),
      );
      throw fail(`unknown flag --${name} for \`${shown}\`${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    // The last of two would silently win: `--seed 1 --seed 2` is a mistake to report, not to guess.
    if (name in flags && flag.repeatable !== true) throw fail(`--${name} is given twice; give it once`);
    if (flag.type === 'boolean') {
      if (eq !== -1) throw fail(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const raw = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (raw === undefined || (eq === -1 && raw.startsWith('--'))) {
      throw fail(`--${name} needs a value (${flag.type})`);
    }
    const value = parseValue(fail, flag, raw);
    if (flag.repeatable === true) {
      const earlier = flags[name];
      flags[name] = [...(Array.isArray(earlier) ? earlier : []), value];
    } else {
      flags[name] = value;
    }
  }
  const counted = spec.variadic === true && positionals.length >= spec.positionals.length;
  if (!help && !counted && positionals.length !== spec.positionals.length) {
    const wanted =
      spec.positionals.length === 0
        ? 'no arguments'
        : `${spec.positionals.map((p) => `<${p}>`).join(' ')}${spec.variadic === true ? '...' : ''}`;
    throw fail(`\`${shown}\` takes ${wanted}, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
  }
  if (!help) checkApplies(fail, spec, flags);
  return { flags, positionals, help };
}

/** The command as a user types it, without a trailing `--` (`cliffless fuzz`, `npm run bench`). */
function commandLine(spec: CommandSpec): string {
  return (spec.invocation ?? `cliffless ${spec.name}`).replace(/ --$/, '');
}

/** A usage error of this command: exit 2, and the line that shows its options. */
export function usageFailure(spec: CommandSpec): (message: string) => UsageError {
  const help = `${spec.invocation ?? `cliffless ${spec.name}`} --help`;
  return (message) => new UsageError(message, spec.name, help);
}

/** Refuses a flag given where it means nothing (its `needs` absent, or a `conflicts` flag given). */
function checkApplies(fail: (message: string) => UsageError, spec: CommandSpec, flags: ParsedArgs['flags']): void {
  for (const flag of spec.flags) {
    if (flags[flag.name] === undefined) continue;
    const conflict = flag.conflicts?.find((other) => flags[other] !== undefined);
    if (conflict !== undefined) {
      throw fail(`--${flag.name} does not apply with --${conflict}: drop one of them`);
    }
    if (flag.needs !== undefined && !flag.needs.some((other) => flags[other] !== undefined)) {
      const wanted = flag.needs.map((other) => `--${other}`).join(' or ');
      throw fail(`--${flag.name} applies only with ${wanted}`);
    }
  }
}

function parseValue(fail: (message: string) => UsageError, flag: FlagSpec, raw: string): string | number {
  switch (flag.type) {
    case 'string':
      return raw;
    case 'int': {
      if (!/^-?\d+$/.test(raw)) throw fail(`--${flag.name} must be a whole number, got "${raw}"`);
      const value = Number(raw);
      if (!Number.isSafeInteger(value)) throw fail(`--${flag.name} is too large: ${raw}`);
      return inRange(fail, flag, value, raw);
    }
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) {
        throw fail(`--${flag.name} must be a number, got "${raw}"`);
      }
      return inRange(fail, flag, value, raw);
    }
    case 'duration': {
      const match = DURATION.exec(raw);
      if (match === null) throw fail(`--${flag.name} must be a duration like 90s, 15m or 2h, got "${raw}"`);
      const seconds = durationSeconds(match);
      const min = flag.min ?? 1;
      if (seconds < min) throw fail(`--${flag.name} must be at least ${min}s, got "${raw}"`);
      return seconds;
    }
    default:
      throw fail(`--${flag.name}: unsupported flag type`);
  }
}

/** A number within the flag's `min` and `max`. */
function inRange(fail: (message: string) => UsageError, flag: FlagSpec, value: number, raw: string): number {
  if (flag.min !== undefined && value < flag.min) throw fail(`--${flag.name} must be at least ${flag.min}, got ${raw}`);
  if (flag.max !== undefined && value > flag.max) throw fail(`--${flag.name} must be at most ${flag.max}, got ${raw}`);
  return value;
}

const DURATION = /^(\d{1,9})(s|m|h)?$/;

function durationSeconds(match: RegExpExecArray): number {
  const unit = match[2] === 'h' ? 3600 : match[2] === 'm' ? 60 : 1;
  return Number(match[1]) * unit;
}

/** `90`, `90s`, `15m`, `2h` → seconds. */
export function parseDuration(command: string, name: string, raw: string): number {
  const match = DURATION.exec(raw);
  if (match === null) throw new UsageError(`--${name} must be a duration like 90s, 15m or 2h, got "${raw}"`, command);
  return durationSeconds(match);
}

/** The flag name nearest to a typo (edit distance ≤ 2), if any. */
function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The --help text of a command. */
export function helpText(spec: CommandSpec): string {
  const width = Math.max(
    ...spec.flags.map(
      (f) => f.name.length + (f.type === 'boolean' ? 0 : f.type.length + 3) + (f.repeatable === true ? 3 : 0),
    ),
    6,
  );
  const columns = [{ width: width + 4 }];
  const lines = [`${commandLine(spec)} — ${spec.summary}`, '', `Usage: ${spec.usage}`, ''];
  if (spec.description !== undefined) lines.push(spec.description, '');
  lines.push('Options:');
  for (const flag of spec.flags) {
    const value = flag.type === 'boolean' ? '' : ` <${flag.type}>`;
    const left = `--${flag.name}${value}${flag.repeatable === true ? '...' : ''}`;
    const fallback = flag.default === undefined ? '' : ` (default: ${flag.default})`;
    lines.push(`  ${textRow(columns, [left, `${flag.description}${fallback}`])}`);
  }
  lines.push(`  ${textRow(columns, ['--help', 'Show this help'])}`);
  if (spec.examples !== undefined && spec.examples.length > 0)
    lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}
