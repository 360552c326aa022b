import type { ObservedState } from '../properties/observed-state.ts';
import type { Action } from '../reference/action.ts';
import type { Outcome } from '../reference/outcome.ts';

/**
 * One side of the differential comparison — the reference model or the contracts in the embedded
 * EVM — behind the same four operations, so the runner treats both alike.
 */
export interface Side {
  /** `model` or `evm`, for reports. */
  readonly name: string;
  /** Runs one action; a revert leaves the side's state unchanged. */
  execute(action: Action): Promise<Outcome>;
  /** The side's whole observed state now. */
  observe(): Promise<ObservedState>;
  /** A token to return to the current state later. */
  snapshot(): Promise<unknown>;
  /** Returns to a snapshot (which stays valid: one snapshot may be restored many times). */
  restore(snapshot: unknown): Promise<void>;
}
