import { type CommandSpec, helpText, parseArgs, usageFailure } from '../fuzz/cli/kit/args.ts';

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
  /** Also run the harness with the guided loop directed at the mutated line (default; `--no-guided` skips it). */
  guided: boolean;
  help: boolean;
}

export const DEFAULT_BUDGET_SECONDS = 20;

/** forge takes whole seconds and a u32 seed, so both flags stop there. */
const U32_MAX = 0xffff_ffff;

/** `npm run bench:mutants`'s flags, parsed by the CLI's own parser (the same errors, exit 2). */
export const MUTANTS_SPEC: CommandSpec = {
  name: 'bench:mutants',
  invocation: 'npm run bench:mutants --',
  summary: 'each mutant through the differential harness and through the forge invariant suite',
  usage:
    'npm run bench:mutants -- [--budget S] [--jobs 1|2] [--seed N] [--all] [--only ID,ID]... [--no-guided] [--json FILE [--force]]',
  description: `Runs each mutant of \`cliffless mutate\` through the differential harness (open-loop, then guided
at the mutated line) and through the forge invariant suite, the same time budget for each, and
prints per mutant who killed it, with what and how fast, then kills and median time-to-kill per
tool. Compilation is timed apart.`,
  flags: [
    {
      name: 'budget',
      type: 'int',
      min: 1,
      max: U32_MAX,
      description: 'seconds per mutant for each tool, compilation excluded',
      default: `${DEFAULT_BUDGET_SECONDS}`,
    },
    {
      name: 'jobs',
      type: 'int',
      min: 1,
      max: 2,
      description:
        '1: forge, then the harness, one mutant at a time; 2: the two tools side by side, one core each (each tool still runs one mutant at a time, single-threaded)',
      default: '1',
    },
    { name: 'seed', type: 'int', min: 0, max: U32_MAX, description: "seed of both tools' campaigns", default: '1' },
    { name: 'all', type: 'boolean', description: 'every generated mutant (generateMutants) instead of the fixed set' },
    {
      name: 'only',
      type: 'string',
      repeatable: true,
      description: 'only these mutant ids, comma-separated; repeat the flag to add more',
    },
    {
      name: 'json',
      type: 'string',
      description: 'also write every outcome as JSON to this file (refuses an existing file without --force)',
    },
    { name: 'force', type: 'boolean', description: 'let --json overwrite its file', needs: ['json'] },
    {
      name: 'no-guided',
      type: 'boolean',
      description: 'leave out the guided harness (the campaign directed at the mutated line)',
    },
  ],
  positionals: [],
};

/** `npm run bench:mutants -- --help`. */
export const MUTANTS_HELP = helpText(MUTANTS_SPEC);

/** Strict flags: anything unknown, missing, malformed or given twice (but --only) is a UsageError (exit 2). */
export function parseMutantBenchArgs(argv: readonly string[]): MutantBenchArgs {
  const { flags, help } = parseArgs(MUTANTS_SPEC, argv);
  const given = flags.only as string[] | undefined;
  const only = given?.flatMap((list) => list.split(',').map((id) => id.trim()));
  if (only?.some((id) => id === '')) throw usageFailure(MUTANTS_SPEC)('--only has an empty mutant id');
  return {
    budget: (flags.budget as number | undefined) ?? DEFAULT_BUDGET_SECONDS,
    jobs: (flags.jobs as 1 | 2 | undefined) ?? 1,
    seed: (flags.seed as number | undefined) ?? 1,
    all: flags.all === true,
    only,
    json: flags.json as string | undefined,
    force: flags.force === true,
    guided: flags['no-guided'] !== true,
    help,
  };
}
