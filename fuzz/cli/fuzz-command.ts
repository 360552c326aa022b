import { availableParallelism } from 'node:os';
import { compileForCli } from '../compile/for-cli.ts';
import { UsageError } from '../errors.ts';
import { exhaustiveCommand } from '../exhaustive/command.ts';
import { parseMetric } from '../guide/metrics.ts';
import { claimOutput, EXIT_OUTPUT_LOST, requireDistinct } from '../io/output.ts';
import { WorkerPool } from '../parallel/pool.ts';
import {
  type CAMPAIGN_IDENTITY,
  type CampaignRecord,
  summaryDocument,
  writeSummaryFile,
} from '../parallel/summary-file.ts';
import { type CampaignResult, runCampaign } from '../runner/campaign.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { parseShard, type Shard, shardLabel, shardRunCount, WHOLE } from '../runner/shard.ts';
import { formatSummary } from '../runner/summary.ts';
import { NameBook } from '../trace/names.ts';
import { reportCampaign } from './campaign-reports.ts';
import { claimCiOutputs, withCiFlags } from './ci-outputs.ts';
import { COVERAGE_FLAGS, coverageStep } from './coverage-step.ts';
import { failureRecord, reportFailureTrace } from './failure-trace.ts';
import { guidedFuzz } from './guided-fuzz.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { rerunLine } from './kit/rerun.ts';
import { EXIT_INTERRUPTED, interruptOnSigint } from './kit/sigint.ts';
import { maximizeFuzz } from './maximize-fuzz.ts';
import { Progress } from './progress.ts';

export const fuzzSpec: CommandSpec = {
  name: 'fuzz',
  summary: 'run a differential campaign: model against the contracts in the embedded EVM',
  usage: 'cliffless fuzz [--runs N] [--depth N] [--seed N] [--time 10m] [--out DIR] [--workers N] [--shard i/n]',
  positionals: [],
  flags: withCiFlags([
    {
      name: 'runs',
      conflicts: ['exhaustive'],
      type: 'int',
      min: 1,
      default: '100',
      description: 'Action sequences to run',
    },
    { name: 'depth', type: 'int', min: 1, default: '100', description: 'Most actions per sequence' },
    {
      name: 'seed',
      conflicts: ['exhaustive'],
      type: 'int',
      min: 0,
      default: '1',
      description: 'Seed: same seed and contracts, same result',
    },
    {
      name: 'time',
      type: 'duration',
      description: 'Stop after this long (e.g. 90s, 15m); the result then depends on speed',
    },
    { name: 'out', type: 'string', default: 'traces', description: 'Folder a counterexample trace is written to' },
    {
      name: 'actors',
      conflicts: ['exhaustive'],
      type: 'int',
      min: 1,
      default: '4',
      description: 'Actors besides the arbitrator (1 to 16)',
    },
    {
      name: 'probes',
      type: 'int',
      min: 0,
      default: '2',
      description: 'M6/O5 probes run per step on throw-away copies',
    },
    {
      name: 'probe-every',
      type: 'int',
      min: 1,
      description: `Probe after every N-th step and at each run's end (default ${DEFAULT_PROBE_EVERY}; 1 with --exhaustive)`,
    },
    { name: 'contracts', type: 'string', description: 'Contracts folder to fuzz instead of ./contracts' },
    {
      name: 'summary-json',
      conflicts: ['exhaustive'],
      type: 'string',
      description: 'Also write the summary as JSON to this file',
    },
    {
      name: 'workers',
      conflicts: ['exhaustive'],
      type: 'int',
      min: 1,
      default: '1',
      description: 'Threads running runs at once (one per core); the result does not depend on it',
    },
    {
      name: 'shard',
      conflicts: ['exhaustive'],
      type: 'string',
      description:
        'Run only runs i mod n of the campaign (a CI matrix; with --guided, as a lane of its own); add up with cliffless merge-summaries',
    },
    {
      name: 'exhaustive',
      type: 'boolean',
      description:
        'Run every action sequence up to --depth (default 3) over a small domain instead (docs: fuzz/exhaustive/domain.ts)',
    },
    {
      name: 'prelude',
      needs: ['exhaustive'],
      type: 'string',
      description: "With --exhaustive: start after 'created' (default) or 'settled'",
    },
    {
      name: 'force',
      needs: ['summary-json', 'coverage-out', 'junit', 'html'],
      type: 'boolean',
      description: 'Let --summary-json, --junit, --html (and --coverage-out) replace what exists',
    },
    ...COVERAGE_FLAGS,
    {
      name: 'guided',
      type: 'boolean',
      description: 'Coverage-guided: keep runs that reach new branches or outcomes and mutate them (docs/guided.md)',
    },
    {
      name: 'corpus',
      type: 'string',
      description: 'With --guided (implied): read this corpus folder, add what was found',
    },
    {
      name: 'epoch',
      type: 'int',
      min: 1,
      description: 'With --guided (implied): runs per epoch, which mutate only what earlier epochs kept (default 32)',
    },
    {
      name: 'maximize',
      conflicts: ['exhaustive'],
      type: 'string',
      description:
        'Guided, keeping runs that raise extraction, dust or gas:<kind>; writes the best trace (docs/maximize.md)',
    },
  ]),
  examples: [
    'npx cliffless fuzz                         # 100 runs, seed 1: the CI campaign',
    'npx cliffless fuzz --seed 7 --runs 2000     # a deeper campaign',
    'npx cliffless fuzz --time 15m --seed $RANDOM # an open-ended random one',
    'npx cliffless fuzz --runs 2000 --workers 2   # the same campaign on two cores',
    'npx cliffless fuzz --runs 9000 --shard 1/3 --summary-json s1.json  # one machine of three',
    'npx cliffless fuzz --exhaustive --depth 4   # every sequence of 4 actions over a small domain',
    'npx cliffless fuzz --coverage               # also write coverage/lcov.info and list what never ran',
  ],
};

