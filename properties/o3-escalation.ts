import { keysOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import type { Transition } from './transition.ts';
import type { Violation } from './violation.ts';

/**
 * O3 escalation, state form: every answer after the first posts at least twice the bond before
 * it, and the first posts at least `minBond` (the base the doubling starts from, docs/design.md §3).
 */
export function checkO3State(state: ObservedState): Violation[] {
  const { questions, minBond } = state.oracleState;
  const violations: Violation[] = [];
  for (const key of keysOf(questions)) {
    const answers = questions[key]?.answers ?? [];
    answers.forEach((answer, index) => {
      const minimum = index === 0 ? minBond : 2n * (answers[index - 1]?.bond ?? 0n);
      if (answer.bond >= minimum) return;
      violations.push({
        id: 'O3',
        message:
          index === 0
            ? 'first answer posts less than minBond'
            : `answer ${index} posts less than twice the bond of answer ${index - 1}`,
        expected: `>= ${minimum}`,
        actual: String(answer.bond),
        account: answer.answerer,
        question: key,
      });
    });
  }
  return violations;
}

/**
 * O3 escalation, transition form: the answer history the state form reads is append-only. No
 * question disappears and no earlier answer's answerer, value or bond is rewritten, so an
 * escalation once checked stays checked.
 */
export function checkO3Transition(transition: Transition): Violation[] {
  const { before, after, action } = transition;
  const violations: Violation[] = [];
  for (const key of keysOf(before.oracleState.questions)) {
    const was = before.oracleState.questions[key]?.answers ?? [];
    const now = after.oracleState.questions[key]?.answers;
    if (now === undefined) {
      violations.push({
        id: 'O3',
        message: `an answered question disappeared during ${action.kind}`,
        expected: `${was.length} answers`,
        actual: '<missing>',
        question: key,
      });
      continue;
    }
    const changed = was.findIndex((answer, index) => !sameAnswer(answer, now[index]));
    if (changed === -1) continue;
    violations.push({
      id: 'O3',
      message: `answer ${changed} was rewritten during ${action.kind}`,
      expected: describe(was[changed]),
      actual: describe(now[changed]),
      question: key,
    });
  }
  return violations;
}

type Answer = { answerer: string; value: bigint; bond: bigint };

function sameAnswer(a: Answer, b: Answer | undefined): boolean {
  return b !== undefined && a.answerer === b.answerer && a.value === b.value && a.bond === b.bond;
}

function describe(answer: Answer | undefined): string {
  return answer === undefined ? '<missing>' : `${answer.answerer} ${answer.value} bond ${answer.bond}`;
}
