import { saturatingAdd } from '../checked.ts';
import type { Bytes32 } from '../primitives.ts';
import type { QuestionRecord } from '../state.ts';
import { questionKeyOf } from '../state.ts';
import type { Tx } from '../tx.ts';

/** A question nobody answered yet: what the oracle's storage reads as before the first propose. */
function emptyQuestion(indexId: Bytes32, timestamp: bigint): QuestionRecord {
  return {
    indexId,
    timestamp,
    answers: [],
    lastAnswerAt: 0n,
    arbitrationPending: false,
    arbitrationUsed: false,
    arbitrationRequestedAt: 0n,
    finalized: false,
    finalValue: 0n,
  };
}

/** The question `(indexId, timestamp)` for reading (empty when never answered). */
export function questionOf(tx: Tx, indexId: Bytes32, timestamp: bigint): Readonly<QuestionRecord> {
  return tx.questions.get(questionKeyOf(indexId, timestamp)) ?? emptyQuestion(indexId, timestamp);
}

/** The question, owned by the transaction for writing; created on first write. */
export function questionToWrite(tx: Tx, indexId: Bytes32, timestamp: bigint): QuestionRecord {
  const key = questionKeyOf(indexId, timestamp);
  const existing = tx.questions.mut(key);
  if (existing !== undefined) return existing;
  const fresh = emptyQuestion(indexId, timestamp);
  tx.questions.set(key, fresh);
  return fresh;
}

/**
 * `lastAnswerAt + liveness`, the moment the last answer can no longer be challenged, saturating at
 * max uint256 (the interface leaves overflow open; SlowOracle documents saturation, and it keeps a
 * huge liveness meaning "practically never" instead of making the question unusable).
 */
export function livenessEnd(tx: Tx, question: Readonly<QuestionRecord>): bigint {
  return saturatingAdd(question.lastAnswerAt, tx.config.oracle.liveness);
}

/** The last answer; the question must be answered. */
export function lastAnswer(question: Readonly<QuestionRecord>): { value: bigint; bond: bigint } {
  const last = question.answers[question.answers.length - 1];
  if (last === undefined) throw new Error('internal: lastAnswer of an unanswered question');
  return last;
}