/** The flags that change what a campaign runs: a rerun or replay hint repeats every one given. */
const CAMPAIGN_FLAGS = [
  'seed',
  'runs',
  'depth',
  'time',
  'actors',
  'probes',
  'probe-every',
  'contracts',
  'shard',
  'guided',
  'corpus',
  'epoch',
  'maximize',
];

/** More worker threads than this many per core only add memory and contention (docs/errors.md). */
export const WORKERS_PER_CORE = 4;

/**
 * `cliffless fuzz`: exit 0 when every run passed, 1 with a written trace on a failure, 130 when
 * Ctrl-C stopped it (the summary so far is printed), plus 4 when an output could not be written
 * after the work (what it would have held is printed instead; see docs/errors.md).
 */
export async function fuzzCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
  const coverage = coverageStep(f);
  if (f.exhaustive === true && (f.junit !== undefined || f.github === true)) {
    throw new UsageError('--junit and --github report campaigns, not --exhaustive searches', 'fuzz');
  }
  const ci = claimCiOutputs(f);
  if (f.exhaustive === true)
    return exhaustiveCommand(f, (contracts) => compileForCli(contracts, (line) => process.stderr.write(`${line}\n`)));
  const seed = (f.seed as number | undefined) ?? 1;
  const runs = (f.runs as number | undefined) ?? (f.time === undefined ? 100 : Number.MAX_SAFE_INTEGER);
  const depth = (f.depth as number | undefined) ?? 100;
  const actors = (f.actors as number | undefined) ?? 4;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (actors > 16) throw new UsageError('--actors must be at most 16', 'fuzz');
  const workers = (f.workers as number | undefined) ?? 1;
  const shard = f.shard === undefined ? WHOLE : parseShard(f.shard as string);
  const sharded = shard.count > 1;
  checkWorkers(workers, shardRunCount(runs, shard), f.shard !== undefined);
  // Every output is claimed before any work: a bad path fails now, not after the campaign.
  const out = claimOutput('out', (f.out as string | undefined) ?? 'traces', { kind: 'folder' });
  // A replay repeats the flags that change it.
  const replay = (trace: string) =>
    rerunLine('replay', { positionals: [trace], flags: { contracts: f.contracts, probes: f.probes } }, [
      'contracts',
      'probes',
    ]);
  const summaryClaim =
    f['summary-json'] === undefined
      ? undefined
      : claimOutput('summary-json', f['summary-json'] as string, { force: f.force === true });
  requireDistinct([summaryClaim, coverage?.claim, ci.junit]);
  if (f.maximize !== undefined) {
    if (sharded) throw new UsageError('--maximize keeps one best run: drop --shard', 'fuzz');
    if (coverage !== undefined)
      throw new UsageError('--maximize reports a value, not coverage: drop --coverage', 'fuzz');
    if (workers > 1) throw new UsageError('--maximize runs on one thread: drop --workers', 'fuzz');
    if (ci.junit !== undefined || ci.github)
      throw new UsageError(
        '--junit and --github report campaigns, not maximization: drop them with --maximize',
        'fuzz',
      );
    const metric = parseMetric(f.maximize as string);
    const rerun = rerunLine('fuzz', args, CAMPAIGN_FLAGS, undefined, { seed });
    return maximizeFuzz(args, { metric, seed, runs, depth, actors, out, rerun, summary: summaryClaim }, log);
  }
  if (f.guided === true || f.corpus !== undefined || f.epoch !== undefined) {
    const probes = (f.probes as number | undefined) ?? 2;
    return guidedFuzz(
      {
        seed,
        runs,
        depth,
        probes,
        probeEvery: (f['probe-every'] as number | undefined) ?? DEFAULT_PROBE_EVERY,
        actors,
        world: { actors, approvals: true },
        out,
        rerun: rerunLine('fuzz', args, CAMPAIGN_FLAGS, undefined, { seed }),
        replay,
        workers,
        shard,
        coverage,
        ci,
        summary: summaryClaim,
        contractsDir: f.contracts as string | undefined,
        ...(f.epoch === undefined ? {} : { epoch: f.epoch as number }),
        ...(f.time === undefined ? {} : { timeSeconds: f.time as number }),
        ...(f.corpus === undefined ? {} : { corpus: f.corpus as string }),
      },
      () => compileForCli(f.contracts as string | undefined, log),
      log,
    );
  }

  // Worker threads load the harness (a second or two) while this one compiles and deploys.
  const pool = workers > 1 ? WorkerPool.boot(workers - 1) : undefined;
  const world = { actors, approvals: true };
  let artifacts: ReturnType<typeof compileForCli>;
  let env: Awaited<ReturnType<typeof prepareEnvironment>>;
  try {
    artifacts = compileForCli(f.contracts as string | undefined, log);
    env = await prepareEnvironment(artifacts, world, coverage?.deployOptions(artifacts));
  } catch (error) {
    await pool?.terminate();
    throw error;
  }
  log(
    `fuzzing: seed ${seed}, ${Number.isFinite(runs) && runs < Number.MAX_SAFE_INTEGER ? `${runs} runs` : 'until the time budget'}, depth up to ${depth}, ${actors} actors` +
      `${sharded ? `, shard ${shardLabel(shard)}` : ''}${workers > 1 ? `, ${workers} workers` : ''}`,
  );

  const progress = new Progress();
  const probes = (f.probes as number | undefined) ?? 2;
  const probeEvery = (f['probe-every'] as number | undefined) ?? DEFAULT_PROBE_EVERY;
  const stop = interruptOnSigint(log);
  let result: CampaignResult;
  try {
    result = await runCampaign(env, {
      seed,
      runs,
      depth,
      probesPerStep: probes,
      probeEvery,
      shard,
      workers,
      deploy: { artifacts, world },
      ...(pool === undefined ? {} : { pool }),
      ...(f.time === undefined ? {} : { timeSeconds: f.time as number }),
      onRun: (stats) => progress.update(stats, runs),
      signal: stop.signal,
    });
  } finally {
    stop.dispose();
  }
  progress.done();
  const interrupted = stop.signal.aborted;
  const rerun = rerunLine('fuzz', args, CAMPAIGN_FLAGS, undefined, { seed });
  process.stdout.write(`${formatSummary(result.stats, result.seconds, rerun)}\n`);
  let lost = 0;
  if (coverage !== undefined) {
    const covered = coverage.finish(artifacts, f.contracts as string | undefined);
    process.stdout.write(covered.summary);
    if (covered.delivery.lost !== undefined) lost = EXIT_OUTPUT_LOST;
  }
  if (sharded) process.stdout.write(`${shardLine(result, shard, runs)}\n`);
  const start = new NameBook(env.setup);
  const failure = result.failure;
  let written: string | undefined;
  if (failure !== undefined) {
    // Runs 0..run of the seed, and no time budget: exactly the runs up to the failing one.
    const again = rerunLine('fuzz', args, CAMPAIGN_FLAGS, undefined, { seed, runs: failure.run + 1, time: undefined });
    written = reportFailureTrace({
      failure,
      shrunk: interrupted
        ? `not shrunk: interrupted; ${failure.steps.length} actions`
        : `shrunk from ${failure.originalLength} to ${failure.steps.length} actions`,
      start,
      world,
      seed,
      out,
      prefix: `fuzz-seed${seed}${sharded ? `-shard${shard.index}of${shard.count}` : ''}`,
      replay,
      found: `(run ${failure.run} of seed ${seed}: the failing run with the smallest index)\nrerun the campaign up to it with: ${again}\n`,
    });
    if (written === undefined) lost = EXIT_OUTPUT_LOST;
  }
  if (summaryClaim !== undefined) {
    const document = summaryDocument(
      result.stats,
      campaignRecord(result, written, {
        seed,
        runs,
        depth,
        actors,
        probes,
        probeEvery,
        shard,
        time: f.time as number | undefined,
        contracts: artifacts.key,
      }),
    );
    if (writeSummaryFile(summaryClaim, document).lost !== undefined) lost = EXIT_OUTPUT_LOST;
  }
  const reported = await reportCampaign(ci, {
    artifacts,
    result,
    seconds: result.seconds.runs + result.seconds.shrink,
    seed,
    start,
    written,
    contractsDir: f.contracts as string | undefined,
  });
  if (reported.lost) lost = EXIT_OUTPUT_LOST;
  if (interrupted) {
    process.stdout.write(
      `interrupted by Ctrl-C after ${result.stats.runs} runs: the counts above are the runs so far\n`,
    );
    return EXIT_INTERRUPTED;
  }
  if (failure === undefined) {
    process.stdout.write(result.interrupted ? 'stopped by the time budget: no failure found\n' : 'no failure found\n');
    return lost;
  }
  return 1 | lost;
}

