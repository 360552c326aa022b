import type { Address } from '../reference/primitives.ts';
import { allowanceOf, balanceOf, keysOf, ledgerOf } from './lookup.ts';
import { callerOf, type Transition } from './transition.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M5 no liquidation: an account's P, N or collateral falls only through its own call or an
 * allowance it granted: no action by anyone else, nor time, nor a price, shrinks it.
 *
 * Compares every observed balance of every token (collaterals, the bond token, claim tokens)
 * before and after, for every account except the caller. The one permitted fall is a successful
 * `transferFrom(account, …, amount)` on that token, or on another address of its ledger, by a
 * spender `account` had approved for at least `amount`, and by no more than `amount`. A successful `rebase` shrinks every balance of its
 * token by design (docs/collateral.md: a negative rebase is unsupported), so that token's balances
 * are not compared on that step; every other token's still are. A warp has no caller, so it may shrink nothing.
 * The market and the oracle are custodians whose balances fall on their users' calls; their
 * accounting is M2 and O4.
 */
export function checkM5(transition: Transition): Violation[] {
  const { before, after, action } = transition;
  const caller = callerOf(action);
  const custodians = new Set<Address>([before.market, before.oracle]);
  const violations: Violation[] = [];
  for (const token of keysOf<Address>(before.tokens)) {
    if (action.kind === 'rebase' && transition.outcome.ok && action.token === token) continue;
    const balances = before.tokens[token]?.balances ?? {};
    for (const account of keysOf<Address>(balances)) {
      if (account === caller || custodians.has(account)) continue;
      const was = balances[account] ?? 0n;
      const now = balanceOf(after, token, account);
      if (now !== undefined && now >= was) continue;
      if (now !== undefined && spentByAllowance(transition, token, account, was - now)) continue;
      violations.push({
        id: 'M5',
        message: `${account}'s balance of ${token} fell during ${action.kind}${caller === undefined ? '' : ` by ${caller}`}`,
        expected: `>= ${was}`,
        actual: quote(now),
        account,
        token,
      });
    }
  }
  return violations;
}

/** Whether the fall is a successful transferFrom of `account`'s tokens within an allowance it gave. */
function spentByAllowance(transition: Transition, token: Address, account: Address, fall: bigint): boolean {
  const { action, outcome, before } = transition;
  if (!outcome.ok || action.kind !== 'transferFrom') return false;
  if (action.from !== account || fall > action.amount) return false;
  if (ledgerOf(before, action.token) !== ledgerOf(before, token)) return false;
  const allowance = allowanceOf(before, token, account, action.caller);
  return allowance !== undefined && allowance >= action.amount;
}
