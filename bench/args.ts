import { type CommandSpec, helpText, parseArgs } from '../fuzz/cli/kit/args.ts';
import { type BenchConfig, DEFAULT_CONFIG, QUICK_CONFIG } from './measure.ts';

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

/** `npm run bench`'s flags, parsed by the CLI's own parser (the same errors, exit 2, as `cliffless`). */
export const BENCH_SPEC: CommandSpec = {
  name: 'bench',
  invocation: 'npm run bench --',
  summary: 'the differential campaign against the bare EVM, as one table',
  usage: `npm run bench -- [--quick] [--no-forge] [--no-scale] [--runs N] [--rounds N] [--probes N]
                        [--worker-runs N] [--no-drift | --drift-only] [--json FILE [--force]]`,
  description: `Measures the differential campaign (with and without probes) against the bare EVM replaying the
same calls, where each action's time goes, how it scales with actors and worker threads, and
forge's invariant campaign on the same contracts, and the drift simulator's default run, and prints
one table.`,
  flags: [
    {
      name: 'runs',
      type: 'int',
      min: 1,
      description: `runs per campaign (depth is ${DEFAULT_CONFIG.depth}, seed ${DEFAULT_CONFIG.seed})`,
      default: `${DEFAULT_CONFIG.runs}`,
    },
    {
      name: 'rounds',
      type: 'int',
      min: 1,
      description: 'interleaved measuring rounds, medians over them',
      default: `${DEFAULT_CONFIG.rounds}`,
    },
    {
      name: 'probes',
      type: 'int',
      min: 1,
      description: 'probes per step of the campaign with probes, as cliffless fuzz',
      default: `${DEFAULT_CONFIG.probesPerStep}`,
    },
    {
      name: 'worker-runs',
      type: 'int',
      min: 1,
      description: 'runs of the 1- vs 2-worker campaign',
      default: `${DEFAULT_CONFIG.workerRuns}`,
    },
    {
      name: 'no-forge',
      type: 'boolean',
      description: "skip forge's invariant campaign (it compiles the suite first: a minute or more)",
    },
    { name: 'no-scale', type: 'boolean', description: 'skip the actors and workers figures' },
    { name: 'no-drift', type: 'boolean', description: "skip the drift simulator's section", conflicts: ['drift-only'] },
    { name: 'drift-only', type: 'boolean', description: 'time only the drift simulator (seconds, no EVM)' },
    {
      name: 'quick',
      type: 'boolean',
      description: 'every figure from tiny campaigns (for a smoke test; the figures mean little)',
    },
    {
      name: 'json',
      type: 'string',
      description: 'also write the figures as JSON to this file (refuses an existing file without --force)',
    },
    { name: 'force', type: 'boolean', description: 'let --json overwrite its file', needs: ['json'] },
  ],
  positionals: [],
};

/** `npm run bench -- --help`. */
export const BENCH_HELP = helpText(BENCH_SPEC);

/**
 * The bench's flags: an unknown flag, a missing value, a value that is not a whole number of at
 * least 1, or a flag given twice is a UsageError (exit 2), never a silent default. `--quick` sets
 * every default to a tiny campaign; the figures given beside it still win.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { flags, help } = parseArgs(BENCH_SPEC, argv);
  const base = flags.quick === true ? QUICK_CONFIG : DEFAULT_CONFIG;
  const config: BenchConfig = {
    ...base,
    runs: (flags.runs as number | undefined) ?? base.runs,
    rounds: (flags.rounds as number | undefined) ?? base.rounds,
    probesPerStep: (flags.probes as number | undefined) ?? base.probesPerStep,
    workerRuns: (flags['worker-runs'] as number | undefined) ?? base.workerRuns,
  };
  if (flags['no-forge'] === true) config.forge = false;
  if (flags['no-scale'] === true) config.scale = false;
  const drift = flags['no-drift'] === true ? 'none' : flags['drift-only'] === true ? 'only' : 'also';
  return { config, json: flags.json as string | undefined, force: flags.force === true, help, drift };
}
