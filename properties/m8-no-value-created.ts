import type { Address } from '../reference/primitives.ts';
import { balanceOf, keysOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import type { Transition } from './transition.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M8 no value created, state form: per collateral token, what the market has paid out (merges,
 * redeems) never exceeds what it has been paid in (splits, donations).
 */
export function checkM8State(state: ObservedState): Violation[] {
  const violations: Violation[] = [];
  for (const token of keysOf<Address>(state.flows)) {
    const flow = state.flows[token];
    if (flow === undefined || flow.paidOut <= flow.paidIn) continue;
    violations.push({
      id: 'M8',
      message: `the market paid out more ${token} than it was paid in`,
      expected: `<= ${flow.paidIn}`,
      actual: quote(flow.paidOut),
      token,
      account: state.market,
    });
  }
  return violations;
}

/**
 * M8 no value created, transition form: the flow counters the state form reads are honest. They
 * only grow, and the market's balance of each counted token moves by exactly
 * `Δ paidIn - Δ paidOut`, so no collateral enters or leaves the market uncounted; the one exception
 * is a `rebase` of a rebasing token, which moves every balance of it with no Transfer: on that step
 * nothing may be counted for it.
 */
export function checkM8Transition(transition: Transition): Violation[] {
  const { before, after, action } = transition;
  const violations: Violation[] = [];
  for (const token of keysOf<Address>(before.flows)) {
    const was = before.flows[token];
    const now = after.flows[token];
    if (was === undefined) continue;
    if (now === undefined || now.paidIn < was.paidIn || now.paidOut < was.paidOut) {
      violations.push({
        id: 'M8',
        message: `the market's cumulative flows of ${token} went backwards during ${action.kind}`,
        expected: `paidIn >= ${was.paidIn}, paidOut >= ${was.paidOut}`,
        actual: now === undefined ? '<missing>' : `paidIn ${now.paidIn}, paidOut ${now.paidOut}`,
        token,
      });
      continue;
    }
    const held = balanceOf(before, token, before.market);
    const holds = balanceOf(after, token, after.market);
    const counted = now.paidIn - was.paidIn - (now.paidOut - was.paidOut);
    const moved = held === undefined || holds === undefined ? undefined : holds - held;
    // A rebase moves the market's balance of its token with no Transfer: nothing may be counted then,
    // and the balance moves by the rebase (M2 bounds what a negative one may take).
    const rebased = action.kind === 'rebase' && action.token === token;
    if (rebased ? counted !== 0n : moved !== counted) {
      violations.push({
        id: 'M8',
        message: `the market's balance of ${token} moved by other than its counted flows during ${action.kind}`,
        expected: quote(counted),
        actual: quote(moved),
        token,
        account: before.market,
      });
    }
  }
  return violations;
}
