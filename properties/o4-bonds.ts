import type { Address } from '../reference/primitives.ts';
import { balanceOf, keysOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import type { Transition } from './transition.ts';
import { quote, type Violation } from './violation.ts';

/** Bonds of questions not yet final: posted, not yet credited to anyone. */
export function openBonds(state: ObservedState): bigint {
  let total = 0n;
  for (const question of Object.values(state.oracleState.questions)) {
    if (!question.finalized) for (const answer of question.answers) total += answer.bond;
  }
  return total;
}

/** Credited bonds not yet withdrawn, over every observed account. */
export function totalCredits(state: ObservedState): bigint {
  return Object.values(state.oracleState.credits).reduce((sum, credit) => sum + credit, 0n);
}

/**
 * O4 bonds, state form: the oracle holds at least open bonds plus unwithdrawn credits in the
 * bond token. It is `>=` here because anyone may donate bond token to the oracle; the transition
 * form pins the surplus down to exactly those donations.
 */
export function checkO4State(state: ObservedState): Violation[] {
  const owed = openBonds(state) + totalCredits(state);
  const held = balanceOf(state, state.oracleState.bondToken, state.oracle);
  if (held !== undefined && held >= owed) return [];
  return [
    {
      id: 'O4',
      message: 'the oracle holds less bond token than open bonds plus credits',
      expected: `>= ${owed}`,
      actual: quote(held),
      token: state.oracleState.bondToken,
      account: state.oracle,
    },
  ];
}

/**
 * O4 bonds, transition form: the oracle's bond-token balance equals open bonds plus credits plus
 * what was donated to it, i.e. the surplus over open bonds and credits changes only by a direct
 * transfer of bond token to the oracle; an account's credit falls only by its own withdraw, which
 * pays all of it to that account; and when a question becomes final, every answerer of the final
 * value is credited at least the bonds it posted on that value.
 */
export function checkO4Transition(transition: Transition): Violation[] {
  return [...checkSurplus(transition), ...checkCredits(transition), ...checkWinnersKeepBonds(transition)];
}

function surplus(state: ObservedState): bigint | undefined {
  const held = balanceOf(state, state.oracleState.bondToken, state.oracle);
  return held === undefined ? undefined : held - openBonds(state) - totalCredits(state);
}

function checkSurplus({ before, after, action, outcome }: Transition): Violation[] {
  const was = surplus(before);
  const now = surplus(after);
  const bondToken = before.oracleState.bondToken;
  const donation =
    outcome.ok &&
    (action.kind === 'transfer' || action.kind === 'transferFrom') &&
    action.token === bondToken &&
    action.to === before.oracle;
  const heldBefore = balanceOf(before, bondToken, before.oracle);
  const heldAfter = balanceOf(after, bondToken, after.oracle);
  const donated = donation && heldBefore !== undefined && heldAfter !== undefined ? heldAfter - heldBefore : 0n;
  if (was !== undefined && now !== undefined && now - was === donated && donated >= 0n) return [];
  return [
    {
      id: 'O4',
      message: `the oracle's bond-token surplus over open bonds and credits changed during ${action.kind}`,
      expected: was === undefined ? 'an observed balance' : quote(was + donated),
      actual: quote(now),
      token: bondToken,
      account: before.oracle,
    },
  ];
}

function checkCredits({ before, after, action, outcome }: Transition): Violation[] {
  const violations: Violation[] = [];
  const bondToken = before.oracleState.bondToken;
  for (const account of keysOf<Address>(before.oracleState.credits)) {
    const was = before.oracleState.credits[account] ?? 0n;
    const now = after.oracleState.credits[account];
    if (now !== undefined && now >= was) continue;
    const ownWithdraw = outcome.ok && action.kind === 'withdraw' && action.caller === account;
    if (!ownWithdraw || now !== 0n) {
      violations.push({
        id: 'O4',
        message: `${account}'s credit fell during ${action.kind}, not by withdrawing it all itself`,
        expected: ownWithdraw ? '0' : `>= ${was}`,
        actual: quote(now),
        account,
      });
      continue;
    }
    const got = difference(balanceOf(before, bondToken, account), balanceOf(after, bondToken, account));
    if (got !== was) {
      violations.push({
        id: 'O4',
        message: `${account} withdrew its credit but did not receive it`,
        expected: quote(was),
        actual: quote(got),
        account,
        token: bondToken,
      });
    }
  }
  return violations;
}

function checkWinnersKeepBonds({ before, after }: Transition): Violation[] {
  const violations: Violation[] = [];
  for (const key of keysOf(after.oracleState.questions)) {
    const question = after.oracleState.questions[key];
    if (question === undefined || !question.finalized || before.oracleState.questions[key]?.finalized) continue;
    const due = new Map<Address, bigint>();
    for (const answer of question.answers) {
      if (answer.value === question.finalValue)
        due.set(answer.answerer, (due.get(answer.answerer) ?? 0n) + answer.bond);
    }
    for (const [account, bonds] of due) {
      const credited = difference(before.oracleState.credits[account], after.oracleState.credits[account]);
      if (credited !== undefined && credited >= bonds) continue;
      violations.push({
        id: 'O4',
        message: 'an answerer of the final value was credited less than the bonds it posted on it',
        expected: `>= ${bonds}`,
        actual: quote(credited),
        account,
        question: key,
      });
    }
  }
  return violations;
}

function difference(was: bigint | undefined, now: bigint | undefined): bigint | undefined {
  return was === undefined || now === undefined ? undefined : now - was;
}
