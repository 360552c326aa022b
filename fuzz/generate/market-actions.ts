import type { Action } from '../../reference/action.ts';
import { byteLength, collateralSymbolForClaims, MAX_SYMBOL_BYTES } from '../../reference/market/claim-naming.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';
import type { TokenKind } from '../../reference/setup.ts';
import { AIMS } from './aims.ts';
import type { Chooser } from './chooser.ts';
import { edgeAmount } from './edges.ts';
import { onEdge, pickOnEdge } from './edges-in-time.ts';
import type { SeriesEntry, WorldView } from './world-view.ts';
import { INDEX_IDS } from './world-view.ts';

const STRIKES = [2500n * WAD, 3000n * WAD, 1n * WAD, 1n];
const HOUR = 3600n;
const EXPIRIES = [HOUR, 24n * HOUR, 7n * 24n * HOUR];

/** A series id nobody created, for the "unknown series" reverts. */
export function unknownSeries(c: Chooser): Bytes32 {
  return `0x${c.word().toString(16).padStart(8, '0').repeat(8)}` as Bytes32;
}

/** A recipient: usually the caller, sometimes another actor, rarely the zero address. */
export function recipient(c: Chooser, view: WorldView, caller: Address): Address {
  return c.weighted<Address>([
    [12, caller],
    [4, c.pick(view.actors)],
    [1, '0x0000000000000000000000000000000000000000'],
  ]);
}

/** createSeries, mostly valid; invalid ones hit each rejection in docs/design.md §3. */
export function createSeries(c: Chooser, view: WorldView, invalid: boolean): Action {
  const caller = c.pick(view.actors);
  let collateral = pickCollateral(c, view);
  let oracle = view.setup.oracle.address;
  let expiry = view.now + (c.chance(1, 4) ? 1n + c.upTo(30n * 24n * HOUR) : c.pick(EXPIRIES));
  let strike = c.weighted<() => bigint>([
    [6, () => c.pick(STRIKES)],
    [2, () => 1n + c.upTo(5000n * WAD)],
    [AIMS.symbolEdges ? 1 : 0, () => symbolEdgeStrike(c, view, collateral, expiry)],
  ])();
  if (invalid) {
    c.weighted<() => void>([
      [1, () => (collateral = c.pick(view.actors))],
      [1, () => (oracle = c.pick(view.actors))],
      [1, () => (strike = 0n)],
      // Half of these exactly now, the first second ExpiryNotInFuture rejects.
      [1, () => (expiry = c.chance(1, 2) ? view.now : view.now - c.upTo(view.now < 10n ? view.now : 10n))],
      [1, () => {}], // an exact duplicate when the draw repeats an existing series below
    ])();
    const existing = view.series[0];
    if (existing !== undefined && c.chance(1, 2)) {
      return { kind: 'createSeries', caller, ...pickParams(existing) };
    }
  }
  const twin = twinOnLedger(c, view);
  if (twin !== undefined) return { kind: 'createSeries', caller, ...twin };
  return { kind: 'createSeries', caller, collateral, oracle, indexId: c.pick(INDEX_IDS), strike, expiry };
}

/**
 * Now and then, when a series stands on one address of a ledger with several (TUSD) and another
 * address of that ledger has no series of the same terms: those terms on that address, so two
 * series lock collateral on one balance (M2 sums them per ledger).
 */
function twinOnLedger(c: Chooser, view: WorldView) {
  const twins = view.series.flatMap((s) => {
    const addresses = Object.values(view.state.ledgers).find((group) => group.includes(s.collateral)) ?? [];
    return addresses
      .filter((other) => other !== s.collateral)
      .filter((other) => !view.series.some((t) => t.collateral === other && sameTerms(s, t)))
      .map((other) => ({ ...pickParams(s), collateral: other }));
  });
  return twins.length > 0 && c.chance(1, 3) ? c.pick(twins) : undefined;
}

function sameTerms(a: SeriesEntry, b: SeriesEntry): boolean {
  return a.oracle === b.oracle && a.indexId === b.indexId && a.strike === b.strike && a.expiry === b.expiry;
}

