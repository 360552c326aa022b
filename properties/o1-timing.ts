import { keysOf } from './lookup.ts';
import { type ObservedState, questionKey } from './observed-state.ts';
import type { Transition } from './transition.ts';
import { quote, type Violation } from './violation.ts';

/**
 * O1 timing, state form: every answered question's `lastAnswerAt` (the time of its last answer,
 * or of a later cancelled arbitration) is at or after the question's timestamp.
 */
export function checkO1State(state: ObservedState): Violation[] {
  const violations: Violation[] = [];
  for (const key of keysOf(state.oracleState.questions)) {
    const question = state.oracleState.questions[key];
    if (question === undefined || question.answers.length === 0) continue;
    if (question.lastAnswerAt < question.timestamp) {
      violations.push({
        id: 'O1',
        message: 'question holds an answer recorded before its timestamp',
        expected: `lastAnswerAt >= ${question.timestamp}`,
        actual: quote(question.lastAnswerAt),
        question: key,
      });
    }
  }
  return violations;
}

/**
 * O1 timing, transition form: an answer is accepted only by a successful `propose` on that
 * question, one per call, at a block time (`before.timestamp`) at or after the question's
 * timestamp, and that time becomes the question's `lastAnswerAt`.
 */
export function checkO1Transition(transition: Transition): Violation[] {
  const { before, after, action, outcome } = transition;
  const violations: Violation[] = [];
  for (const key of keysOf(after.oracleState.questions)) {
    const now = after.oracleState.questions[key];
    if (now === undefined) continue;
    const added = now.answers.length - (before.oracleState.questions[key]?.answers.length ?? 0);
    if (added <= 0) continue;
    const proposedHere =
      outcome.ok && action.kind === 'propose' && questionKey(action.indexId, action.timestamp) === key && added === 1;
    if (!proposedHere) {
      violations.push({
        id: 'O1',
        message: `${added} answer(s) appeared during ${action.kind}`,
        expected: 'one answer, from a successful propose on this question',
        actual: `${added} during ${action.kind} ${outcome.ok ? 'succeeding' : 'reverting'}`,
        question: key,
      });
    }
    if (before.timestamp < now.timestamp) {
      violations.push({
        id: 'O1',
        message: 'answer accepted before the question timestamp',
        expected: `block time >= ${now.timestamp}`,
        actual: quote(before.timestamp),
        question: key,
      });
    }
    if (now.lastAnswerAt !== before.timestamp) {
      violations.push({
        id: 'O1',
        message: 'a new answer did not restart the liveness clock at the time it was accepted',
        expected: `lastAnswerAt ${before.timestamp}`,
        actual: quote(now.lastAnswerAt),
        question: key,
      });
    }
  }
  return violations;
}
