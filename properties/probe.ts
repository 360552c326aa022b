import type { Action, CancelArbitrationAction, FinalizeAction, MergeAction, WarpAction } from '../reference/action.ts';
import type { Outcome } from '../reference/outcome.ts';
import type { Address } from '../reference/primitives.ts';
import type { ObservedState } from './observed-state.ts';

/**
 * An action that MUST succeed from a given state, for properties that promise something is always
 * possible (M6, O5) and so cannot be read off the states a run happens to visit. The runner
 * executes `warps` and then `action` on a throw-away copy of the state the probe came from, and
 * hands the result to the property's probe checker; the copy is then discarded, so probes never
 * change the run. Each probe runs on its own fresh copy, never after another probe.
 */
export type Probe =
  | { id: 'M6'; description: string; warps: WarpAction[]; action: MergeAction }
  | { id: 'O5'; description: string; warps: WarpAction[]; action: CancelArbitrationAction | FinalizeAction };

/** What running one probe produced. */
export interface ProbeRun<P extends Probe = Probe> {
  probe: P;
  /** The state just before `probe.action`, after the warps. */
  before: ObservedState;
  /** The outcome of `probe.action` (the warps always succeed). */
  outcome: Outcome;
  /** The state after `probe.action`. */
  after: ObservedState;
}

/** Inputs the probes need that an observed state does not carry. */
export interface ProbeOptions {
  /** Accounts that can send transactions (the setup's actors); the first one pokes O5 probes. */
  actors: readonly Address[];
  /**
   * Collaterals whose transfers the harness has made fail on purpose (an armed callback token):
   * merge cannot succeed on them, and M6 makes no promise about a token that refuses to move.
   */
  hostileCollaterals?: readonly Address[];
  /** O5 probes that would need a longer warp than this are not generated (no limit when absent). */
  maxWarp?: bigint;
}

/** The actions of a probe in the order the runner executes them. */
export function probeActions(probe: Probe): Action[] {
  return [...probe.warps, probe.action];
}
