import type { Action } from '../../reference/action.ts';
import { ModelInputError } from '../../reference/errors.ts';
import type { Artifacts } from '../compile/index.ts';
import { interpretStep } from '../generate/interpret.ts';
import type { StepFailure } from '../trace/failure.ts';
import type { TraceWorld } from '../trace/format.ts';
import { RunBoard } from './board.ts';
import { type Checks, DEFAULT_PROBE_EVERY } from './checks.ts';
import { checksFor, type Environment, resetEnvironment } from './environment.ts';
import { RunFold, type RunRanges, type RunReport } from './fold.ts';
import { mergeWarps, minimizeList, ShrinkBudget, simplifyValues } from './minimize.ts';
import { type ExecutedStep, runSequence, type SequenceResult } from './run-sequence.ts';
import { runWords } from './seed-schedule.ts';
import { type Shard, WHOLE } from './shard.ts';
import { CampaignStats } from './stats.ts';

export { runWords, stepsArbitrary } from './seed-schedule.ts';

/** Replays spent shrinking a failure, at most: bounds the time a failure takes to report. */
export const DEFAULT_SHRINK_BUDGET = 600;

/** What every run of a campaign shares: where its steps come from and how each step is checked. */
export interface RunOptions {
  seed: number;
  depth: number;
  /** Probes (M6, O5) per probing step; see Checks. */
  probesPerStep: number;
  /** Probe after every k-th step and at each run's end (default {@link DEFAULT_PROBE_EVERY}). */
  probeEvery?: number;
}

/** A campaign's part for the worker threads (see {@link CampaignPool}). */
export interface PoolPlan {
  artifacts: Artifacts;
  world: TraceWorld;
  options: RunOptions;
  board: RunBoard;
  deadline: number | undefined;
  onRun: (report: RunReport) => void;
}

/**
 * Threads that run part of a campaign (fuzz/parallel's WorkerPool). The campaign sees only this
 * interface, so the core does not import the tool that spreads it over threads: the caller boots
 * the pool and hands it in.
 */
export interface CampaignPool {
  readonly size: number;
  /** Runs the plan on every thread; resolves true if the deadline stopped one. */
  run(plan: PoolPlan): Promise<boolean>;
  /** Stops every thread. */
  terminate(): Promise<void>;
}

/** What a campaign runs. */
export interface CampaignOptions extends RunOptions {
  runs: number;
  /** Wall-clock budget in seconds; runs in progress finish, then the campaign stops. */
  timeSeconds?: number;
  /** Replays the shrinker may spend on a failure (default {@link DEFAULT_SHRINK_BUDGET}). */
  shrinkBudget?: number;
  /** The part of the campaign to run: runs `shard.index` mod `shard.count` (default: all). */
  shard?: Shard;
  /** Worker threads sharing the runs (default 1: this thread). More need `deploy` and `pool`. */
  workers?: number;
  /** What each worker thread compiles nothing from and deploys its own world with. */
  deploy?: { artifacts: Artifacts; world: TraceWorld };
  /**
   * `workers - 1` threads, booted by the caller (early, to load while this thread compiles and
   * deploys). The campaign terminates them when it ends.
   */
  pool?: CampaignPool;
  /** Called after every run of the campaign proper (not during shrinking) with every run so far. */
  onRun?: (stats: CampaignStats) => void;
  /**
   * Aborted (Ctrl-C): no thread claims another run, runs in progress finish, and the campaign ends
   * as interrupted with the runs so far; a failure already found is reported unshrunk.
   */
  signal?: AbortSignal;
}

/** A failure reduced to a short action list that still fails the same way. */
export interface MinimizedFailure {
  /** The minimized steps, the failing one last. */
  steps: ExecutedStep[];
  failure: StepFailure;
  /** Length of the failing sequence before shrinking. */
  originalLength: number;
  /** Index of the failing run in the campaign (its steps come from the seed and this index). */
  run: number;
}

/** How a campaign ended. */
export interface CampaignResult {
  /** Exactly the runs in `ranges`: up to the first failing one, or all of the shard's. */
  stats: CampaignStats;
  failure: MinimizedFailure | undefined;
  /** True when the time budget (or `signal`) stopped the campaign before `runs`. */
  interrupted: boolean;
  /** Seconds the campaign proper took (its runs), and the shrinking after it: reported apart. */
  seconds: { runs: number; shrink: number };
  /** The run indices counted in `stats`, as inclusive ranges stepping by the shard count. */
  ranges: RunRanges;
}

