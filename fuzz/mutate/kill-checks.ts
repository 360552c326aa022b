import type { ObservedState, Transition } from '../../properties/index.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import { Checks } from '../runner/checks.ts';
import type { CampaignStats } from '../runner/stats.ts';
import type { Side } from '../side.ts';
import type { StepFailure } from '../trace/failure.ts';

/**
 * The campaign's checks, except that a divergence (D1) does not hide the properties: on the step
 * where the model and the EVM first differ, every property is still checked on the EVM's side, and
 * the failure lists the violations of both. The kill matrix then shows, for each killed mutant,
 * whether the properties alone would have caught it on that step, or only the reference model.
 * The failure itself (its id, step and message) is the same as with plain Checks.
 */
export class KillChecks extends Checks {
  private divergence: StepFailure | undefined;

  override reset(): void {
    super.reset();
    this.divergence = undefined;
  }

  override equivalence(
    index: number,
    action: Action,
    modelOutcome: Outcome,
    modelState: ObservedState,
    evmOutcome: Outcome,
    evmState: ObservedState,
    stats?: CampaignStats,
  ): StepFailure | undefined {
    this.divergence = super.equivalence(index, action, modelOutcome, modelState, evmOutcome, evmState, stats);
    return undefined; // properties() runs next on the same step and reports the divergence first
  }

  override async properties(
    index: number,
    step: Transition,
    evm: Side,
    stats?: CampaignStats,
  ): Promise<StepFailure | undefined> {
    const divergence = this.divergence;
    this.divergence = undefined;
    const broken = await super.properties(index, step, evm, stats);
    if (divergence === undefined) return broken;
    return { ...divergence, violations: [...divergence.violations, ...(broken?.violations ?? [])] };
  }
}
