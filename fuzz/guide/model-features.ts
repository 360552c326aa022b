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

/**
 * `r:<kind>:<relation>`: how an action relates to the state it ran in and to the actors: whether
 * caller, sender and receiver coincide, and where each amount sits against the threshold it is
 * checked against (the holder's balance, the allowance, the series' locked collateral, the
 * oracle's minimum bond or the bond to beat).
 */
export function relationFeatures(action: Action, state: ObservedState): string[] {
  const out: string[] = [];
  const rel = (name: string) => out.push(`r:${action.kind}:${name}`);
  const versus = (field: string, amount: bigint, against: string, threshold: bigint) =>
    rel(`${field}~${against}:${amountClass(amount, threshold)}`);
  switch (action.kind) {
    case 'split': {
      const s = state.series[action.seriesId];
      rel(action.to === action.caller ? 'to=caller' : 'to≠caller');
      if (s !== undefined) versus('amount', action.amount, 'balance', balanceOf(state, s.collateral, action.caller));
      break;
    }
    case 'merge': {
      const s = state.series[action.seriesId];
      rel(action.to === action.caller ? 'to=caller' : 'to≠caller');
      if (s !== undefined) {
        const p = balanceOf(state, s.pToken, action.caller);
        const n = balanceOf(state, s.nToken, action.caller);
        versus('amount', action.amount, 'pairs', p < n ? p : n);
        versus('amount', action.amount, 'locked', s.locked);
      }
      break;
    }
    case 'redeem': {
      const s = state.series[action.seriesId];
      rel(action.to === action.caller ? 'to=caller' : 'to≠caller');
      if (s !== undefined) {
        versus('pAmount', action.pAmount, 'balance', balanceOf(state, s.pToken, action.caller));
        versus('nAmount', action.nAmount, 'balance', balanceOf(state, s.nToken, action.caller));
        rel(`settled:${s.settled}`);
      }
      break;
    }
    case 'transfer':
    case 'mintClaim':
      rel(action.to === action.caller ? 'to=caller' : 'to≠caller');
      versus('amount', action.amount, 'balance', balanceOf(state, action.token, action.caller));
      break;
    case 'transferFrom':
      rel(action.from === action.caller ? 'from=caller' : 'from≠caller');
      rel(action.to === action.from ? 'to=from' : 'to≠from');
      versus('amount', action.amount, 'balance', balanceOf(state, action.token, action.from));
      versus('amount', action.amount, 'allowance', allowanceOf(state, action.token, action.from, action.caller));
      break;
    case 'approve':
      rel(action.spender === action.caller ? 'spender=caller' : 'spender≠caller');
      versus('amount', action.amount, 'allowance', allowanceOf(state, action.token, action.caller, action.spender));
      break;
    case 'propose': {
      const q = state.oracleState.questions[`${action.indexId}@${action.timestamp}`];
      const last = q?.answers[q.answers.length - 1];
      versus('bond', action.bond, 'minBond', state.oracleState.minBond);
      if (last !== undefined) {
        versus('bond', action.bond, 'lastBond', last.bond);
        rel(last.answerer === action.caller ? 'answerer=caller' : 'answerer≠caller');
        rel(last.value === action.value ? 'sameValue' : 'newValue');
      }
      break;
    }
    default:
      if ('caller' in action && action.caller === state.oracle) rel('caller=oracle');
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
