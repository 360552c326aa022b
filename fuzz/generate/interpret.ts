import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action, ActionKind } from '../../reference/action.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { ACTION_FIELDS } from '../trace/fields.ts';
import { Chooser, type Draw } from './chooser.ts';
import * as claim from './claim-actions.ts';
import { livenessEndsNow, livenessOnEdge, onEdge, timeoutOnEdge } from './edges-in-time.ts';
import * as market from './market-actions.ts';
import * as oracle from './oracle-actions.ts';
import { warp } from './time-actions.ts';
import * as token from './token-actions.ts';
import { WorldView } from './world-view.ts';

type Builder = (c: Chooser, view: WorldView, invalid: boolean) => Action;

const BUILDERS: Record<ActionKind, Builder> = {
  createSeries: market.createSeries,
  split: market.split,
  merge: market.merge,
  settle: market.settle,
  redeem: market.redeem,
  transfer: token.transfer,
  approve: token.approve,
  transferFrom: token.transferFrom,
  mintClaim: claim.mintClaim,
  burnClaim: claim.burnClaim,
  propose: oracle.propose,
  finalize: oracle.finalize,
  requestArbitration: oracle.requestArbitration,
  arbitrate: oracle.arbitrate,
  cancelArbitration: oracle.cancelArbitration,
  withdraw: oracle.withdraw,
  armCallback: (c, view) => token.armCallback(c, view),
  pauseToken: (c, view) => token.pauseToken(c, view),
  blockAccount: (c, view) => token.blockAccount(c, view),
  rebase: (c, view) => token.rebase(c, view),
  upgradeToken: (c, view) => token.upgradeToken(c, view),
  flashMint: token.flashMint,
  sendNative: token.sendNative,
  warp: (c, view) => warp(c, view),
};

/**
 * How often each kind is drawn. A kind that can succeed in this state gets its full weight; one
 * that cannot keeps a small weight, so its reverts are still compared but runs do not stall on
 * them (a propose before any question is open, a redeem before any settlement).
 */
