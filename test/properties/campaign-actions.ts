import fc from 'fast-check';
import type { ObservedState, QuestionState } from '../../properties/index.ts';
import type { Action } from '../../reference/action.ts';
import { type Address, type Bytes32, MAX_UINT256, WAD, ZERO_ADDRESS } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';

const at = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;

/** The campaign world: four collaterals of every kind, a plain bond token, four actors. */
export const CAMPAIGN = {
  market: at(0x1000),
  oracle: at(0x2000),
  weth: at(0x3001),
  usdt: at(0x3002),
  fee: at(0x3003),
  callback: at(0x3004),
  bond: at(0x3005),
  actors: [at(0xa11ce), at(0xb0b), at(0xca401), at(0xa4b)] as Address[],
  arbitrator: at(0xa4b),
  indexes: [`0x${'11'.repeat(32)}`, `0x${'22'.repeat(32)}`] as Bytes32[],
  liveness: 100n,
  timeout: 300n,
  minBond: 10n,
};

/** The setup the campaign starts every run from. */
export function campaignSetup(): WorldSetup {
  const c = CAMPAIGN;
  const collaterals = [c.weth, c.usdt, c.fee, c.callback, c.bond];
  const balances: WorldSetup['balances'] = {};
  for (const token of collaterals) balances[token] = Object.fromEntries(c.actors.map((a) => [a, 1_000n * WAD]));
  return {
    timestamp: 1_000_000n,
    market: c.market,
    oracle: {
      address: c.oracle,
      bondToken: c.bond,
      minBond: c.minBond,
      liveness: c.liveness,
      arbitrationTimeout: c.timeout,
      arbitrator: c.arbitrator,
    },
    tokens: [
      { address: c.weth, kind: 'plain', decimals: 18, name: 'Wrapped Ether', symbol: 'WETH' },
      { address: c.usdt, kind: 'noReturn', decimals: 6, name: 'Tether USD', symbol: 'USDT' },
      { address: c.fee, kind: 'feeOnTransfer', decimals: 18, name: 'Fee Token', symbol: 'FEE' },
      { address: c.callback, kind: 'callback', decimals: 18, name: 'Callback Token', symbol: 'CBK' },
      { address: c.bond, kind: 'plain', decimals: 18, name: 'Bond', symbol: 'BOND' },
    ],
    actors: c.actors,
    balances,
  };
}

/** One step's random choices; `interpret` turns it into an action against the current state. */
export interface Word {
  op: number;
  i: number;
  j: number;
  k: number;
  /** Picks how much of an available amount to use: mostly a fraction, sometimes one too many, 0, or anything. */
  frac: number;
  raw: bigint;
}

/** fast-check arbitrary of one word. */
export const wordArbitrary: fc.Arbitrary<Word> = fc.record({
  op: fc.nat(),
  i: fc.nat(),
  j: fc.nat(),
  k: fc.nat(),
  frac: fc.nat(999),
  raw: fc.bigInt({ min: 0n, max: MAX_UINT256 }),
});

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/** Four times in five, one of the items that satisfy `useful` (if any); otherwise any item. */
function prefer<T>(items: readonly T[], useful: (item: T) => boolean, w: Word): T {
  const good = items.filter(useful);
  return good.length > 0 && w.frac % 5 !== 0 ? pick(good, w.j) : pick(items, w.j);
}

/** Mostly a valid share of `available`; 5% one more than available, 3% any uint256, 2% zero. */
function portion(available: bigint, w: Word): bigint {
  if (w.frac < 900) return (available * BigInt(w.frac + 1)) / 900n;
  if (w.frac < 950) return available + 1n;
  if (w.frac < 980) return w.raw;
  return 0n;
}

/** The smaller of two bigints (Math.min takes numbers only). */
function smaller(a: bigint, b: bigint): bigint {
  if (a < b) return a;
  return b;
}

const balance = (s: ObservedState, token: Address, account: Address) => s.tokens[token]?.balances[account] ?? 0n;
const allowance = (s: ObservedState, token: Address, owner: Address, spender: Address) =>
  s.tokens[token]?.allowances[owner]?.[spender] ?? 0n;

/** Weighted table of what a word may become; the weights favour the paths that reach settlement. */
const OPS: [number, (s: ObservedState, w: Word) => Action][] = [
  [4, createSeries],
  [12, split],
  [6, merge],
  [6, settle],
  [6, redeem],
  [5, transfer],
  [3, approve],
  [3, transferFrom],
  [10, propose],
  [5, finalize],
  [2, requestArbitration],
  [2, arbitrate],
  [2, cancelArbitration],
  [3, withdraw],
  [1, armCallback],
  [12, warp],
  [15, advance],
];
const TOTAL = OPS.reduce((sum, [weight]) => sum + weight, 0);

