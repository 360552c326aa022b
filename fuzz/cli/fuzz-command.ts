import { basename } from 'node:path';
import { UsageError } from '../errors.ts';
import { exhaustiveCommand } from '../exhaustive/command.ts';
import { WorkerPool } from '../parallel/pool.ts';
import { type CampaignRecord, summaryDocument, writeSummaryFile } from '../parallel/summary-file.ts';
import { type CampaignResult, runCampaign } from '../runner/campaign.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { describeFailure } from '../runner/render.ts';
import { parseShard, type Shard, shardLabel, WHOLE } from '../runner/shard.ts';
import { buildTrace } from '../trace/build.ts';
import { writeTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import type { CommandSpec, ParsedArgs } from './args.ts';
import { compileForCli } from './compile-step.ts';
import { COVERAGE_FLAGS, coverageStep } from './coverage-step.ts';
import { guidedFuzz } from './guided-fuzz.ts';
import { Progress } from './progress.ts';
import { formatSummary } from './summary.ts';

export const fuzzSpec: CommandSpec = {
  name: 'fuzz',
  summary: 'run a differential campaign: model against the contracts in the embedded EVM',
  usage: 'cliffless fuzz [--runs N] [--depth N] [--seed N] [--time 10m] [--out DIR] [--workers N] [--shard i/n]',
  positionals: [],
  flags: [
    { name: 'runs', type: 'int', min: 1, default: '100', description: 'Action sequences to run' },
    { name: 'depth', type: 'int', min: 1, default: '100', description: 'Most actions per sequence' },
    { name: 'seed', type: 'int', min: 0, default: '1', description: 'Seed: same seed and contracts, same result' },
    {
      name: 'time',
      type: 'duration',
      description: 'Stop after this long (e.g. 90s, 15m); the result then depends on speed',
    },
    { name: 'out', type: 'string', default: 'traces', description: 'Folder a counterexample trace is written to' },
    { name: 'actors', type: 'int', min: 1, default: '4', description: 'Actors besides the arbitrator (1 to 16)' },
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
    { name: 'summary-json', type: 'string', description: 'Also write the summary as JSON to this file' },
    {
      name: 'workers',
      type: 'int',
      min: 1,
      default: '1',
      description: 'Threads running runs at once (one per core); the result does not depend on it',
    },
    {
      name: 'shard',
      type: 'string',
      description: 'Run only runs i mod n of the campaign (a CI matrix); add up with cliffless merge-summaries',
    },
    {
      name: 'exhaustive',
      type: 'boolean',
      description:
        'Run every action sequence up to --depth (default 3) over a small domain instead (docs: fuzz/exhaustive/domain.ts)',
    },
    { name: 'prelude', type: 'string', description: "With --exhaustive: start after 'created' (default) or 'settled'" },
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
  ],
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

/** `cliffless fuzz`: exit 0 when every run passed, 1 with a written trace on a failure. */
export async function fuzzCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
  const coverage = coverageStep(f);
  if (f.exhaustive === true)
    return exhaustiveCommand(f, (contracts) => compileForCli(contracts, (line) => process.stderr.write(`${line}\n`)));
  const seed = (f.seed as number | undefined) ?? 1;
  const runs = (f.runs as number | undefined) ?? (f.time === undefined ? 100 : Number.MAX_SAFE_INTEGER);
  const depth = (f.depth as number | undefined) ?? 100;
  const actors = (f.actors as number | undefined) ?? 4;
  const out = (f.out as string | undefined) ?? 'traces';
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (actors > 16) throw new UsageError('--actors must be at most 16', 'fuzz');
  const workers = (f.workers as number | undefined) ?? 1;
  const shard = f.shard === undefined ? WHOLE : parseShard(f.shard as string);
  const sharded = shard.count > 1;
  if (f.guided === true || f.corpus !== undefined) {
    if (sharded)
      throw new UsageError('--guided runs one corpus: drop --shard (or merge shards with corpus folders)', 'fuzz');
    if (coverage !== undefined)
      throw new UsageError('--guided prints its own branch coverage: drop --coverage', 'fuzz');
    return guidedFuzz(
      {
        seed,
        runs,
        depth,
        probes: (f.probes as number | undefined) ?? 2,
        probeEvery: (f['probe-every'] as number | undefined) ?? DEFAULT_PROBE_EVERY,
        world: { actors, approvals: true },
        out,
        workers,
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
  const result = await runCampaign(env, {
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
  });
  progress.done();
  const seconds = progress.elapsed();
  process.stdout.write(`${formatSummary(result.stats, seconds, seed)}\n`);
  if (coverage !== undefined) process.stdout.write(coverage.finish(artifacts, f.contracts as string | undefined));
  if (sharded) process.stdout.write(`${shardLine(result, shard, runs)}\n`);
  const start = new NameBook(env.setup);
  const written =
    result.failure === undefined
      ? undefined
      : writeTraceFile(
          out,
          `fuzz-seed${seed}${sharded ? `-shard${shard.index}of${shard.count}` : ''}`,
          buildTrace({ world, book: start, steps: result.failure.steps, failure: result.failure.failure, seed }),
        );
  if (f['summary-json'] !== undefined) {
    const record: CampaignRecord = {
      seed,
      runs,
      depth,
      actors,
      probes,
      probeEvery,
      contracts: artifacts.key,
      timeSeconds: (f.time as number | undefined) ?? null,
      shard: shardLabel(shard),
      counted: result.ranges,
      complete: result.failure === undefined && !result.interrupted,
      failure:
        result.failure === undefined || written === undefined
          ? null
          : {
              run: result.failure.run,
              kind: result.failure.failure.kind,
              id: result.failure.failure.id,
              step: result.failure.failure.step,
              message: result.failure.failure.message,
              shrunkFrom: result.failure.originalLength,
              actions: result.failure.steps.length,
              trace: basename(written),
            },
    };
    writeSummaryFile(f['summary-json'] as string, summaryDocument(result.stats, record));
  }
  if (result.failure === undefined || written === undefined) {
    process.stdout.write(result.interrupted ? 'stopped by the time budget: no failure found\n' : 'no failure found\n');
    return 0;
  }
  const path = written;
  const book = bookAfter(start, result.failure.steps.slice(0, -1));
  process.stdout.write(
    `\nFAILURE (shrunk from ${result.failure.originalLength} to ${result.failure.steps.length} actions)\n` +
      `${describeFailure(result.failure.failure, book)}\n\ntrace written to ${path}\n` +
      `replay with: npx cliffless replay ${path}\n` +
      `(run ${result.failure.run} of seed ${seed}: the failing run with the smallest index)\n`,
  );
  return 1;
}

/** Which runs of the campaign this shard counted, for the summary. */
function shardLine(result: CampaignResult, shard: Shard, runs: number): string {
  const ranges = result.ranges.map(([a, b]) =>
    a === b ? `${a}` : b === a + shard.count ? `${a}, ${b}` : `${a}, ${a + shard.count}, ..., ${b}`,
  );
  const total = Number.isFinite(runs) && runs < Number.MAX_SAFE_INTEGER ? ` of the campaign's ${runs}` : '';
  return `shard ${shardLabel(shard)}: runs ${ranges.join('; ') || 'none'} (${result.stats.runs}${total}); add shards up with: npx cliffless merge-summaries <summary.json>...`;
}