/**
 * Collateral for a new series, weighted toward the tokens a series can actually use: a fee-on-
 * transfer series only ever rejects splits, and an armed callback token rejects every transfer;
 * each weird-ERC20 kind (docs/collateral.md) at a middle weight, the four raw-symbol tokens at 1 each.
 * Rarely a claim token of an earlier series: a nested series, and with a long strike a symbol too
 * long to go into the new claims' names (ClaimTokenNaming then writes COLL). One draw in 50 a contract
 * that is no token (the market or the oracle): createSeries accepts any contract, and falls back to
 * 18 decimals and the symbol COLL when the collateral has neither; every split of it reverts. That
 * share is drawn first, so it stays the same however many tokens the world holds (as one weight
 * among the tokens', each token added made it rarer, until a default campaign no longer drew it).
 */
function pickCollateral(c: Chooser, view: WorldView): Address {
  const weight: Record<TokenKind, number> = {
    plain: 8,
    noReturn: 4,
    callback: 2,
    feeOnTransfer: 2,
    returnsFalse: 3,
    zeroRevert: 3,
    approvalRace: 3,
    pausable: 3,
    blockList: 3,
    rawSymbol: 1,
    rebasing: 3,
    upgradable: 3,
    uint96: 3,
    zeroApprovalRevert: 3,
    selfTransferFrom: 3,
    multiEntry: 3,
    entryPoint: 3,
    permitFallback: 2,
    flashMint: 3,
    // Every split of it is refused by the token (no transferFrom): a small weight shows that.
    nativeCurrency: 1,
  };
  const claims = view.series.flatMap((s) => [s.pToken, s.nToken]);
  // Claims whose symbol is 32 or 33 bytes sit on the edge of what a nested claim's name embeds.
  const onEdge = claims.filter((t) => {
    const bytes = byteLength(view.state.metadata[t]?.symbol ?? '');
    return bytes === MAX_SYMBOL_BYTES || bytes === MAX_SYMBOL_BYTES + 1;
  });
  if (c.chance(1, 50)) return c.pick([view.state.market, view.state.oracle]);
  // Once a claim's symbol sits on the edge, nest on it soon: only a collateral symbol of exactly
  // 32 bytes tells ClaimTokenNaming's `length > 32` from `>=`, and its ABI return (96 bytes, no
  // padding) tells `ret.length < 64 + length` from `<=`.
  if (AIMS.symbolEdges && onEdge.length > 0 && c.chance(1, 8)) return c.pick(onEdge);
  return c.weighted<() => Address>([
    ...view.collaterals.map((t) => [weight[t.kind], () => t.address] as const),
    [
      claims.length > 0 ? 2 : 0,
      () => c.pick(AIMS.symbolEdges && onEdge.length > 0 && c.chance(1, 2) ? onEdge : claims),
    ],
  ])();
}

/**
 * A whole-number strike whose claim symbols (`P-<collateral symbol>-<strike>-<expiry>`) come out
 * exactly 32 or 33 bytes long: the longest symbol a nested series' claims still embed, and the
 * shortest they replace with COLL (ClaimTokenNaming's `length > 32`). Any strike when no length fits.
 */
function symbolEdgeStrike(c: Chooser, view: WorldView, collateral: Address, expiry: bigint): bigint {
  // The symbol is `<side>-<embedded>-<strike>-<expiry>`: all but the strike's digits are fixed here.
  const embedded = byteLength(collateralSymbolForClaims(view.state.metadata[collateral]?.symbol));
  const base = 2 + embedded + 1 + 1 + `${expiry}`.length;
  const digits = MAX_SYMBOL_BYTES + (c.chance(1, 2) ? 0 : 1) - base;
  if (digits < 1 || digits > 59) return 1n + c.upTo(5000n * WAD);
  return 10n ** BigInt(digits - 1) * WAD; // `1` then digits − 1 zeros, printed without a fraction
}

function pickParams(s: SeriesEntry) {
  return { collateral: s.collateral, oracle: s.oracle, indexId: s.indexId, strike: s.strike, expiry: s.expiry };
}

/**
 * split of a live series, up to what the caller holds; invalid: a zero, unpayable or overflowing
 * amount, an unknown series, or a well-formed split of a settled series (AlreadySettled alone
 * rejects it).
 */
