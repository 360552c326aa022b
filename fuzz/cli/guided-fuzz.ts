import type { Artifacts } from '../compile/index.ts';
import { branchTotals } from '../guide/branch-recorder.ts';
import { DEFAULT_EPOCH, type GuidedProgress, type GuidedResult, runGuidedCampaign } from '../guide/campaign.ts';
import { readCorpus, writeCorpus } from '../guide/corpus-files.ts';
import { prepareGuidedEnvironment } from '../guide/prepare.ts';
import { runJob } from '../guide/run-job.ts';
import { formatGuidedSummary } from '../guide/summary.ts';
import { guidedSummaryJson } from '../guide/summary-json.ts';
import { threadedExecutor } from '../guide/threaded-executor.ts';
import { GuidedWorkerPool } from '../guide/worker-pool.ts';
import { claimOutput, EXIT_OUTPUT_LOST, type OutputClaim } from '../io/output.ts';
import { type CampaignRecord, summaryDocument, writeSummaryFile } from '../parallel/summary-file.ts';
import type { CampaignResult, RunOptions } from '../runner/campaign.ts';
import type { RunRanges } from '../runner/fold.ts';
import { type Shard, shardLabel, shardRunCount } from '../runner/shard.ts';
import type { CampaignStats } from '../runner/stats.ts';
import { formatSummary } from '../runner/summary.ts';
import type { TraceWorld } from '../trace/format.ts';
import { NameBook } from '../trace/names.ts';
import { reportCampaign } from './campaign-reports.ts';
import type { CiOutputs } from './ci-outputs.ts';
import type { CoverageStep } from './coverage-step.ts';
import { failureRecord, reportFailureTrace } from './failure-trace.ts';
import { Progress } from './progress.ts';

/** The progress line with the corpus and the branch directions reached. */
class GuidedProgressLine extends Progress {
  guided: GuidedProgress | undefined;

  override line(stats: CampaignStats, totalRuns: number): string {
    const base = super.line(stats, totalRuns);
    const g = this.guided;
    return g === undefined ? base : `${base}  branches ${g.branches}  corpus ${g.corpusSize}`;
  }
}

/** What `cliffless fuzz --guided` runs (parsed, and every output claimed, by the fuzz command). */
export interface GuidedFuzzOptions {
  seed: number;
  runs: number;
  depth: number;
  probes: number;
  probeEvery: number;
  actors: number;
  world: TraceWorld;
  /** The traces folder, claimed before any work. */
  out: OutputClaim;
  /** The command line that reruns this campaign. */
  rerun: string;
  /** The command line that replays a written trace (with the flags that change a replay). */
  replay: (trace: string) => string;
  timeSeconds?: number;
  corpus?: string;
  /** Threads running an epoch's runs (this one and `workers - 1` others). */
  workers: number;
  /** The lane of run indices this process runs (default: all). */
  shard: Shard;
  /** Runs per epoch (a hidden option: tests use small epochs). */
  epoch?: number;
  coverage: CoverageStep | undefined;
  ci: CiOutputs;
  summary: OutputClaim | undefined;
  contractsDir: string | undefined;
}

/**
 * `cliffless fuzz --guided [--corpus DIR]`: a coverage-guided campaign, its epochs' runs spread over
 * `--workers` threads (the result does not depend on it), or one lane of it with `--shard`. The
 * corpus folder is claimed before any work, read, replayed, and what the campaign added is written
 * into it at the end, never over a file. Exit 0, or 1 with a written, shrunk trace (plus 4 when an
 * output could not be written after the work).
 */
export async function guidedFuzz(
  options: GuidedFuzzOptions,
  compile: () => Artifacts,
  log: (line: string) => void,
): Promise<number> {
  const claim: OutputClaim | undefined =
    options.corpus === undefined ? undefined : claimOutput('corpus', options.corpus, { kind: 'folder' });
  // A malformed entry is refused before anything is compiled or run.
  const seedCorpus = options.corpus === undefined ? [] : readCorpus(options.corpus, options.world);
  // Worker threads load the harness while this one compiles and deploys.
  const pool = options.workers > 1 ? GuidedWorkerPool.boot(options.workers - 1) : undefined;
  try {
    return await campaign(options, seedCorpus, compile, log, pool, claim);
  } finally {
    await pool?.terminate();
  }
}

