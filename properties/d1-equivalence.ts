import type { Outcome } from '../reference/outcome.ts';
import { deepDiff } from './deep-diff.ts';
import type { ObservedState } from './observed-state.ts';
import type { Violation } from './violation.ts';

/** What one side (the model or the EVM) made of one action. */
export interface Observation {
  outcome: Outcome;
  state: ObservedState;
}

/**
 * D1 equivalence: for every action, the model and the EVM agree on success or revert (error name
 * and arguments), return values, events, and the whole observed state after it.
 *
 * Reports the first differing path (outcome before state; `outcome.ok` before anything else) with
 * the model's value as `expected` and the EVM's as `actual`, e.g. `outcome.error.name`,
 * `outcome.events[2].args.value` or `state.tokens.0xab….balances.0xcd…`. Pass a larger `limit`
 * to list more differences (a report may want all of them; the runner needs only the first).
 *
 * @example
 * const [first] = checkD1(fromModel, fromEvm);
 * if (first) console.log(`${first.path}: model ${first.expected}, evm ${first.actual}`);
 */
export function checkD1(model: Observation, evm: Observation, limit = 1): Violation[] {
  const outcome = deepDiff(model.outcome, evm.outcome, 'outcome', limit);
  const state = deepDiff(model.state, evm.state, 'state', limit - outcome.length);
  return [...outcome, ...state].map((difference) => ({
    id: 'D1',
    message: `model and EVM differ at ${difference.path}`,
    expected: difference.expected,
    actual: difference.actual,
    path: difference.path,
  }));
}
