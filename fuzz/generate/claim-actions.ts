import type { Action } from '../../reference/action.ts';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../../reference/primitives.ts';
import type { Chooser } from './chooser.ts';
import { edgeAmount } from './edges.ts';
import { recipient } from './market-actions.ts';
import type { WorldView } from './world-view.ts';

/**
 * Direct calls to a claim token's `mint` / `burn`: an outsider trying to print or destroy claims.
 * The caller is always an actor (or the arbitrator), never the market: a market-made mint outside
 * split would break the pairing M1 checks, and only a hand-written trace should do that. So on
 * correct contracts every one reverts `OnlyMarket(caller)`; the arguments are still the ones that
 * would succeed (or fail in OpenZeppelin's own way, when invalid) without the guard, so a contract
 * that lets outsiders through diverges from the model on the spot. Only drawn once a series exists
 * (the model refuses a token that is not a claim token).
 */

/** A claim token of some series (P or N), preferring one somebody holds. */
function claimToken(c: Chooser, view: WorldView): Address {
  const claims = view.series.flatMap((s) => [s.pToken, s.nToken]);
  const held = claims.filter((token) => view.holders(token).length > 0);
  return c.pick(held.length > 0 && c.chance(3, 4) ? held : claims);
}

/** mintClaim to the caller or another actor (invalid: to the zero address, or past the supply cap). */
export function mintClaim(c: Chooser, view: WorldView, invalid: boolean): Action {
  const token = claimToken(c, view);
  const caller = c.pick(view.setup.actors);
  if (invalid) {
    const [to, amount] = c.pick<[Address, bigint]>([
      [ZERO_ADDRESS, 1n],
      [caller, MAX_UINT256],
    ]);
    return { kind: 'mintClaim', caller, token, to, amount };
  }
  const to = recipient(c, view, caller);
  return { kind: 'mintClaim', caller, token, to, amount: edgeAmount(c, view.balance(token, to)) };
}

/** burnClaim of a holder's claims, mostly the caller's own (invalid: more than held, or from zero). */
export function burnClaim(c: Chooser, view: WorldView, invalid: boolean): Action {
  const token = claimToken(c, view);
  const caller = c.pick(view.setup.actors);
  const holders = view.holders(token);
  const from = holders.length > 0 && c.chance(1, 3) ? c.pick(holders) : caller;
  const held = view.balance(token, from);
  if (invalid) {
    return c.chance(1, 2)
      ? { kind: 'burnClaim', caller, token, from: ZERO_ADDRESS, amount: 1n }
      : { kind: 'burnClaim', caller, token, from, amount: held + 1n };
  }
  return { kind: 'burnClaim', caller, token, from, amount: edgeAmount(c, held) };
}
