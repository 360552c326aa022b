import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import { ModelError } from '../../reference/errors.ts';
import { TraceFormatError } from '../errors.ts';
import { interpretStep } from '../generate/interpret.ts';
import type { Checks } from '../runner/checks.ts';
import { type Environment, resetEnvironment } from '../runner/environment.ts';
import { type ExecutedStep, runSequence, type SequenceResult } from '../runner/run-sequence.ts';
import { CampaignStats } from '../runner/stats.ts';
import { unmetExpectation } from '../trace/expectation.ts';
import { NameBook } from '../trace/names.ts';
import { resolveAction } from '../trace/resolve.ts';
import { trackSeries } from '../trace/track-series.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import { type Lean, leanAction, resolveLean } from './edge-lean.ts';
import type { GuidedInput } from './input.ts';
import { historyFeatures, outcomeFeature, phaseFeatures, relationFeatures } from './model-features.ts';
import {
  copyStats,
  type RunSnapshot,
  SNAPSHOT_EVERY,
  snapshotPrefix,
  type WarmCache,
  warmCounts,
} from './warm-start.ts';

/** Steps a lean acts on at most: the first ones from its step that offer something to aim at. */
const LEAN_STEPS = 3;

/** One guided run: the lockstep result, every feature it reached, and whether its prefix still replays. */
export interface InputRun extends SequenceResult {
  /** Feature ids reached (branch directions and model features), sorted. */
  features: string[];
  /**
   * Where the prefix no longer replays as its file recorded it (an `expect` not met, or a name that
   * resolves to nothing): the run stops there, and the entry is stale on these contracts.
   */
  stale?: string;
}

/**
 * Warm starts for one run: snapshots of it go to `cache` under run index `run`, and with `from` it
 * starts from the latest snapshot of run `from.run` at or before step `from.shared` (the steps it
 * runs exactly as that run did), when the cache has one; else from the start state.
 */
export interface WarmRun {
  cache: WarmCache;
  run: number;
  from?: { run: number; shared: number };
}

/**
 * Runs one input from the start state on the model and the EVM in lockstep, with every check after
 * every step, and collects its features: the branch directions the recorder saw, each action's
 * outcome, its relations to the state, and the phase transitions it caused. A prefix action whose
 * recorded `expect` is not met ends the run as stale (not as a failure: the contracts changed).
 * With `warm`, it snapshots itself before each step, and starts from its parent's snapshot when the
 * cache holds one: the result is the same as running from the start state (warm-start.ts).
 */