/**
 * Turns a word into an action against `state`: mostly valid (amounts within balances and
 * allowances, questions that exist or that a series needs, an approve first when one is missing),
 * sometimes just past a limit so that the reverts are exercised too.
 */
export function interpret(state: ObservedState, w: Word): Action {
  let slot = w.op % TOTAL;
  for (const [weight, make] of OPS) {
    if (slot < weight) return make(state, w);
    slot -= weight;
  }
  return warp(state, w);
}

const seriesIds = (s: ObservedState) => Object.keys(s.series) as Bytes32[];
const actor = (w: Word) => pick(CAMPAIGN.actors, w.i);
const recipient = (w: Word) => (w.k % 40 === 0 ? ZERO_ADDRESS : w.k % 4 === 0 ? pick(CAMPAIGN.actors, w.j) : actor(w));

function createSeries(s: ObservedState, w: Word): Action {
  // A handful of series is enough; more would spread the sequence too thin to reach settlement.
  if (seriesIds(s).length >= 4 && w.frac % 10 !== 0) return split(s, w);
  const c = CAMPAIGN;
  const claims = Object.values(s.series).flatMap((x) => [x.pToken, x.nToken]);
  const collateral = pick([c.weth, c.weth, c.weth, c.usdt, c.fee, c.callback, c.bond, ...claims.slice(0, 2)], w.j);
  const strike = pick([2_000n * WAD, 2_000n * WAD, WAD, 1n, 3n, MAX_UINT256, 0n], w.k);
  const expiry = s.timestamp + pick([1n, 50n, 200n, 1_000n, 0n], w.frac);
  return {
    kind: 'createSeries',
    caller: actor(w),
    collateral,
    oracle: c.oracle,
    indexId: pick(c.indexes, w.k >> 3),
    strike,
    expiry,
  };
}

/** The approve a caller needs first, if it lacks the allowance (3 times in 4: the 4th reverts). */
function needApproval(s: ObservedState, w: Word, token: Address, spender: Address, amount: bigint): Action | undefined {
  if (allowance(s, token, actor(w), spender) >= amount || (w.k >> 5) % 4 === 3) return undefined;
  return { kind: 'approve', caller: actor(w), token, spender, amount: MAX_UINT256 };
}

function split(s: ObservedState, w: Word): Action {
  const ids = seriesIds(s);
  if (ids.length === 0) return createSeries(s, w);
  const seriesId = prefer(ids, (id) => s.series[id]?.settled === false, w);
  const collateral = s.series[seriesId]?.collateral as Address;
  const amount = portion(balance(s, collateral, actor(w)) / 4n, w);
  return (
    needApproval(s, w, collateral, CAMPAIGN.market, amount) ?? {
      kind: 'split',
      caller: actor(w),
      seriesId,
      amount,
      to: recipient(w),
    }
  );
}

/**
 * A series and an actor holding claims of it (both sides when `both`), preferring series that
 * have such a holder; undefined when there is no series.
 */
function holding(s: ObservedState, w: Word, both: boolean): { seriesId: Bytes32; caller: Address } | undefined {
  const holdersOf = (id: Bytes32) => {
    const x = s.series[id];
    if (x === undefined) return [];
    return CAMPAIGN.actors.filter((a) => {
      const [p, n] = [balance(s, x.pToken, a), balance(s, x.nToken, a)];
      return both ? p > 0n && n > 0n : p + n > 0n;
    });
  };
  const ids = seriesIds(s);
  if (ids.length === 0) return undefined;
  const seriesId = prefer(ids, (id) => holdersOf(id).length > 0, w);
  const holders = holdersOf(seriesId);
  return { seriesId, caller: holders.length > 0 ? pick(holders, w.i) : actor(w) };
}

function merge(s: ObservedState, w: Word): Action {
  const h = holding(s, w, true);
  if (h === undefined) return createSeries(s, w);
  const x = s.series[h.seriesId];
  const p = x ? balance(s, x.pToken, h.caller) : 0n;
  const n = x ? balance(s, x.nToken, h.caller) : 0n;
  return { kind: 'merge', ...h, amount: portion(smaller(p, n), w), to: recipient(w) };
}

