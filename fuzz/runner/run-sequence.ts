import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
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
  const steps: ExecutedStep[] = [];
  const succeeded = new Set<string>();
  let before = await evm.observe();
  for (let index = 0; ; index++) {
    const action = next(before, index);
    if (action === undefined) break;
    const modelOutcome = await model.execute(action);
    const evmOutcome = await evm.execute(action);
    const [modelAfter, evmAfter] = [await model.observe(), await evm.observe()];
    steps.push({ action, outcome: evmOutcome });
    options.stats?.recordAction(action.kind, evmOutcome.ok ? undefined : evmOutcome.error.name);
    if (evmOutcome.ok) succeeded.add(action.kind);

    const failure =
      options.checks.equivalence(index, action, modelOutcome, modelAfter, evmOutcome, evmAfter, options.stats) ??
      (await options.checks.properties(
        index,
        { before, action, outcome: evmOutcome, after: evmAfter },
        evm,
        options.stats,
      ));
    if (failure !== undefined) return { steps, failure, succeeded };
    const expectation = options.afterStep?.(index, { action, outcome: evmOutcome });
    if (expectation !== undefined) return { steps, failure: { step: index, action, ...expectation }, succeeded };
    before = evmAfter;
  }
  const last = steps[steps.length - 1];
  const end = await options.checks.atEnd(steps.length - 1, before, last?.action, evm, options.stats);
  return { steps, failure: end, succeeded };
}