/** Runs generated steps from the start state. */
export async function runGenerated(
  env: Environment,
  checks: Checks,
  words: readonly (readonly number[])[],
  stats?: CampaignStats,
): Promise<SequenceResult> {
  await resetEnvironment(env);
  checks.reset();
  return runSequence(
    env.model,
    env.evm,
    (state, i) => (i < words.length ? interpretStep(words[i] as number[], env.setup, state) : undefined),
    stats === undefined ? { checks } : { checks, stats },
  );
}

/** Runs a fixed action list from the start state. */
export async function runActions(
  env: Environment,
  checks: Checks,
  actions: readonly Action[],
  stats?: CampaignStats,
): Promise<SequenceResult> {
  await resetEnvironment(env);
  checks.reset();
  return runSequence(env.model, env.evm, (_, i) => actions[i], stats === undefined ? { checks } : { checks, stats });
}

/**
 * Fresh checks for one run: the probe rotation starts over, so a run checks the same whatever ran
 * before it in this thread (the campaign's result must not depend on how runs are spread).
 */
function runChecks(env: Environment, options: RunOptions): Checks {
  return checksFor(env, {
    probesPerStep: options.probesPerStep,
    probeEvery: options.probeEvery ?? DEFAULT_PROBE_EVERY,
  });
}

/** Only the fields a run needs (what a worker thread is sent). */
function runOptions(options: RunOptions): RunOptions {
  return {
    seed: options.seed,
    depth: options.depth,
    probesPerStep: options.probesPerStep,
    probeEvery: options.probeEvery ?? DEFAULT_PROBE_EVERY,
  };
}

/**
 * Claims runs from `board` and runs them one after another on `env`, reporting each, until none is
 * left, a run fails, or `deadline` (ms since the epoch) has passed; returns true in the last case.
 * `pause` runs between runs (the main thread uses it to take workers' messages).
 */
export async function runClaimed(
  env: Environment,
  options: RunOptions,
  board: RunBoard,
  deadline: number | undefined,
  onRun: (report: RunReport) => void,
  pause?: () => Promise<void>,
): Promise<boolean> {
  for (;;) {
    if (deadline !== undefined && Date.now() >= deadline) return true;
    const index = board.claim();
    if (index === undefined) return false;
    const stats = new CampaignStats();
    const result = await runGenerated(
      env,
      runChecks(env, options),
      runWords(options.seed, index, options.depth),
      stats,
    );
    stats.runs = 1;
    stats.recordReached(result.succeeded);
    const failed = result.failure !== undefined;
    if (failed) {
      stats.failures = 1;
      board.reportFailure(index);
    }
    onRun({ index, stats, failed, length: result.steps.length });
    if (failed) return false;
    await pause?.();
  }
}

/**
 * A differential campaign: run i's steps are drawn from its own seed, derived from (`seed`, i), and
 * run on the model and the EVM from the same start state with every check after every step. The
 * runs are spread over `workers` threads; the campaign's failure is the failing run with the
 * smallest index and the counts are exactly the runs up to it, so the result is the same for any
 * number of workers. That failure is shrunk here, once, with a bounded budget: ddmin over the
 * generator's steps, ddmin over the concrete actions, then smaller amounts. Same seed and
 * contracts, same result (with no time budget).
 */
export async function runCampaign(env: Environment, options: CampaignOptions): Promise<CampaignResult> {
  const shard = options.shard ?? WHOLE;
  const workers = options.workers ?? 1;
  const deadline = options.timeSeconds === undefined ? undefined : Date.now() + options.timeSeconds * 1000;
  const fold = new RunFold(shard);
  const onRun = (report: RunReport) => {
    fold.add(report);
    options.onRun?.(fold.live);
  };
  const board = new RunBoard(options.runs, shard);
  const started = performance.now();
  const stop = () => board.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  let interrupted: boolean;
  if (workers === 1) {
    // A run is promise work only: without a turn of the event loop between runs, a signal's handler
    // would wait for the whole campaign.
    const pause = options.signal === undefined ? undefined : yieldToMessages;
    interrupted = await runClaimed(env, options, board, deadline, onRun, pause);
  } else {
    if (options.deploy === undefined) throw new Error('internal: a campaign on worker threads needs `deploy`');
    const pool = options.pool;
    if (pool === undefined)
      throw new Error(`internal: a campaign on ${workers} workers needs a pool of ${workers - 1}`);
    if (pool.size !== workers - 1) throw new Error(`internal: ${workers} workers need a pool of ${workers - 1}`);
    // This thread is one of the workers: it starts at once while the others load and deploy.
    const others = pool.run({ ...options.deploy, options: runOptions(options), board, deadline, onRun });
    try {
      const mine = await runClaimed(env, options, board, deadline, onRun, yieldToMessages);
      interrupted = (await others) || mine;
    } finally {
      await pool.terminate();
    }
  }
  options.signal?.removeEventListener('abort', stop);
  interrupted ||= options.signal?.aborted === true;
  const runs = (performance.now() - started) / 1000;
  const { stats, failure, ranges } = fold.finish();
  if (failure === undefined) return { stats, failure: undefined, interrupted, ranges, seconds: { runs, shrink: 0 } };
  const shrinking = performance.now();
  const found =
    options.signal?.aborted === true
      ? await unshrunkRun(env, options, failure.index, failure.length)
      : await shrinkRun(env, options, failure.index, failure.length);
  return {
    stats,
    failure: found,
    interrupted,
    ranges,
    seconds: { runs, shrink: (performance.now() - shrinking) / 1000 },
  };
}