export async function runInput(
  env: Environment,
  recorder: BranchRecorder,
  checks: Checks,
  input: GuidedInput,
  stats?: CampaignStats,
  warm?: WarmRun,
): Promise<InputRun> {
  // Counted per run, then added to `stats`: a warm start begins with the counts of its skipped
  // steps as the parent's run recorded them (the same as executing them would record).
  let counts = new CampaignStats();
  let features = new Set<string>();
  let previous: ObservedState | undefined;
  let stale: string | undefined;
  // A lean acts from its step on, at the first few steps that offer something to aim at (edge-lean.ts).
  let waiting: { lean: Lean; left: number } | undefined;
  const total = input.prefix.length + input.words.length;
  // At least one step must run after the snapshot: the run's own end state is then made by it.
  const start =
    warm?.from === undefined ? undefined : warm.cache.latest(warm.from.run, Math.min(warm.from.shared, total - 1));
  if (warm?.from !== undefined) warmCounts.planned++;
  if (start !== undefined) {
    warmCounts.started++;
    warmCounts.skippedSteps += start.index;
  }
  let resume: { steps: ExecutedStep[]; before: ObservedState } | undefined;
  if (start === undefined) {
    await resetEnvironment(env);
    checks.reset();
    recorder.takeRun();
  } else {
    await env.model.restore(start.model);
    await env.evm.restore(start.evm);
    checks.restoreRunState(start.checks);
    recorder.restoreRun(start.branches);
    counts = copyStats(start.stats);
    const prefix = snapshotPrefix(start);
    features = prefix.features;
    previous = start.previous;
    stale = start.stale;
    waiting = start.waiting === undefined ? undefined : { ...start.waiting };
    resume = { steps: prefix.steps, before: start.before };
    if (warm?.from !== undefined)
      for (const held of warm.cache.upTo(warm.from.run, start.index)) warm.cache.put(warm.run, held);
  }
  const book = new NameBook(env.setup);
  /** The run's successful actions so far: what a `relate` lean copies from. */
  const earlier: Action[] = [];
  for (const step of resume?.steps ?? []) {
    trackSeries(book, step.action, step.outcome);
    if (step.outcome.ok) earlier.push(step.action);
  }
  const file = input.prefixFile ?? 'corpus entry';
  const leanAt = new Map((input.leans ?? []).map((l) => [l.step, l]));
  const prefixLeanAt = new Map((input.prefixLeans ?? []).map((l) => [l.step, l]));
  const snapshot = async (index: number, before: ObservedState, steps: readonly ExecutedStep[]): Promise<void> => {
    if (warm === undefined || index % SNAPSHOT_EVERY !== 0 || index <= (start?.index ?? 0)) return;
    const taken: RunSnapshot = {
      index,
      model: await env.model.snapshot(),
      evm: await env.evm.snapshot(),
      before,
      previous,
      steps,
      features,
      featureCount: features.size,
      branches: recorder.saveRun(),
      checks: checks.saveRunState(),
      stats: copyStats(counts),
      waiting: waiting === undefined ? undefined : { ...waiting },
      stale,
    };
    warm.cache.put(warm.run, taken);
  };
  const wordsAt = (j: number, state: ObservedState): number[] => {
    const words = input.words[j] as number[];
    const starts = leanAt.get(j);
    if (starts !== undefined) waiting = { lean: starts, left: LEAN_STEPS };
    if (waiting === undefined) return words;
    const resolved = resolveLean(waiting.lean, words, env.setup, state, earlier);
    if (resolved === 'nothing-here') return words;
    if (--waiting.left === 0) waiting = undefined;
    return resolved === 'unreachable' ? words : resolved.words;
  };
  let result: SequenceResult;
  try {
    result = await runSequence(
      env.model,
      env.evm,
      (state, i) => {
        if (previous !== undefined) for (const f of phaseFeatures(previous, state)) features.add(f);
        previous = state;
        if (stale !== undefined) return undefined;
        const traced = input.prefix[i];
        const action =
          traced !== undefined
            ? leanPrefix(prefixLeanAt.get(i), resolveAction(traced, book, file, `actions[${i}]`), state, earlier)
            : i - input.prefix.length < input.words.length
              ? interpretStep(wordsAt(i - input.prefix.length, state), env.setup, state)
              : undefined;
        if (action !== undefined) {
          for (const f of relationFeatures(action, state)) features.add(f);
          for (const f of historyFeatures(action, state, earlier)) features.add(f);
        }
        return action;
      },
      {
        checks,
        stats: counts,
        ...(resume === undefined ? {} : { resume }),
        ...(warm === undefined ? {} : { beforeStep: snapshot }),
        afterStep: (i, step) => {
          trackSeries(book, step.action, step.outcome);
          if (step.outcome.ok) earlier.push(step.action);
          features.add(outcomeFeature(step.action, step.outcome));
          const expect = input.prefix[i]?.expect;
          const unmet = expect === undefined ? undefined : unmetExpectation(expect, step.outcome, book);
          if (unmet !== undefined) stale = `actions[${i}]: ${unmet}`;
          return undefined;
        },
      },
    );
  } catch (error) {
    // A prefix naming a series that was never created here, or an action the model refuses: the
    // entry does not fit these contracts. Reported as stale by the caller, never fatal.
    if (input.prefix.length > 0 && (error instanceof TraceFormatError || error instanceof ModelError)) {
      recorder.takeRun();
      stats?.merge(counts);
      return { steps: [], failure: undefined, succeeded: new Set(), features: [], stale: error.message };
    }
    throw error;
  }
  for (const f of recorder.takeRun()) features.add(f);
  stats?.merge(counts);
  const run: InputRun = { ...result, features: [...features].sort() };
  if (stale !== undefined) run.stale = stale;
  return run;
}

/** A prefix action, leaned if the input leans it there and the state offers something to aim at. */
function leanPrefix(lean: Lean | undefined, action: Action, state: ObservedState, earlier: readonly Action[]): Action {
  return lean === undefined ? action : (leanAction(lean, action, state, earlier) ?? action);
}