/**
 * Refuses a `--workers` the campaign cannot use: more threads than runs (the extra ones would only
 * load and idle) or more than {@link WORKERS_PER_CORE} per core (each holds a whole EVM world: 999
 * of them exhaust memory long before they help).
 */
function checkWorkers(workers: number, runs: number, sharded: boolean): void {
  const cores = availableParallelism();
  if (runs === 0) throw new UsageError("--shard: this shard has none of the campaign's runs", 'fuzz');
  if (workers > WORKERS_PER_CORE * cores) {
    throw new UsageError(
      `--workers ${workers} is more than ${WORKERS_PER_CORE} per core (${cores} cores here: at most ${WORKERS_PER_CORE * cores})`,
      'fuzz',
    );
  }
  if (workers > runs) {
    const what = sharded ? `this shard's ${runs} runs` : `the ${runs} runs`;
    throw new UsageError(`--workers ${workers} is more than ${what}: at most one worker per run`, 'fuzz');
  }
}

/** The summary JSON's campaign record. */
function campaignRecord(
  result: CampaignResult,
  written: string | undefined,
  // The record's identity fields as they are, the shard and time budget before they are written out.
  c: Pick<CampaignRecord, (typeof CAMPAIGN_IDENTITY)[number]> & { shard: Shard; time: number | undefined },
): CampaignRecord {
  const failure = result.failure;
  return {
    seed: c.seed,
    runs: c.runs,
    depth: c.depth,
    actors: c.actors,
    probes: c.probes,
    probeEvery: c.probeEvery,
    contracts: c.contracts,
    timeSeconds: c.time ?? null,
    shard: shardLabel(c.shard),
    counted: result.ranges,
    complete: failure === undefined && !result.interrupted,
    failure: failureRecord(failure, written),
  };
}

/** Which runs of the campaign this shard counted, for the summary. */
function shardLine(result: CampaignResult, shard: Shard, runs: number): string {
  const ranges = result.ranges.map(([a, b]) =>
    a === b ? `${a}` : b === a + shard.count ? `${a}, ${b}` : `${a}, ${a + shard.count}, ..., ${b}`,
  );
  const total = Number.isFinite(runs) && runs < Number.MAX_SAFE_INTEGER ? ` of the campaign's ${runs}` : '';
  return `shard ${shardLabel(shard)}: runs ${ranges.join('; ') || 'none'} (${result.stats.runs}${total}); add shards up with: npx cliffless merge-summaries <summary.json>...`;
}