/** The failing run `index` as it ran, for a campaign interrupted before it could shrink it. */
async function unshrunkRun(
  env: Environment,
  options: CampaignOptions,
  index: number,
  originalLength: number,
): Promise<MinimizedFailure> {
  const result = await runGenerated(env, runChecks(env, options), runWords(options.seed, index, options.depth));
  if (result.failure === undefined)
    throw new Error(`internal: run ${index} did not fail again; the run is not deterministic`);
  return { steps: result.steps, failure: result.failure, originalLength, run: index };
}

/** One turn of the event loop: lets messages from workers, and signals, be handled. */
const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Shrinks the failing run `index` of the campaign; deterministic, on this thread's `env`. */
async function shrinkRun(
  env: Environment,
  options: CampaignOptions,
  index: number,
  originalLength: number,
): Promise<MinimizedFailure> {
  const checks = () => runChecks(env, options);
  // Each phase gets its own share, so a long ddmin cannot starve the value pass that makes a trace readable.
  const share = () => new ShrinkBudget(Math.ceil((options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET) / 4));
  const words = runWords(options.seed, index, options.depth);
  const first = await runGenerated(env, checks(), words);
  const target = first.failure;
  if (target === undefined) throw new Error(`internal: run ${index} did not fail again; the run is not deterministic`);
  const sameFailure = (f: StepFailure | undefined) => f !== undefined && f.kind === target.kind && f.id === target.id;

  // 1. Generator steps: drop steps after the failure, then ddmin (later steps are re-interpreted).
  const kept = await minimizeList(
    words.slice(0, target.step + 1),
    async (candidate) => sameFailure((await runGenerated(env, checks(), candidate)).failure),
    share(),
  );
  // 2. Concrete actions: ddmin, then smaller, rounder amounts.
  const generated = await runGenerated(env, checks(), kept);
  return shrinkActions(
    env,
    options,
    generated.steps.map((s) => s.action),
    { run: index, originalLength },
  );
}

/**
 * Shrinks a failing action list (a run's concrete actions): ddmin over the actions, merged warps,
 * then smaller, rounder amounts, keeping the same failure (kind and id). A guided campaign, whose
 * inputs are not one seed's words, shrinks its failure with this alone.
 */
export async function shrinkActions(
  env: Environment,
  options: RunOptions & { shrinkBudget?: number },
  failing: readonly Action[],
  origin: { run: number; originalLength: number },
): Promise<MinimizedFailure> {
  const checks = () => runChecks(env, options);
  const share = () => new ShrinkBudget(Math.ceil((options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET) / 4));
  const target = (await runActions(env, checks(), failing)).failure;
  if (target === undefined)
    throw new Error(`internal: run ${origin.run} did not fail again; the run is not deterministic`);
  const sameFailure = (f: StepFailure | undefined) => f !== undefined && f.kind === target.kind && f.id === target.id;
  const stillFails = async (candidate: Action[]) => {
    try {
      return sameFailure((await runActions(env, checks(), candidate)).failure);
    } catch (error) {
      // Dropping an action can orphan a later one (a transfer of a series' token whose createSeries
      // is gone): the model refuses it as input, so the candidate is no trace at all.
      if (error instanceof ModelInputError) return false;
      throw error;
    }
  };
  let actions = await minimizeList(failing.slice(0, target.step + 1), stillFails, share());
  actions = await mergeWarps(actions, stillFails, share());
  actions = await simplifyValues(actions, stillFails, share());
  const final = await runActions(env, checks(), actions);
  if (final.failure === undefined) throw new Error('internal: the minimized trace no longer fails');
  return { steps: final.steps, failure: final.failure, originalLength: origin.originalLength, run: origin.run };
}
