import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import { ModelError } from '../../reference/errors.ts';
import { TraceFormatError } from '../errors.ts';
import { interpretStep } from '../generate/interpret.ts';
import type { Checks } from '../runner/checks.ts';
import { type Environment, resetEnvironment } from '../runner/environment.ts';
import { runSequence, type SequenceResult } from '../runner/run-sequence.ts';
import type { CampaignStats } from '../runner/stats.ts';
import { unmetExpectation } from '../trace/expectation.ts';
import { NameBook } from '../trace/names.ts';
import { resolveAction } from '../trace/resolve.ts';
import { trackSeries } from '../trace/track-series.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import { type Lean, leanAction, resolveLean } from './edge-lean.ts';
import type { GuidedInput } from './input.ts';
import { historyFeatures, outcomeFeature, phaseFeatures, relationFeatures } from './model-features.ts';

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
 * Runs one input from the start state on the model and the EVM in lockstep, with every check after
 * every step, and collects its features: the branch directions the recorder saw, each action's
 * outcome, its relations to the state, and the phase transitions it caused. A prefix action whose
 * recorded `expect` is not met ends the run as stale (not as a failure: the contracts changed).
 */
export async function runInput(
  env: Environment,
  recorder: BranchRecorder,
  checks: Checks,
  input: GuidedInput,
  stats?: CampaignStats,
): Promise<InputRun> {
  await resetEnvironment(env);
  checks.reset();
  recorder.takeRun();
  const book = new NameBook(env.setup);
  const features = new Set<string>();
  const file = input.prefixFile ?? 'corpus entry';
  let previous: ObservedState | undefined;
  /** The run's successful actions so far: what a `relate` lean copies from. */
  const earlier: Action[] = [];
  let stale: string | undefined;
  const leanAt = new Map((input.leans ?? []).map((l) => [l.step, l]));
  const prefixLeanAt = new Map((input.prefixLeans ?? []).map((l) => [l.step, l]));
  // A lean acts from its step on, at the first few steps that offer something to aim at (edge-lean.ts).
  let waiting: { lean: Lean; left: number } | undefined;
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
        ...(stats === undefined ? {} : { stats }),
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
      return { steps: [], failure: undefined, succeeded: new Set(), features: [], stale: error.message };
    }
    throw error;
  }
  for (const f of recorder.takeRun()) features.add(f);
  const run: InputRun = { ...result, features: [...features].sort() };
  if (stale !== undefined) run.stale = stale;
  return run;
}

/** A prefix action, leaned if the input leans it there and the state offers something to aim at. */
function leanPrefix(lean: Lean | undefined, action: Action, state: ObservedState, earlier: readonly Action[]): Action {
  return lean === undefined ? action : (leanAction(lean, action, state, earlier) ?? action);
}