function settle(s: ObservedState, w: Word): Action {
  const ids = seriesIds(s);
  if (ids.length === 0) return createSeries(s, w);
  const due = (id: Bytes32) => {
    const x = s.series[id];
    return x !== undefined && !x.settled && x.expiry <= s.timestamp;
  };
  return { kind: 'settle', caller: actor(w), seriesId: prefer(ids, due, w) };
}

function redeem(s: ObservedState, w: Word): Action {
  const settled = seriesIds(s).filter((id) => s.series[id]?.settled);
  const h = holding(
    { ...s, series: settled.length > 0 && w.k % 5 !== 0 ? pickSeries(s, settled) : s.series },
    w,
    false,
  );
  if (h === undefined) return settle(s, w);
  const x = s.series[h.seriesId];
  const p = x ? balance(s, x.pToken, h.caller) : 0n;
  const n = x ? balance(s, x.nToken, h.caller) : 0n;
  const nShare = { ...w, frac: (w.frac * 7) % 1000 };
  return { kind: 'redeem', ...h, pAmount: portion(p, w), nAmount: portion(n, nShare), to: recipient(w) };
}

function pickSeries(s: ObservedState, ids: Bytes32[]): ObservedState['series'] {
  return Object.fromEntries(ids.map((id) => [id, s.series[id]]).filter(([, x]) => x !== undefined));
}

function allTokens(s: ObservedState): Address[] {
  return Object.keys(s.tokens) as Address[];
}

function transfer(s: ObservedState, w: Word): Action {
  const token = pick(allTokens(s), w.j);
  const to = pick([...CAMPAIGN.actors, CAMPAIGN.market, CAMPAIGN.market, CAMPAIGN.oracle, ZERO_ADDRESS], w.k);
  return { kind: 'transfer', caller: actor(w), token, to, amount: portion(balance(s, token, actor(w)), w) };
}

function approve(s: ObservedState, w: Word): Action {
  const token = pick(allTokens(s), w.j);
  const spender = pick([CAMPAIGN.market, CAMPAIGN.oracle, ...CAMPAIGN.actors], w.k);
  const amount = w.frac % 3 === 0 ? MAX_UINT256 : portion(balance(s, token, actor(w)), w);
  return { kind: 'approve', caller: actor(w), token, spender, amount };
}

function transferFrom(s: ObservedState, w: Word): Action {
  const token = pick(allTokens(s), w.j);
  const from = pick(CAMPAIGN.actors, w.k);
  const granted = allowance(s, token, from, actor(w));
  const held = balance(s, token, from);
  const to = pick([...CAMPAIGN.actors, CAMPAIGN.market], w.k >> 2);
  return {
    kind: 'transferFrom',
    caller: actor(w),
    token,
    from,
    to,
    amount: portion(smaller(granted, held), w),
  };
}

/** Questions worth asking: the existing ones and the (indexId, expiry) each series will settle on. */
function questionTargets(s: ObservedState): { indexId: Bytes32; timestamp: bigint }[] {
  const existing = Object.values(s.oracleState.questions).map(({ indexId, timestamp }) => ({ indexId, timestamp }));
  const needed = Object.values(s.series).map(({ indexId, expiry }) => ({ indexId, timestamp: expiry }));
  const targets = [...existing, ...needed];
  return targets.length > 0 ? targets : [{ indexId: pick(CAMPAIGN.indexes, 0), timestamp: s.timestamp }];
}

type Target = { indexId: Bytes32; timestamp: bigint };

/** A question target, preferring those where `useful` holds of the question (undefined if unanswered). */
function target(s: ObservedState, w: Word, useful: (q: QuestionState | undefined, t: Target) => boolean): Target {
  return prefer(questionTargets(s), (t) => useful(questionAt(s, t), t), w);
}

function questionAt(s: ObservedState, target: { indexId: Bytes32; timestamp: bigint }): QuestionState | undefined {
  return s.oracleState.questions[`${target.indexId}@${target.timestamp}`];
}

const VALUES = [0n, WAD, 1_500n * WAD, 2_000n * WAD, 2_500n * WAD, 4_000n * WAD];

function propose(s: ObservedState, w: Word, given?: Target): Action {
  const open = (q: QuestionState | undefined, t: Target) =>
    t.timestamp <= s.timestamp && !q?.finalized && !q?.arbitrationPending;
  const chosen = given ?? target(s, w, open);
  const last = questionAt(s, chosen)?.answers.at(-1);
  const minimum = last === undefined ? CAMPAIGN.minBond : 2n * last.bond;
  const bond = w.frac < 900 ? minimum + BigInt(w.frac % 3) : minimum - 1n;
  const value = pick(VALUES, w.k);
  return (
    needApproval(s, w, CAMPAIGN.bond, CAMPAIGN.oracle, bond) ?? {
      kind: 'propose',
      caller: actor(w),
      ...chosen,
      value,
      bond,
    }
  );
}