export function split(c: Chooser, view: WorldView, invalid: boolean): Action {
  const live = view.series.filter((s) => !s.settled);
  const s = live.length > 0 && !(invalid && c.chance(1, 3)) ? c.pick(live) : undefined;
  const caller = c.pick(view.actors);
  if (s === undefined) {
    const settled = view.series.filter((x) => x.settled);
    if (AIMS.phaseAims && settled.length > 0 && c.chance(1, 2)) {
      const target = c.pick(settled);
      const amount = edgeAmount(c, view.balance(target.collateral, caller));
      return { kind: 'split', caller, seriesId: target.id, amount: amount === 0n ? 1n : amount, to: caller };
    }
    const any = view.series.length > 0 && c.chance(1, 2) ? c.pick(view.series).id : unknownSeries(c);
    return { kind: 'split', caller, seriesId: any, amount: 1n + c.upTo(1000n), to: caller };
  }
  const held = view.balance(s.collateral, caller);
  const amount = invalid ? c.pick([0n, held + 1n, MAX_UINT256]) : splitAmount(c, view, s, held);
  return { kind: 'split', caller, seriesId: s.id, amount, to: recipient(c, view, caller) };
}

/**
 * An amount to split, at the edges of what the caller holds; of a fee-on-transfer collateral, a
 * quarter of the time 1, the amount its fee (1%, rounded up) eats whole: the market's balance then
 * does not grow at all, the one way a split's `received` comes out zero.
 */
function splitAmount(c: Chooser, view: WorldView, s: SeriesEntry, held: bigint): bigint {
  return view.kindOf(s.collateral) === 'feeOnTransfer' && held > 0n && c.chance(1, 4) ? 1n : edgeAmount(c, held);
}

/** merge by a holder of both sides. */
export function merge(c: Chooser, view: WorldView, invalid: boolean): Action {
  const pairs = view.series.flatMap((s) =>
    view.actors
      .map((a) => ({ s, a, both: min(view.balance(s.pToken, a), view.balance(s.nToken, a)) }))
      .filter((p) => p.both > 0n),
  );
  if (pairs.length === 0 || invalid) {
    const caller = c.pick(view.actors);
    const seriesId = view.series.length > 0 && c.chance(2, 3) ? c.pick(view.series).id : unknownSeries(c);
    return { kind: 'merge', caller, seriesId, amount: c.pick([0n, 1n, 10n ** 30n]), to: caller };
  }
  const { s, a, both } = c.pick(pairs);
  return { kind: 'merge', caller: a, seriesId: s.id, amount: edgeAmount(c, both), to: recipient(c, view, a) };
}

/**
 * settle, mostly of expired unsettled series; when none can settle and one expires now or in a
 * second, half the time that one.
 */
export function settle(c: Chooser, view: WorldView, invalid: boolean): Action {
  const caller = c.pick(view.setup.actors);
  const ready = view.series.filter((s) => !s.settled && view.now >= s.expiry);
  // Aim at an expiry edge only when no series can settle: otherwise the aimed settle would take the
  // place of one that succeeds, and runs would reach redemption less often.
  const settleable = ready.some((s) => view.seriesQuestion(s)?.finalized);
  const edge = settleable ? undefined : pickOnEdge(c, view.series, (s) => !s.settled && onEdge(view.now, s.expiry));
  if (edge !== undefined) return { kind: 'settle', caller, seriesId: edge.id };
  const pool = ready.length > 0 && !invalid ? ready : view.series;
  const seriesId = pool.length > 0 && !(invalid && c.chance(1, 4)) ? c.pick(pool).id : unknownSeries(c);
  return { kind: 'settle', caller, seriesId };
}

/** redeem P and/or N of a settled series. */
export function redeem(c: Chooser, view: WorldView, invalid: boolean): Action {
  const holdings = view.series
    .filter((s) => s.settled)
    .flatMap((s) => view.actors.map((a) => ({ s, a, p: view.balance(s.pToken, a), n: view.balance(s.nToken, a) })))
    .filter((h) => h.p + h.n > 0n);
  if (holdings.length === 0 || invalid) {
    const caller = c.pick(view.actors);
    const seriesId = view.series.length > 0 && c.chance(2, 3) ? c.pick(view.series).id : unknownSeries(c);
    return { kind: 'redeem', caller, seriesId, pAmount: c.pick([0n, 1n]), nAmount: c.pick([0n, 1n]), to: caller };
  }
  const { s, a, p, n } = c.pick(holdings);
  const sides = c.weighted<[boolean, boolean]>([
    [3, [true, true]],
    [2, [true, false]],
    [2, [false, true]],
  ]);
  return {
    kind: 'redeem',
    caller: a,
    seriesId: s.id,
    pAmount: sides[0] ? edgeAmount(c, p) : 0n,
    nAmount: sides[1] ? edgeAmount(c, n) : 0n,
    to: recipient(c, view, a),
  };
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