async function campaign(
  options: GuidedFuzzOptions,
  seedCorpus: ReturnType<typeof readCorpus>,
  compile: () => Artifacts,
  log: (line: string) => void,
  pool: GuidedWorkerPool | undefined,
  claim: OutputClaim | undefined,
): Promise<number> {
  const artifacts = compile();
  const runOptions: RunOptions = {
    seed: options.seed,
    depth: options.depth,
    probesPerStep: options.probes,
    probeEvery: options.probeEvery,
  };
  pool?.start({ artifacts, world: options.world, options: runOptions });
  const { env, recorder } = await prepareGuidedEnvironment(
    artifacts,
    options.world,
    options.coverage?.deployOptions(artifacts).onChain,
  );
  const sharded = options.shard.count > 1;
  const finite = options.runs < Number.MAX_SAFE_INTEGER;
  log(
    `fuzzing (guided): seed ${options.seed}, ${finite ? `${options.runs} runs` : 'until the time budget'}, depth up to ${options.depth}, ${options.world.actors} actors` +
      `${sharded ? `, lane of shard ${shardLabel(options.shard)}` : ''}${options.workers > 1 ? `, ${options.workers} workers` : ''}` +
      `${options.corpus === undefined ? '' : `, corpus ${options.corpus} (${seedCorpus.length} entries)`}`,
  );
  const progress = new GuidedProgressLine();
  const laneRuns = finite ? shardRunCount(options.runs, options.shard) : options.runs;
  const epoch = options.epoch ?? DEFAULT_EPOCH;
  const result = await runGuidedCampaign(env, recorder, {
    ...runOptions,
    runs: options.runs,
    epoch,
    corpus: seedCorpus,
    shard: options.shard,
    ...(pool === undefined
      ? {}
      : { executor: threadedExecutor((job) => runJob(env, recorder, runOptions, job), pool) }),
    ...(options.timeSeconds === undefined ? {} : { timeSeconds: options.timeSeconds }),
    onRun: (g) => {
      progress.guided = g;
      progress.update(g.stats, laneRuns);
    },
  });
  recorder.detach();
  progress.done();
  const seconds = { runs: Math.max(0, progress.elapsed() - result.shrinkSeconds), shrink: result.shrinkSeconds };
  process.stdout.write(`${formatSummary(result.stats, seconds, options.rerun)}\n`);
  let lost = 0;
  if (options.coverage !== undefined) {
    const covered = options.coverage.finish(artifacts, options.contractsDir);
    process.stdout.write(covered.summary);
    if (covered.delivery.lost !== undefined) lost = EXIT_OUTPUT_LOST;
  }
  const totals = branchTotals(artifacts);
  process.stdout.write(`${formatGuidedSummary(result, totals)}\n`);
  const ranges = laneRanges(options.shard, result.runsDone);
  if (sharded) process.stdout.write(`${laneLine(options.shard, ranges, result.runsDone)}\n`);
  if (claim !== undefined) {
    const added = result.corpus.filter((e) => 'run' in e.origin);
    const written = writeCorpus(claim, added, env.setup, options.world);
    process.stdout.write(`corpus: ${written.length} new file(s) written to ${options.corpus}\n`);
  }
  const start = new NameBook(env.setup);
  const written = result.failure === undefined ? undefined : reportFailure(options, result, start);
  if (result.failure !== undefined && written === undefined) lost = EXIT_OUTPUT_LOST;
  if (options.summary !== undefined) {
    const document = {
      ...summaryDocument(result.stats, campaignRecord(options, result, ranges, written, artifacts.key)),
      guided: guidedSummaryJson(result, totals, epoch),
    };
    if (writeSummaryFile(options.summary, document).lost !== undefined) lost = EXIT_OUTPUT_LOST;
  }
  const asCampaign: CampaignResult = {
    stats: result.stats,
    failure: result.failure,
    interrupted: result.interrupted,
    seconds,
    ranges,
  };
  const reported = await reportCampaign(options.ci, {
    artifacts,
    result: asCampaign,
    seconds: seconds.runs + seconds.shrink,
    seed: options.seed,
    start,
    written,
    contractsDir: options.contractsDir,
  });
  if (reported.lost) lost = EXIT_OUTPUT_LOST;
  if (result.failure === undefined) {
    process.stdout.write(result.interrupted ? 'stopped by the time budget: no failure found\n' : 'no failure found\n');
    return lost;
  }
  return 1 | lost;
}

/** Prints the shrunk failure, then writes its trace; returns the trace's path (undefined: not written). */
function reportFailure(options: GuidedFuzzOptions, result: GuidedResult, start: NameBook): string | undefined {
  const failure = result.failure;
  if (failure === undefined) return undefined;
  const where =
    result.failureFile === undefined
      ? `run ${failure.run} of the guided campaign with seed ${options.seed}`
      : `replaying the corpus entry ${result.failureFile}`;
  const shard = options.shard.count > 1 ? `-shard${options.shard.index}of${options.shard.count}` : '';
  return reportFailureTrace({
    failure,
    shrunk: `shrunk from ${failure.originalLength} to ${failure.steps.length} actions`,
    start,
    world: options.world,
    seed: options.seed,
    out: options.out,
    prefix: `fuzz-guided-seed${options.seed}${shard}`,
    replay: options.replay,
    found: `(found ${where})\n`,
  });
}

/** The run indices of the lane's first `done` runs, as the summary's inclusive ranges. */
function laneRanges(shard: Shard, done: number): RunRanges {
  return done === 0 ? [] : [[shard.index, shard.index + (done - 1) * shard.count]];
}

function laneLine(shard: Shard, ranges: RunRanges, done: number): string {
  const [first, last] = ranges[0] ?? [];
  const runs =
    first === undefined ? 'none' : first === last ? `${first}` : `${first}, ${first + shard.count}, ..., ${last}`;
  return (
    `shard ${shardLabel(shard)}: runs ${runs} (${done}) as a guided lane of their own; ` +
    'add shards up with: npx cliffless merge-summaries <summary.json>..., and corpora with cliffless corpus merge|min'
  );
}

/** The summary JSON's campaign record (the open-loop campaign's shape, so merge-summaries reads it). */
function campaignRecord(
  options: GuidedFuzzOptions,
  result: GuidedResult,
  counted: RunRanges,
  written: string | undefined,
  contracts: string,
): CampaignRecord {
  const failure = result.failure;
  return {
    seed: options.seed,
    runs: options.runs,
    depth: options.depth,
    actors: options.actors,
    probes: options.probes,
    probeEvery: options.probeEvery,
    contracts,
    timeSeconds: options.timeSeconds ?? null,
    shard: shardLabel(options.shard),
    counted,
    complete: failure === undefined && !result.interrupted,
    failure: failureRecord(failure, written),
  };
}
