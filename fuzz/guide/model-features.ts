import type { ObservedState, QuestionState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';

/**
 * Model-side features of a guided campaign: what a run did in terms of the protocol rather than
 * the bytecode. Every id is built from kinds, outcomes, phases and relations, never from an
 * address or an amount, so it is the same on any worker and survives a redeploy.
 */

/** `o:<kind>:<ok | error name>`: each outcome of each kind of action. */
export function outcomeFeature(action: Action, outcome: Outcome): string {
  return `o:${action.kind}:${outcome.ok ? 'ok' : outcome.error.name}`;
}

/** Where an amount sits against a threshold of the state (a balance, an allowance, a lock, a bond). */
export type AmountClass = 'zero' | 'one' | 'under' | 'justBelow' | 'at' | 'justAbove' | 'over';

/** Classifies `amount` against `threshold`: the edges (0, 1, t − 1, t, t + 1) get their own class. */
export function amountClass(amount: bigint, threshold: bigint): AmountClass {
  if (amount === threshold) return 'at';
  if (amount === threshold - 1n) return 'justBelow';
  if (amount === threshold + 1n) return 'justAbove';
  if (amount === 0n) return 'zero';
  if (amount === 1n) return 'one';
  return amount < threshold ? 'under' : 'over';
}

const balanceOf = (state: ObservedState, token: string, account: string): bigint =>
  state.tokens[token as `0x${string}`]?.balances[account as `0x${string}`] ?? 0n;

const allowanceOf = (state: ObservedState, token: string, owner: string, spender: string): bigint =>
  state.tokens[token as `0x${string}`]?.allowances[owner as `0x${string}`]?.[spender as `0x${string}`] ?? 0n;

/** An amount field of an action and the threshold of the state it is checked against. */
export interface Threshold {
  /** The action's field (`amount`, `pAmount`, `nAmount`, `bond`). */
  field: string;
  /** What the threshold is: `balance`, `allowance`, `pairs`, `locked`, `minBond`, `lastBond`. */
  against: string;
  value: bigint;
}

/**
 * The thresholds each amount of `action` meets in `state`: the holder's balance, the allowance, the
 * pairs held, the series' locked collateral, the oracle's minimum bond and the bond to beat. The
 * relation features classify amounts against them, and the edge mutations (edge-lean.ts) aim at them.
 */
export function thresholdsOf(action: Action, state: ObservedState): Threshold[] {
  const out: Threshold[] = [];
  const at = (field: string, against: string, value: bigint) => out.push({ field, against, value });
  switch (action.kind) {
    case 'split': {
      const s = state.series[action.seriesId];
      if (s !== undefined) at('amount', 'balance', balanceOf(state, s.collateral, action.caller));
      break;
    }
    case 'merge': {
      const s = state.series[action.seriesId];
      if (s !== undefined) {
        const p = balanceOf(state, s.pToken, action.caller);
        const n = balanceOf(state, s.nToken, action.caller);
        at('amount', 'pairs', p < n ? p : n);
        at('amount', 'locked', s.locked);
      }
      break;
    }
    case 'redeem': {
      const s = state.series[action.seriesId];
      if (s !== undefined) {
        at('pAmount', 'balance', balanceOf(state, s.pToken, action.caller));
        at('nAmount', 'balance', balanceOf(state, s.nToken, action.caller));
      }
      break;
    }
    case 'transfer':
    case 'mintClaim':
      at('amount', 'balance', balanceOf(state, action.token, action.caller));
      break;
    case 'burnClaim':
      at('amount', 'balance', balanceOf(state, action.token, action.from));
      break;
    case 'transferFrom':
      at('amount', 'balance', balanceOf(state, action.token, action.from));
      at('amount', 'allowance', allowanceOf(state, action.token, action.from, action.caller));
      break;
    case 'approve':
      at('amount', 'allowance', allowanceOf(state, action.token, action.caller, action.spender));
      break;
    case 'propose': {
      const q = state.oracleState.questions[`${action.indexId}@${action.timestamp}`];
      const last = q?.answers[q.answers.length - 1];
      at('bond', 'minBond', state.oracleState.minBond);
      if (last !== undefined) at('bond', 'lastBond', last.bond);
      break;
    }
  }
  return out;
}

/**
 * `r:<kind>:<relation>`: how an action relates to the state it ran in and to the actors: whether
 * caller, sender and receiver coincide, and where each amount sits against the threshold it is
 * checked against ({@link thresholdsOf}).
 */
export function relationFeatures(action: Action, state: ObservedState): string[] {
  const out: string[] = [];
  const rel = (name: string) => out.push(`r:${action.kind}:${name}`);
  switch (action.kind) {
    case 'split':
    case 'merge':
    case 'redeem':
    case 'transfer':
    case 'mintClaim':
      rel(action.to === action.caller ? 'to=caller' : 'to≠caller');
      break;
    case 'transferFrom':
      rel(action.from === action.caller ? 'from=caller' : 'from≠caller');
      rel(action.to === action.from ? 'to=from' : 'to≠from');
      break;
    case 'approve':
      rel(action.spender === action.caller ? 'spender=caller' : 'spender≠caller');
      break;
    case 'propose':
      break;
    default:
      if ('caller' in action && action.caller === state.oracle) rel('caller=oracle');
  }
  const fields = action as unknown as Record<string, bigint>;
  for (const t of thresholdsOf(action, state)) {
    rel(`${t.field}~${t.against}:${amountClass(fields[t.field] as bigint, t.value)}`);
  }
  if (action.kind === 'redeem') {
    const s = state.series[action.seriesId];
    if (s !== undefined) rel(`settled:${s.settled}`);
  }
  if (action.kind === 'propose') {
    const q = state.oracleState.questions[`${action.indexId}@${action.timestamp}`];
    const last = q?.answers[q.answers.length - 1];
    if (last !== undefined) {
      rel(last.answerer === action.caller ? 'answerer=caller' : 'answerer≠caller');
      rel(last.value === action.value ? 'sameValue' : 'newValue');
    }
  }
  return out;
}

/** The phase of a question: open, pending arbitration, or final. */
function questionPhase(q: QuestionState): string {
  if (q.finalized) return 'final';
  if (q.arbitrationPending) return 'pending';
  return q.arbitrationUsed ? 'open-arbitrated' : q.answers.length > 0 ? 'answered' : 'open';
}

/**
 * `p:…`: the phase transitions between two states: each question's (open → answered → pending →
 * final …) and each series' (created, settled), named by the phases only.
 */
export function phaseFeatures(before: ObservedState, after: ObservedState): string[] {
  const out: string[] = [];
  for (const [key, q] of Object.entries(after.oracleState.questions)) {
    const was = before.oracleState.questions[key];
    const from = was === undefined ? 'none' : questionPhase(was);
    const to = questionPhase(q);
    if (from !== to) out.push(`p:question:${from}>${to}`);
  }
  for (const [id, s] of Object.entries(after.series)) {
    const was = before.series[id as `0x${string}`];
    if (was === undefined) out.push('p:series:none>created');
    else if (!was.settled && s.settled) out.push(`p:series:created>settled${s.locked === 0n ? ':empty' : ''}`);
    else if (was.locked > 0n && s.locked === 0n && s.settled) out.push('p:series:settled>drained');
  }
  return out;
}

/** Fields that carry an amount of tokens, a bond or a price. */
const AMOUNT_FIELDS = ['amount', 'pAmount', 'nAmount', 'bond'] as const;

/** What an action hands its receiver (`to`): claims (a split, a claim token moved) or other tokens. */
function receivedClass(e: Action, state: ObservedState): 'claims' | 'tokens' {
  if (e.kind === 'split') return 'claims';
  if ('token' in e) {
    const claims = Object.values(state.series).flatMap((s) => [s.pToken, s.nToken]);
    return claims.includes(e.token) ? 'claims' : 'tokens';
  }
  return 'tokens';
}

/**
 * `r:<kind>:…` relations to the run's earlier successful actions: whether the caller received
 * something from another account before (`caller=receiver`), and whether an amount repeats one the
 * caller received, as claims or as other tokens (`<field>=received-claims`), or one any earlier step
 * moved (`<field>=moved`). Guards that misbehave only for such a history (merging exactly what a
 * transfer of claims brought in) are reached by runs these features keep.
 */
export function historyFeatures(action: Action, state: ObservedState, earlier: readonly Action[]): string[] {
  if (!('caller' in action)) return [];
  const out: string[] = [];
  const fields = action as unknown as Record<string, unknown>;
  const own = AMOUNT_FIELDS.filter((f) => typeof fields[f] === 'bigint' && (fields[f] as bigint) > 1n);
  let receiver = false;
  const received = new Map<bigint, string>();
  const moved = new Set<bigint>();
  for (const e of earlier) {
    const values = e as unknown as Record<string, unknown>;
    const toCaller = 'caller' in e && values.to === action.caller && e.caller !== action.caller;
    receiver ||= toCaller;
    for (const f of AMOUNT_FIELDS) {
      const v = values[f];
      if (typeof v !== 'bigint') continue;
      moved.add(v);
      if (toCaller) received.set(v, receivedClass(e, state));
    }
  }
  if (receiver) out.push(`r:${action.kind}:caller=receiver`);
  for (const f of own) {
    const v = fields[f] as bigint;
    const as = received.get(v);
    if (as !== undefined) out.push(`r:${action.kind}:${f}=received-${as}`);
    else if (moved.has(v)) out.push(`r:${action.kind}:${f}=moved`);
  }
  return out;
}
