import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { lastAnswer, livenessEnd, questionOf } from './question.ts';
import { resolve } from './resolve.ts';

/**
 * `SlowOracle.finalize`, by anyone. Checks, in order: not finalized, answered, no arbitration
 * pending, now >= lastAnswerAt + liveness. Logs: BondCredited…, Finalized(value, false).
 * Returns `[value]`.
 */
export function finalize(tx: Tx, _caller: Address, indexId: Bytes32, timestamp: bigint): AbiValue[] {
  const question = questionOf(tx, indexId, timestamp);
  if (question.finalized) revert('AlreadyFinalized', indexId, timestamp);
  if (question.answers.length === 0) revert('NoAnswer', indexId, timestamp);
  if (question.arbitrationPending) revert('ArbitrationPending', indexId, timestamp);
  const finalizableAt = livenessEnd(tx, question);
  if (tx.timestamp < finalizableAt) revert('LivenessNotElapsed', indexId, timestamp, finalizableAt);

  const { value } = lastAnswer(question);
  resolve(tx, indexId, timestamp, value, false);
  return [value];
}