function weights(view: WorldView): [number, ActionKind][] {
  const { liveness, arbitrationTimeout } = view.state.oracleState;
  const now = view.now;
  const questions = view.questions();
  const live = view.series.filter((s) => !s.settled);
  const holdsBoth = view.series.some((s) =>
    view.actors.some((a) => view.balance(s.pToken, a) > 0n && view.balance(s.nToken, a) > 0n),
  );
  const settleable = view.series.some((s) => !s.settled && now >= s.expiry && view.seriesQuestion(s)?.finalized);
  const redeemable = view.series.some(
    (s) => s.settled && view.actors.some((a) => view.balance(s.pToken, a) + view.balance(s.nToken, a) > 0n),
  );
  const proposable = view.series.some((s) => view.isOpen(view.seriesQuestion(s), s.expiry));
  const finalizable = questions.some((q) => !q.finalized && !q.arbitrationPending && now >= q.lastAnswerAt + liveness);
  const disputable = questions.some((q) => view.isOpen(q, q.timestamp) && !q.arbitrationUsed);
  const pending = questions.filter((q) => q.arbitrationPending);
  const cancellable = pending.some((q) => now >= q.arbitrationRequestedAt + arbitrationTimeout);
  const owed = Object.values(view.state.oracleState.credits).some((c) => c > 0n);
  // An admin switch matters once a series uses its token: drawn only then, so worlds without such a
  // series keep the other kinds' proportions.
  const inUse = new Set(view.series.map((s) => view.kindOf(s.collateral)));
  // Time stands still between warps: while a deadline is now or a second away, the actions whose
  // checks flip there get drawn more, and their builders aim at it (edges-in-time.ts). Propose and
  // requestArbitration get more only in the first second after liveness, where they must revert:
  // drawn more in the last second before it, they would freeze or prolong questions and runs would
  // reach finalization and settlement less often.
  const livenessEdge = questions.some((q) => livenessOnEdge(view, q));
  const livenessEnded = questions.some((q) => livenessEndsNow(view, q));
  const timeoutEdge = pending.some((q) => timeoutOnEdge(view, q));
  const expiryEdge = live.some((s) => onEdge(now, s.expiry));
  const when = (possible: boolean, weight: number): number => (possible ? weight : 1);
  return [
    [view.series.length < 2 ? 40 : 3, 'createSeries'],
    [when(live.length > 0, 14), 'split'],
    [when(holdsBoth, 8), 'merge'],
    [settleable ? 12 : expiryEdge ? 2 : 1, 'settle'],
    [when(redeemable, 14), 'redeem'],
    [6, 'transfer'],
    [2, 'approve'],
    [3, 'transferFrom'],
    // An outsider's direct mint or burn of claims: always OnlyMarket on correct contracts, so a
    // small share suffices; none before a series exists, since there is no claim token to aim at.
    [view.series.length > 0 ? 1 : 0, 'mintClaim'],
    [view.series.length > 0 ? 1 : 0, 'burnClaim'],
    [proposable || livenessEnded ? 12 : expiryEdge ? 6 : 1, 'propose'],
    // A question frozen for arbitration draws some early finalize and cancel attempts, to compare
    // ArbitrationPending and ArbitrationTimeoutNotElapsed.
    [finalizable ? 10 : pending.length > 0 || livenessEdge ? 3 : 1, 'finalize'],
    [livenessEnded ? 6 : when(disputable, 3), 'requestArbitration'],
    [when(pending.length > 0, 6), 'arbitrate'],
    [cancellable || timeoutEdge ? 12 : pending.length > 0 ? 3 : 1, 'cancelArbitration'],
    [when(owed, 4), 'withdraw'],
    [1, 'armCallback'],
    [inUse.has('pausable') ? 1 : 0, 'pauseToken'],
    [inUse.has('blockList') ? 1 : 0, 'blockAccount'],
    [inUse.has('rebasing') ? 1 : 0, 'rebase'],
    // Three versions to switch among, each with its own rules: drawn more than the one-way switches.
    [inUse.has('upgradable') ? 3 : 0, 'upgradeToken'],
    // A flash mint of a collateral is drawn once a series uses it: the minted tokens go into it.
    [inUse.has('flashMint') ? 2 : 0, 'flashMint'],
    // Native currency moving outside the token's transfer: drawn while the world has such a token.
    [view.collaterals.some((t) => t.kind === 'nativeCurrency') ? 1 : 0, 'sendNative'],
    [10, 'warp'],
  ];
}

/** One in this many actions is deliberately invalid, so reverts are compared as well as successes. */
export const INVALID_ONE_IN = 8;

/**
 * Turns one generated step (a list of 32-bit words) into an action that makes sense in the current
 * state: mostly valid (amounts up to what the caller holds, series that exist, open questions), with
 * a steady share of invalid ones. The same words and state always give the same action.
 */
export function interpretStep(words: readonly number[], setup: WorldSetup, state: ObservedState): Action {
  return build(new Chooser(words), setup, state);
}

/**
 * {@link interpretStep}, also returning every draw it made (which words chose what), so a guided
 * mutation can rewrite the words behind one field and check the result here: the words-to-action
 * mapping stays in this one place. The kind is always the first draw, the invalid switch the second.
 */
export function interpretStepDrawn(
  words: readonly number[],
  setup: WorldSetup,
  state: ObservedState,
): { action: Action; draws: Draw[] } {
  const draws: Draw[] = [];
  return { action: build(new Chooser(words, draws), setup, state), draws };
}

function build(c: Chooser, setup: WorldSetup, state: ObservedState): Action {
  const view = new WorldView(setup, state);
  const kind = c.weighted(weights(view));
  const invalid = c.chance(1, INVALID_ONE_IN);
  return clampToUint256(BUILDERS[kind](c, view, invalid));
}

/**
 * Keeps every uint field within uint256: builders aim one past a balance or an allowance to reach
 * a revert, and one past 2^256 − 1 is not a value a transaction can carry.
 */
function clampToUint256(action: Action): Action {
  const fields = action as unknown as Record<string, unknown>;
  let clamped: Record<string, unknown> | undefined;
  for (const [field, type] of Object.entries(ACTION_FIELDS[action.kind])) {
    const value = fields[field];
    if (type === 'uint' && typeof value === 'bigint' && value > MAX_UINT256) {
      clamped ??= { ...fields };
      clamped[field] = MAX_UINT256;
    }
  }
  return (clamped ?? action) as Action;
}