function finalize(s: ObservedState, w: Word): Action {
  const due = (q: QuestionState | undefined) =>
    q !== undefined && !q.finalized && !q.arbitrationPending && q.lastAnswerAt + CAMPAIGN.liveness <= s.timestamp;
  return { kind: 'finalize', caller: actor(w), ...target(s, w, due) };
}

function requestArbitration(s: ObservedState, w: Word): Action {
  const open = (q: QuestionState | undefined) =>
    q !== undefined && !q.finalized && !q.arbitrationUsed && q.lastAnswerAt + CAMPAIGN.liveness > s.timestamp;
  return { kind: 'requestArbitration', caller: actor(w), ...target(s, w, open) };
}

function arbitrate(s: ObservedState, w: Word): Action {
  const caller = w.k % 5 === 0 ? actor(w) : CAMPAIGN.arbitrator;
  const pending = (q: QuestionState | undefined) => q !== undefined && !q.finalized && q.arbitrationPending;
  return { kind: 'arbitrate', caller, ...target(s, w, pending), value: pick(VALUES, w.k >> 2) };
}

function cancelArbitration(s: ObservedState, w: Word): Action {
  const due = (q: QuestionState | undefined) =>
    q !== undefined &&
    !q.finalized &&
    q.arbitrationPending &&
    q.arbitrationRequestedAt + CAMPAIGN.timeout <= s.timestamp;
  return { kind: 'cancelArbitration', caller: actor(w), ...target(s, w, due) };
}

function withdraw(s: ObservedState, w: Word): Action {
  const owed = CAMPAIGN.actors.filter((a) => (s.oracleState.credits[a] ?? 0n) > 0n);
  return { kind: 'withdraw', caller: owed.length > 0 && w.k % 4 !== 0 ? pick(owed, w.i) : actor(w) };
}

function armCallback(_s: ObservedState, w: Word): Action {
  return { kind: 'armCallback', caller: actor(w), token: CAMPAIGN.callback, armed: w.k % 2 === 0 };
}

function warp(_s: ObservedState, w: Word): Action {
  return { kind: 'warp', seconds: pick([1n, 30n, 100n, 300n, 1_000n], w.k) };
}

/**
 * The next step along the path a series takes to settlement: create one, wait for its expiry,
 * answer its question, resolve a pending arbitration, wait out liveness, finalize, settle, then
 * redeem. Random words alone rarely line all of these up; this keeps every run reaching them.
 */
function advance(s: ObservedState, w: Word): Action {
  const open = seriesIds(s).filter((id) => !s.series[id]?.settled);
  if (open.length === 0) return seriesIds(s).length > 0 && w.frac % 3 !== 0 ? redeem(s, w) : createSeries(s, w);
  const x = s.series[pick(open, w.j)];
  if (x === undefined) return warp(s, w);
  if (s.timestamp < x.expiry) return { kind: 'warp', seconds: x.expiry - s.timestamp };
  const t = { indexId: x.indexId, timestamp: x.expiry };
  const q = questionAt(s, t);
  if (q === undefined || q.answers.length === 0) return propose(s, { ...w, frac: w.frac % 900, j: 0 }, t);
  if (q.finalized) return { kind: 'settle', caller: actor(w), seriesId: pick(open, w.j) };
  if (q.arbitrationPending) {
    if (w.k % 2 === 0) return { kind: 'arbitrate', caller: CAMPAIGN.arbitrator, ...t, value: pick(VALUES, w.k >> 1) };
    const cancellableAt = q.arbitrationRequestedAt + CAMPAIGN.timeout;
    if (s.timestamp < cancellableAt) return { kind: 'warp', seconds: cancellableAt - s.timestamp };
    return { kind: 'cancelArbitration', caller: actor(w), ...t };
  }
  const finalizableAt = q.lastAnswerAt + CAMPAIGN.liveness;
  if (s.timestamp < finalizableAt) {
    if (!q.arbitrationUsed && w.k % 3 === 0) return { kind: 'requestArbitration', caller: actor(w), ...t };
    if (w.k % 3 === 1) return propose(s, { ...w, frac: w.frac % 900 }, t);
    return { kind: 'warp', seconds: finalizableAt - s.timestamp };
  }
  return { kind: 'finalize', caller: actor(w), ...t };
}
