import type { ObservedState } from '../../properties/observed-state.ts';
import { questionKey } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';

/** The fixed world the exhaustive search explores: one series, two actors and the arbitrator. */
export interface SearchWorld {
  /** The two actors A and B (never the arbitrator). */
  actors: readonly [Address, Address];
  arbitrator: Address;
  seriesId: Bytes32;
}

/**
 * Every action the bounded-exhaustive search tries in `state`, in a fixed order. The domain is
 * generated from the state, so it only contains actions that can matter there (plus the few
 * reverting edges listed below); an action that reverts leaves the state unchanged and the search
 * does not extend it (see search.ts). With A, B the two actors, S the series' strike, P/N its
 * claim tokens and "amounts of b" = the distinct values among {1, 2, b} that are at most b
 * (nothing when b = 0):
 *
 * - split, for each actor, of {0, 1, 2, whole collateral balance} to itself — while unsettled
 *   (0 is the ZeroAmount revert);
 * - merge, for each actor, of amounts of min(P, N held) to itself — while unsettled;
 * - redeem, for each actor, P only (amounts of P held) and N only (amounts of N held), to itself
 *   — once settled;
 * - transfer of P and of N to the other actor, for each actor, of {1, whole balance} when held;
 * - propose, for each actor, of each price in {0, S − 1, S, S + 1} other than the last answer,
 *   with exactly the minimum bond — while the series' question is open (from expiry, until the
 *   liveness after the last answer ends; not finalized, no arbitration pending);
 * - requestArbitration, for each actor — on an open, answered question that never had one;
 * - withdraw, for each actor (and the arbitrator) with bond credit;
 * - finalize (by A) — answered, unfinalized, no arbitration pending, liveness over;
 * - arbitrate by the arbitrator of each price in {0, S − 1, S, S + 1} — while pending;
 * - cancelArbitration (by A) — pending and the arbitration timeout over;
 * - settle (by A) — unsettled and at or after expiry (before finalization this is the
 *   not-finalized revert; after, it settles);
 * - warps to each boundary still ahead: expiry − 1 and expiry; the last answer's end of liveness
 *   − 1 and the end itself; the arbitration timeout of a pending request.
 *
 * Not in the domain: collateral transfers and approvals, transferFrom, other series, other
 * collaterals, bonds above the minimum, recipients other than the caller (except transfers),
 * callback arming (so the checks' per-run armed-token state stays empty).
 */
export function domainAt(state: ObservedState, world: SearchWorld): Action[] {
  const s = state.series[world.seriesId];
  if (s === undefined) throw new Error('internal: the exhaustive search has no series');
  const { seriesId } = world;
  const [A, B] = world.actors;
  const oracle = state.oracleState;
  const now = state.timestamp;
  const q = oracle.questions[questionKey(s.indexId, s.expiry)];
  const last = q?.answers[q.answers.length - 1];
  const bal = (token: Address, who: Address) => state.tokens[token]?.balances[who] ?? 0n;
  const prices = [0n, s.strike - 1n, s.strike, s.strike + 1n];
  const question = { indexId: s.indexId, timestamp: s.expiry };
  const pending = q?.arbitrationPending === true;
  const finalized = q?.finalized === true;
  const livenessEnd = last === undefined ? undefined : (q as NonNullable<typeof q>).lastAnswerAt + oracle.liveness;
  const open = now >= s.expiry && !finalized && !pending && (livenessEnd === undefined || now < livenessEnd);

  const out: Action[] = [];
  for (const [caller, other] of [
    [A, B],
    [B, A],
  ] as const) {
    const p = bal(s.pToken, caller);
    const n = bal(s.nToken, caller);
    if (!s.settled) {
      for (const amount of distinct([0n, ...amountsOf(bal(s.collateral, caller))]))
        out.push({ kind: 'split', caller, seriesId, amount, to: caller });
      for (const amount of amountsOf(p < n ? p : n)) out.push({ kind: 'merge', caller, seriesId, amount, to: caller });
    } else {
      for (const amount of amountsOf(p))
        out.push({ kind: 'redeem', caller, seriesId, pAmount: amount, nAmount: 0n, to: caller });
      for (const amount of amountsOf(n))
        out.push({ kind: 'redeem', caller, seriesId, pAmount: 0n, nAmount: amount, to: caller });
    }
    for (const token of [s.pToken, s.nToken]) {
      const held = bal(token, caller);
      if (held > 0n)
        for (const amount of distinct([1n, held])) out.push({ kind: 'transfer', caller, token, to: other, amount });
    }
    if (open) {
      const bond = last === undefined ? oracle.minBond : last.bond > MAX_UINT256 / 2n ? MAX_UINT256 : last.bond * 2n;
      for (const value of prices)
        if (value !== last?.value) out.push({ kind: 'propose', caller, ...question, value, bond });
      if (last !== undefined && q?.arbitrationUsed !== true)
        out.push({ kind: 'requestArbitration', caller, ...question });
    }
  }
  for (const caller of [A, B, world.arbitrator])
    if ((oracle.credits[caller] ?? 0n) > 0n) out.push({ kind: 'withdraw', caller });
  if (livenessEnd !== undefined && !finalized && !pending && now >= livenessEnd)
    out.push({ kind: 'finalize', caller: A, ...question });
  if (pending) {
    for (const value of prices) out.push({ kind: 'arbitrate', caller: world.arbitrator, ...question, value });
    if (q !== undefined && now >= q.arbitrationRequestedAt + oracle.arbitrationTimeout)
      out.push({ kind: 'cancelArbitration', caller: A, ...question });
  }
  if (!s.settled && now >= s.expiry) out.push({ kind: 'settle', caller: A, seriesId });

  const marks = [s.expiry - 1n, s.expiry];
  if (livenessEnd !== undefined && !finalized && !pending) marks.push(livenessEnd - 1n, livenessEnd);
  if (pending && q !== undefined) marks.push(q.arbitrationRequestedAt + oracle.arbitrationTimeout);
  for (const at of distinct(marks.filter((t) => t > now)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    out.push({ kind: 'warp', seconds: at - now });
  return out;
}

/** {1, 2, b} up to b, without repeats; nothing when b = 0. */
function amountsOf(b: bigint): bigint[] {
  return distinct([1n, 2n, b].filter((v) => v > 0n && v <= b));
}

function distinct(values: bigint[]): bigint[] {
  return [...new Set(values)];
}
