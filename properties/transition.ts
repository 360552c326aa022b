import type { Action } from '../reference/action.ts';
import type { Outcome } from '../reference/outcome.ts';
import type { Address } from '../reference/primitives.ts';
import type { ObservedState } from './observed-state.ts';

/**
 * One step: the state an action ran on, the action, what it did, and the state after it. A
 * reverted action is a transition too (its `after` should equal its `before`); a warp has an
 * outcome of `{ ok: true, returns: [], events: [] }`.
 */
export interface Transition {
  before: ObservedState;
  action: Action;
  outcome: Outcome;
  after: ObservedState;
}

/** The caller of an action, or `undefined` for a warp (time has no caller). */
export function callerOf(action: Action): Address | undefined {
  return action.kind === 'warp' ? undefined : action.caller;
}
