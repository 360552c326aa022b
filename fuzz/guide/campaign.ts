import type { Action } from '../../reference/action.ts';
import { type MinimizedFailure, type RunOptions, shrinkActions } from '../runner/campaign.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { checksFor, type Environment } from '../runner/environment.ts';
import type { ExecutedStep } from '../runner/run-sequence.ts';
import { runSeed, runWords } from '../runner/seed-schedule.ts';
import { type Shard, shardRunCount, WHOLE } from '../runner/shard.ts';
import { CampaignStats } from '../runner/stats.ts';
import type { Trace } from '../trace/format.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import { foundAtOf, loadOrder } from './corpus-order.ts';
import { type GuidedInput, Rng } from './input.ts';
import { type MutationKind, mutateInput } from './mutate.ts';
import { type InputRun, runInput } from './run-input.ts';
import { type GuidedExecutor, type GuidedJob, localExecutor } from './run-job.ts';
import { dropWarmCache, newCampaignName } from './warm-start.ts';

/** Runs per epoch: an epoch's runs draw their parents only from what earlier epochs kept. */
export const DEFAULT_EPOCH = 32;

/** One run in this many starts fresh from the seed schedule instead of mutating a corpus entry. */
export const FRESH_ONE_IN = 4;

/** Half of the mutated runs pick their parent among this many newest entries. */
export const RECENT = 8;

/** Mixed into the seed for the guide's own choices, so they never repeat the run's words. */
const GUIDE_SALT = 0x5eed_c0de;

/** A corpus entry: an input that reached features no earlier input had. */
export interface CorpusEntry {
  input: GuidedInput;
  /** The steps it executed (what its trace file records). */
  steps: ExecutedStep[];
  /** The features it reached first, sorted. */
  added: string[];
  /** The campaign run that found it, or the corpus file it was loaded from. */
  origin: { run: number } | { file: string };
  /** For a loaded entry: the run that found it, as its file's title records it (corpus-order.ts). */
  foundAt?: number;
}

/** A corpus file as read: its path and trace. */
export interface CorpusFile {
  file: string;
  trace: Trace;
}

/** What a guided campaign runs. */
export interface GuidedOptions extends RunOptions {
  runs: number;
  epoch?: number;
  timeSeconds?: number;
  shrinkBudget?: number;
  /**
   * Warm starts (warm-start.ts): a mutated run starts from a snapshot of its parent after the
   * steps they share, when its thread holds one. The results are the same either way. Default: on,
   * unless the environment variable `CLIFFLESS_WARM_STARTS` is `0`; always off with `onInput`
   * (which sees a run's end state beyond what the sides' snapshots hold).
   */
  warmStarts?: boolean;
  /** Entries of a kept corpus, replayed before run 0, oldest finds first (corpus-order.ts `loadOrder`). */
  corpus?: CorpusFile[];
  /**
   * The lane to run: runs `shard.index` mod `shard.count` of the campaign, as a campaign of their
   * own (its epochs are `epoch` of its runs; it sees only its own corpus). Default: every run.
   */
  shard?: Shard;
  /** Where an epoch's runs run (default: one after another on this thread, on `env`). */
  executor?: GuidedExecutor;
  /** After every run, with the counts so far. */
  onRun?: (progress: GuidedProgress) => void;
  /**
   * Sees each input as soon as it ran (both sides still in its end state; loaded corpus entries
   * too), before its failure or features are looked at. `true` keeps it in the corpus even if it
   * reached nothing new: `fuzz --maximize` keeps the runs that raise the best value so far.
   */
  onInput?: (run: InputRun, origin: CorpusEntry['origin']) => boolean | Promise<boolean>;
}

/** What the progress line shows. */
export interface GuidedProgress {
  stats: CampaignStats;
  corpusSize: number;
  branches: number;
}

