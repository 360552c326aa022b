import { type BenchConfig, DEFAULT_CONFIG, QUICK_CONFIG } from './measure.ts';

/** A bad command line: the message says which flag and what it needs. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** What `npm run bench` was asked to do. */
export interface BenchArgs {
  config: BenchConfig;
  /** Also write the figures as JSON to this file. */
  json: string | undefined;
  /** Overwrite an existing --json file. */
  force: boolean;
  help: boolean;
  /** Time the drift simulator too ('also'), only it, or not at all. */
  drift: 'also' | 'only' | 'none';
}

export const BENCH_USAGE = `npm run bench -- [--quick] [--no-forge] [--no-scale] [--runs N] [--rounds N] [--probes N]
                        [--worker-runs N] [--no-drift | --drift-only] [--json FILE [--force]]

Measures the differential campaign (with and without probes) against the bare EVM replaying the
same calls, where each action's time goes, how it scales with actors and worker threads, and
forge's invariant campaign on the same contracts, and the drift simulator's default run, and prints
one table.

  --runs N         runs per campaign (default ${DEFAULT_CONFIG.runs}; depth is ${DEFAULT_CONFIG.depth}, seed ${DEFAULT_CONFIG.seed})
  --rounds N       interleaved measuring rounds, medians over them (default ${DEFAULT_CONFIG.rounds})
  --probes N       probes per step of the campaign with probes (default ${DEFAULT_CONFIG.probesPerStep}, as cliffless fuzz)
  --worker-runs N  runs of the 1- vs 2-worker campaign (default ${DEFAULT_CONFIG.workerRuns})
  --no-forge       skip forge's invariant campaign (it compiles the suite first: a minute or more)
  --no-scale       skip the actors and workers figures
  --no-drift       skip the drift simulator's section
  --drift-only     time only the drift simulator (seconds, no EVM)
  --quick          every figure from tiny campaigns (for a smoke test; the figures mean little)
  --json FILE      also write the figures as JSON to FILE (refuses an existing FILE without --force)
  --force          let --json overwrite FILE
  --help           show this
`;

/** One command-line argument as a flag parser sees it. */
export interface BenchFlag {
  /** The flag's name, without any `=value`. */
  name: string;
  /** Its value: after `=`, or the next argument; a missing value is a {@link BenchUsageError}. */
  value: () => string;
  /** Fails when the flag was given a value (`--quick=1`). */
  noValue: () => void;
}

/**
 * Walks argv as flags for both benches, so `--flag value`, `--flag=value`, a missing value, an
 * unknown flag and a flag given twice (the last would silently win) read and fail the same way;
 * `handle` returns false for a flag it does not know. Flags in `repeatable` add up instead.
 */
export function walkBenchFlags(
  argv: readonly string[],
  handle: (flag: BenchFlag) => boolean,
  repeatable: readonly string[] = [],
): void {
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (seen.has(name) && !repeatable.includes(name)) {
      throw new BenchUsageError(`${name} is given twice: give it once (the last would silently win)`);
    }
    seen.add(name);
    const value = () => {
      const raw = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (raw === undefined || raw === '' || (eq === -1 && raw.startsWith('--'))) {
        throw new BenchUsageError(`${name} needs a value`);
      }
      return raw;
    };
    const noValue = () => {
      if (eq !== -1) throw new BenchUsageError(`${name} takes no value`);
    };
    if (!handle({ name, value, noValue })) {
      throw new BenchUsageError(
        arg.startsWith('-') ? `unknown flag ${name}` : `unexpected argument "${arg}" (the bench takes only flags)`,
      );
    }
  }
}

/**
 * Parses the bench's flags strictly: an unknown flag, a missing value or a value that is not a
 * positive whole number is a {@link BenchUsageError} (the CLI exits 2), never a silent default.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const config: BenchConfig = { ...(argv.includes('--quick') ? QUICK_CONFIG : DEFAULT_CONFIG) };
  let json: string | undefined;
  let force = false;
  let help = false;
  let drift: BenchArgs['drift'] = 'also';
  walkBenchFlags(argv, ({ name, value, noValue }) => {
    switch (name) {
      case '--help':
      case '-h':
        help = true;
        return true;
      case '--runs':
        config.runs = positive(name, value());
        return true;
      case '--rounds':
        config.rounds = positive(name, value());
        return true;
      case '--probes':
        config.probesPerStep = positive(name, value());
        return true;
      case '--worker-runs':
        config.workerRuns = positive(name, value());
        return true;
      case '--force':
        noValue();
        force = true;
        return true;
      case '--no-forge':
      case '--no-scale':
      case '--quick':
        noValue();
        if (name === '--no-forge') config.forge = false;
        if (name === '--no-scale') config.scale = false;
        return true;
      case '--no-drift':
      case '--drift-only':
        noValue();
        drift = name === '--no-drift' ? 'none' : 'only';
        return true;
      case '--json':
        json = value();
        return true;
      default:
        return false;
    }
  });
  if (force && json === undefined) throw new BenchUsageError('--force only applies with --json FILE');
  return { config, json, force, help, drift };
}

function positive(name: string, raw: string): number {
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
    throw new BenchUsageError(`${name} must be a whole number of at least 1, got "${raw}"`);
  }
  return Number(raw);
}
