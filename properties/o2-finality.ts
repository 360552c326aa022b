import { keysOf } from './lookup.ts';
import { type ObservedState, type QuestionState, questionKey } from './observed-state.ts';
import type { Transition } from './transition.ts';
import { quote, type Violation } from './violation.ts';

/**
 * O2 finality, state form: a final question has an answer, and one that never went to
 * arbitration holds its last answer's value, final no earlier than `liveness` after that answer.
 */
export function checkO2State(state: ObservedState): Violation[] {
  const { questions, liveness } = state.oracleState;
  const violations: Violation[] = [];
  for (const key of keysOf(questions)) {
    const question = questions[key];
    if (question === undefined || !question.finalized || question.arbitrationUsed) continue;
    const last = question.answers.at(-1);
    if (last === undefined || last.value !== question.finalValue) {
      violations.push({
        id: 'O2',
        message: 'a question final without arbitration does not hold its last answer',
        expected: last === undefined ? 'an answer' : `final ${last.value}`,
        actual: `final ${question.finalValue}`,
        question: key,
      });
    }
    if (state.timestamp < question.lastAnswerAt + liveness) {
      violations.push({
        id: 'O2',
        message: 'a question is final before its last answer stood for liveness',
        expected: `timestamp >= ${question.lastAnswerAt + liveness}`,
        actual: quote(state.timestamp),
        question: key,
      });
    }
  }
  return violations;
}

/**
 * O2 finality, transition form: a final value never changes and a final question takes no more
 * answers; a question becomes final only by a successful `finalize` with no arbitration pending,
 * at least `liveness` after its last answer, on its last answer's value; or by a successful
 * `arbitrate` from the arbitrator on a pending arbitration, on the value ruled.
 */
export function checkO2Transition(transition: Transition): Violation[] {
  const { before, after, action } = transition;
  const violations: Violation[] = [];
  for (const key of keysOf(before.oracleState.questions)) {
    const was = before.oracleState.questions[key];
    if (!was?.finalized) continue;
    const now = after.oracleState.questions[key];
    if (!now?.finalized || now.finalValue !== was.finalValue || now.answers.length !== was.answers.length) {
      violations.push({
        id: 'O2',
        message: `a final question changed during ${action.kind}`,
        expected: `final ${was.finalValue} with ${was.answers.length} answers`,
        actual:
          now === undefined
            ? '<missing>'
            : `final=${now.finalized} ${now.finalValue} with ${now.answers.length} answers`,
        question: key,
      });
    }
  }
  for (const key of keysOf(after.oracleState.questions)) {
    const now = after.oracleState.questions[key];
    if (now?.finalized && !before.oracleState.questions[key]?.finalized) {
      violations.push(...checkBecameFinal(transition, key, now));
    }
  }
  return violations;
}

function checkBecameFinal(transition: Transition, key: string, now: QuestionState): Violation[] {
  const { before, action, outcome } = transition;
  const was = before.oracleState.questions[key];
  const fail = (message: string, expected: string, actual: string): Violation[] => [
    { id: 'O2', message, expected, actual, question: key },
  ];
  if (
    !outcome.ok ||
    (action.kind !== 'finalize' && action.kind !== 'arbitrate') ||
    questionKey(action.indexId, action.timestamp) !== key
  ) {
    return fail(
      'question became final other than by a successful finalize or arbitrate of it',
      'finalize or arbitrate of this question, succeeding',
      `${action.kind} ${outcome.ok ? 'succeeding' : 'reverting'}`,
    );
  }
  if (was === undefined) return fail('an unanswered question became final', 'an answered question', '<missing>');
  if (action.kind === 'arbitrate') {
    if (!was.arbitrationPending) return fail('arbitrated with no arbitration pending', 'pending', 'not pending');
    if (action.caller !== before.oracleState.arbitrator) {
      return fail('arbitrated by someone other than the arbitrator', before.oracleState.arbitrator, action.caller);
    }
    if (now.finalValue !== action.value)
      return fail('final value is not the ruling', quote(action.value), quote(now.finalValue));
    return [];
  }
  if (was.arbitrationPending) return fail('finalized while arbitration was pending', 'not pending', 'pending');
  const finalizableAt = was.lastAnswerAt + before.oracleState.liveness;
  if (before.timestamp < finalizableAt) {
    return fail('finalized before liveness elapsed', `block time >= ${finalizableAt}`, quote(before.timestamp));
  }
  const last = was.answers.at(-1);
  if (last === undefined || now.finalValue !== last.value) {
    return fail('finalized on a value other than the last answer', quote(last?.value), quote(now.finalValue));
  }
  return [];
}