/** How a guided campaign ended. */
export interface GuidedResult {
  stats: CampaignStats;
  failure: MinimizedFailure | undefined;
  /** The corpus file whose replay failed, if the failure came from one. */
  failureFile?: string;
  interrupted: boolean;
  /** Seconds spent shrinking the failure (0 without one), so the rate can leave it out. */
  shrinkSeconds: number;
  /** Runs of the lane counted in `stats` (the failing one included): the first that many of the lane. */
  runsDone: number;
  /** Entries loaded and still reaching something, then entries found by this campaign, in order. */
  corpus: CorpusEntry[];
  /** How many of `corpus` this campaign found (the last ones). */
  addedCount: number;
  /** Loaded entries that no longer replay the same way, and what became of them. */
  stale: { file: string; reason: string; kept: boolean }[];
  /** Each feature's first run (-1: reached by the loaded corpus). */
  firstHit: Map<string, number>;
  /** Branch directions reached after each epoch: [runs of the lane done, directions]. */
  growth: [number, number][];
  /** Runs by how their input was made. */
  origins: Record<'fresh' | MutationKind, number>;
}

const isBranch = (feature: string) => feature.startsWith('b:');

/**
 * A coverage-guided campaign. Each run's input either comes fresh from the seed schedule (as in
 * the open-loop campaign) or is a mutation of a corpus entry at the level of the generator's words;
 * it runs in lockstep on the model and the EVM with every check, and if it reaches a feature (a
 * branch direction, an outcome, a relation, a phase transition) no earlier input reached, it joins
 * the corpus. Runs go in epochs of {@link DEFAULT_EPOCH}: a run's parents come only from what
 * earlier epochs kept, and features are merged in run-index order, so the campaign depends on the
 * seed, the contracts and the starting corpus alone, whichever executor (one thread or many) runs an
 * epoch. With a shard, the lane of its run indices is such a campaign of its own. The first failure
 * (by run index) stops it and is shrunk, once, on this thread, over its concrete actions.
 */
export async function runGuidedCampaign(
  env: Environment,
  recorder: BranchRecorder,
  options: GuidedOptions,
): Promise<GuidedResult> {
  const epoch = options.epoch ?? DEFAULT_EPOCH;
  const deadline = options.timeSeconds === undefined ? undefined : Date.now() + options.timeSeconds * 1000;
  const checks = () =>
    checksFor(env, { probesPerStep: options.probesPerStep, probeEvery: options.probeEvery ?? DEFAULT_PROBE_EVERY });
  const stats = new CampaignStats();
  const seen = new Set<string>();
  const firstHit = new Map<string, number>();
  const corpus: CorpusEntry[] = [];
  const stale: GuidedResult['stale'] = [];
  const growth: [number, number][] = [];
  const origins = {
    fresh: 0,
    tweak: 0,
    edge: 0,
    relate: 0,
    redraw: 0,
    'truncate-extend': 0,
    splice: 0,
    insert: 0,
    delete: 0,
    extend: 0,
  };
  let branches = 0;
  const admit = (run: { features: string[] }, at: number): string[] => {
    const added = run.features.filter((f) => !seen.has(f));
    for (const f of added) {
      seen.add(f);
      firstHit.set(f, at);
      if (isBranch(f)) branches++;
    }
    return added;
  };
  const failed = async (
    run: { steps: ExecutedStep[] },
    index: number,
    file: string | undefined,
    runsDone: number,
  ): Promise<GuidedResult> => {
    const actions: Action[] = run.steps.map((s) => s.action);
    const shrinking = performance.now();
    const failure = await shrinkActions(env, options, actions, { run: index, originalLength: run.steps.length });
    const result = finish(false, runsDone, failure);
    result.shrinkSeconds = (performance.now() - shrinking) / 1000;
    if (file !== undefined) result.failureFile = file;
    return result;
  };
  const finish = (interrupted: boolean, runsDone: number, failure?: MinimizedFailure): GuidedResult => {
    dropWarmCache(env); // this thread's snapshots; worker threads drop theirs when the next campaign starts
    return {
      stats,
      failure,
      interrupted,
      shrinkSeconds: 0,
      runsDone,
      corpus,
      addedCount: corpus.filter((e) => 'run' in e.origin).length,
      stale,
      firstHit,
      growth,
      origins,
    };
  };

  // The kept corpus first: each entry is replayed, never trusted, and kept for what it still reaches.
  // Oldest finds first, so the newest finds of the campaign that wrote it are the newest parents here.
  for (const loaded of loadOrder(options.corpus ?? [])) {
    const { file, trace } = loaded;
    const input: GuidedInput = { prefix: trace.actions, prefixFile: file, words: [] };
    const run = await runInput(env, recorder, checks(), input);
    const chosen = (await options.onInput?.(run, { file })) === true;
    if (run.failure !== undefined) return failed(run, -1, file, 0);
    const added = admit(run, -1);
    if (run.stale !== undefined) stale.push({ file, reason: run.stale, kept: added.length > 0 || chosen });
    if (added.length === 0 && !chosen) continue;
    const kept: GuidedInput = { prefix: trace.actions.slice(0, run.steps.length), prefixFile: file, words: [] };
    const foundAt = foundAtOf(loaded);
    corpus.push({
      input: kept,
      steps: run.steps,
      added,
      origin: { file },
      ...(foundAt === undefined ? {} : { foundAt }),
    });
  }
  growth.push([0, branches]);

  const shard = options.shard ?? WHOLE;
  const laneRuns = shardRunCount(options.runs, shard);
  if (options.onInput !== undefined && options.executor !== undefined)
    throw new Error("onInput needs each run's end state: it runs only with the local executor");
  const executor = options.executor ?? localExecutor(env, recorder, options, options.onInput);
  const warm =
    (options.warmStarts ?? process.env.CLIFFLESS_WARM_STARTS !== '0') && options.onInput === undefined
      ? newCampaignName()
      : undefined;
  for (let start = 0; start < laneRuns; start += epoch) {
    // The epoch's inputs depend only on what earlier epochs kept: made here, run anywhere.
    const parents = corpus.slice();
    const end = Math.min(laneRuns, start + epoch);
    const planned: { job: GuidedJob; kind: 'fresh' | MutationKind }[] = [];
    for (let k = start; k < end; k++) planned.push(planRun(options, shard.index + k * shard.count, parents, warm));
    const results = await executor.runEpoch(
      planned.map((p) => p.job),
      deadline,
    );
    for (const [n, { job, kind }] of planned.entries()) {
      const run = results[n];
      if (run === undefined || run.index !== job.index) return finish(true, start + n);
      origins[kind]++;
      stats.merge(run.stats);
      if (run.failed) return failed(run, job.index, undefined, start + n + 1);
      // Admitted in run-index order whichever thread ran what: `parents` stays the epoch's view.
      const added = admit(run, job.index);
      if (added.length > 0 || run.chosen === true) {
        const executed = run.steps.length - job.input.prefix.length;
        corpus.push({
          input: { ...job.input, words: job.input.words.slice(0, executed) },
          steps: run.steps,
          added,
          origin: { run: job.index },
        });
      }
      options.onRun?.({ stats, corpusSize: corpus.length, branches });
    }
    growth.push([end, branches]);
  }
  return finish(false, laneRuns);
}

