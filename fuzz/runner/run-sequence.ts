import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import { ContractCallError } from '../evm/contract-call-error.ts';
import type { Side } from '../side.ts';
import type { StepFailure } from '../trace/failure.ts';
import type { Checks } from './checks.ts';
import type { CampaignStats } from './stats.ts';

/** One executed step: the action and both sides' outcomes (equal unless the step diverged). */
export interface ExecutedStep {
  action: Action;
  outcome: Outcome;
}

/** The result of one action sequence. */
export interface SequenceResult {
  steps: ExecutedStep[];
  failure: StepFailure | undefined;
  /** Kinds of action that succeeded at least once in this run. */
  succeeded: Set<string>;
}

/** What the runner needs besides the two sides. */
export interface SequenceOptions {
  checks: Checks;
  stats?: CampaignStats;
  /**
   * Called after each step that passed every check; a returned failure (a trace's `expect` not met)
   * stops the sequence like a divergence would.
   */
  afterStep?: (index: number, step: ExecutedStep) => Omit<StepFailure, 'step' | 'action'> | undefined;
  /**
   * Continue a run instead of starting one: both sides are already in the state after
   * `resume.steps` (restored from a snapshot), whose observed EVM state is `before`. Step indices,
   * the probe cadence and the end checks count from the run's first step, as if it had run them.
   */
  resume?: { steps: readonly ExecutedStep[]; before: ObservedState };
  /**
   * Called before the step at `index` (index ≥ 1, the earlier steps all passed), with the observed
   * state it starts from and the steps so far (the array grows after the call: copy what you keep,
   * or only its length): a warm start's snapshot point.
   */
  beforeStep?: (index: number, before: ObservedState, steps: readonly ExecutedStep[]) => Promise<void> | void;
}

/**
 * Runs actions on the model and the EVM in lockstep from their current states. After every step it
 * compares outcomes and observed states (D1) and checks every property on the EVM's state, and
 * stops at the first failure. `next` picks each action from the state so far (the generator) or
 * returns a fixed one (a trace); `undefined` ends the sequence.
 */
export async function runSequence(
  model: Side,
  evm: Side,
  next: (state: ObservedState, index: number) => Action | undefined,
  options: SequenceOptions,
): Promise<SequenceResult> {
  const steps: ExecutedStep[] = [...(options.resume?.steps ?? [])];
  const succeeded = new Set(steps.filter((s) => s.outcome.ok).map((s) => s.action.kind));
  let before = options.resume?.before ?? (await evm.observe());
  for (let index = steps.length; ; index++) {
    if (index > 0) await options.beforeStep?.(index, before, steps);
    const action = next(before, index);
    if (action === undefined) break;
    const modelOutcome = await model.execute(action);
    let failure: StepFailure | undefined;
    let evmAfter: ObservedState | undefined;
    try {
      const evmOutcome = await evm.execute(action);
      const modelAfter = await model.observe();
      evmAfter = await evm.observe();
      steps.push({ action, outcome: evmOutcome });
      options.stats?.recordAction(action.kind, evmOutcome.ok ? undefined : evmOutcome.error.name);
      if (evmOutcome.ok) succeeded.add(action.kind);
      failure =
        options.checks.equivalence(index, action, modelOutcome, modelAfter, evmOutcome, evmAfter, options.stats) ??
        (await options.checks.properties(
          index,
          { before, action, outcome: evmOutcome, after: evmAfter },
          evm,
          options.stats,
        ));
      if (failure === undefined) {
        const expectation = options.afterStep?.(index, { action, outcome: evmOutcome });
        if (expectation !== undefined) failure = { step: index, action, ...expectation };
      }
    } catch (error) {
      if (!(error instanceof ContractCallError)) throw error;
      if (steps.length === index) steps.push({ action, outcome: modelOutcome });
      failure = misbehaviour(index, action, error);
    }
    if (failure !== undefined || evmAfter === undefined) return { steps, failure, succeeded };
    before = evmAfter;
  }
  const last = steps[steps.length - 1];
  try {
    const end = await options.checks.atEnd(steps.length - 1, before, last?.action, evm, options.stats);
    return { steps, failure: end, succeeded };
  } catch (error) {
    if (!(error instanceof ContractCallError) || last === undefined) throw error;
    return { steps, failure: misbehaviour(steps.length - 1, last.action, error), succeeded };
  }
}

/**
 * A call the harness made for itself at this step that the contracts answered with a revert, a
 * halt or junk (checks that know which property the call serves report that property instead): the
 * EVM side could not be observed as the model is, so D1 fails here.
 */
function misbehaviour(index: number, action: Action, error: ContractCallError): StepFailure {
  return {
    step: index,
    action,
    kind: 'divergence',
    id: 'D1',
    message: `the contracts misbehaved under the harness's own call: ${error.message}`,
    model: 'a value',
    evm: error.reason,
    violations: [{ id: 'D1', message: `harness call ${error.call} failed`, expected: 'a value', actual: error.reason }],
  };
}
