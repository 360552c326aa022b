import { BenchUsageError, walkBenchFlags } from './args.ts';

/** What `npm run bench:mutants` was asked to do. */
export interface MutantBenchArgs {
  /** Seconds each tool gets per mutant, after compiling. */
  budget: number;
  /** 1: forge then the harness, mutant by mutant. 2: the two tools' queues side by side. */
  jobs: 1 | 2;
  seed: number;
  /** Every generated mutant instead of the fixed set. */
  all: boolean;
  /** Only these mutant ids (in the set's order). */
  only: string[] | undefined;
  json: string | undefined;
  /** Overwrite an existing --json file. */
  force: boolean;
  help: boolean;
}

export const DEFAULT_BUDGET_SECONDS = 20;

export const MUTANTS_USAGE = `npm run bench:mutants -- [--budget S] [--jobs 1|2] [--seed N] [--all] [--only ID,ID] [--json FILE [--force]]

Runs each mutant of \`cliffless mutate\` through the differential harness and through the forge
invariant suite, the same time budget for each, and prints per mutant who killed it, with what
and how fast, then kills and median time-to-kill per tool. Compilation is timed apart.

  --budget S   seconds per mutant for each tool, compilation excluded (default ${DEFAULT_BUDGET_SECONDS})
  --jobs N     1 (default): forge, then the harness, one mutant at a time; 2: the two tools run
               side by side, one core each (each tool still runs one mutant at a time, single-threaded)
  --seed N     seed of both tools' campaigns (default 1)
  --all        every generated mutant (generateMutants) instead of the fixed set
  --only IDS   only these mutant ids, comma-separated
  --json FILE  also write every outcome as JSON to FILE (refuses an existing FILE without --force)
  --force      let --json overwrite FILE
  --help       show this
`;

/** Strict flags: anything unknown, missing or malformed is a {@link BenchUsageError} (exit 2). */
export function parseMutantBenchArgs(argv: readonly string[]): MutantBenchArgs {
  const args: MutantBenchArgs = {
    budget: DEFAULT_BUDGET_SECONDS,
    jobs: 1,
    seed: 1,
    all: false,
    only: undefined,
    json: undefined,
    force: false,
    help: false,
  };
  walkBenchFlags(
    argv,
    ({ name, value, noValue }) => {
      switch (name) {
        case '--help':
        case '-h':
          noValue();
          args.help = true;
          return true;
        case '--budget':
          args.budget = whole(name, value(), 1);
          return true;
        case '--jobs': {
          const jobs = whole(name, value(), 1);
          if (jobs !== 1 && jobs !== 2) throw new BenchUsageError(`--jobs must be 1 or 2, got "${jobs}"`);
          args.jobs = jobs;
          return true;
        }
        case '--seed':
          args.seed = whole(name, value(), 0);
          return true;
        case '--all':
          noValue();
          args.all = true;
          return true;
        case '--only': {
          const ids = value()
            .split(',')
            .map((id) => id.trim());
          if (ids.some((id) => id === '')) throw new BenchUsageError('--only has an empty mutant id');
          args.only = [...(args.only ?? []), ...ids];
          return true;
        }
        case '--json':
          args.json = value();
          return true;
        case '--force':
          noValue();
          args.force = true;
          return true;
        default:
          return false;
      }
    },
    ['--only'],
  );
  if (args.force && args.json === undefined) throw new BenchUsageError('--force only applies with --json FILE');
  return args;
}

/** A whole number of at least `min` (forge takes whole seconds and a u32-sized seed is plenty). */
function whole(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > 0xffff_ffff) {
    throw new BenchUsageError(`${name} must be a whole number from ${min} to 4294967295, got "${raw}"`);
  }
  return n;
}