/**
 * The input of run `index`: fresh from the seed schedule (the open-loop campaign's run `index`), or
 * a mutation of one of `parents`. The guide's choices come from (seed, index) alone.
 */
function planRun(
  options: GuidedOptions,
  index: number,
  parents: readonly CorpusEntry[],
  warm: string | undefined,
): { job: GuidedJob; kind: 'fresh' | MutationKind } {
  const rng = new Rng(runSeed(options.seed ^ GUIDE_SALT, index));
  if (parents.length === 0 || rng.below(FRESH_ONE_IN) === 0) {
    return {
      job: {
        index,
        input: { prefix: [], words: runWords(options.seed, index, options.depth) },
        ...(warm === undefined ? {} : { warm: { campaign: warm } }),
      },
      kind: 'fresh',
    };
  }
  // Half the time one of the newest entries: a branch found once is then explored around.
  const recent = Math.min(parents.length, RECENT);
  const parent = (
    rng.below(2) === 0 ? parents[parents.length - 1 - rng.below(recent)] : parents[rng.below(parents.length)]
  ) as CorpusEntry;
  const other = parents[rng.below(parents.length)] as CorpusEntry;
  const mutated = mutateInput(parent.input, other.input, options.depth, rng);
  const job: GuidedJob = { index, input: mutated.input };
  // Only runs of this campaign have snapshots (a loaded entry was replayed before any job).
  if (warm !== undefined)
    job.warm = {
      campaign: warm,
      ...('run' in parent.origin ? { from: { run: parent.origin.run, shared: mutated.shared } } : {}),
    };
  return { job, kind: mutated.kind };
}
