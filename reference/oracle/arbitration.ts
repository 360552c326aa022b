import { saturatingAdd } from '../checked.ts';
import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { livenessEnd, questionOf, questionToWrite } from './question.ts';
import { resolve } from './resolve.ts';

/**
 * `SlowOracle.requestArbitration`, by anyone, once per question. Checks, in order: not finalized,
 * answered, not already used (pending counts as used), liveness not elapsed. Logs: ArbitrationRequested.
 */
export function requestArbitration(tx: Tx, caller: Address, indexId: Bytes32, timestamp: bigint): AbiValue[] {
  const question = questionOf(tx, indexId, timestamp);
  if (question.finalized) revert('AlreadyFinalized', indexId, timestamp);
  if (question.answers.length === 0) revert('NoAnswer', indexId, timestamp);
  if (question.arbitrationUsed) revert('ArbitrationAlreadyUsed', indexId, timestamp);
  const closedAt = livenessEnd(tx, question);
  if (tx.timestamp >= closedAt) revert('LivenessElapsed', indexId, timestamp, closedAt);

  const record = questionToWrite(tx, indexId, timestamp);
  record.arbitrationPending = true;
  record.arbitrationUsed = true;
  record.arbitrationRequestedAt = tx.timestamp;
  tx.emit(tx.config.oracle.address, 'ArbitrationRequested', { indexId, timestamp, requester: caller });
  return [];
}

/**
 * `SlowOracle.arbitrate`: the arbitrator's ruling, any value, final at once. Checks, in order: caller
 * is the arbitrator, not finalized, arbitration pending. Logs: BondCredited…, Finalized(value, true).
 */
export function arbitrate(tx: Tx, caller: Address, indexId: Bytes32, timestamp: bigint, value: bigint): AbiValue[] {
  if (caller !== tx.config.oracle.arbitrator) revert('NotArbitrator', caller);
  const question = questionOf(tx, indexId, timestamp);
  if (question.finalized) revert('AlreadyFinalized', indexId, timestamp);
  if (!question.arbitrationPending) revert('NoArbitrationPending', indexId, timestamp);
  resolve(tx, indexId, timestamp, value, true);
  return [];
}

/**
 * `SlowOracle.cancelArbitration`, by anyone. Checks, in order: not finalized, arbitration pending,
 * now >= arbitrationRequestedAt + arbitrationTimeout (saturating sum, like the liveness deadline). Unfreezes the question and
 * restarts liveness now (lastAnswerAt = now). Logs: ArbitrationCancelled.
 */
export function cancelArbitration(tx: Tx, caller: Address, indexId: Bytes32, timestamp: bigint): AbiValue[] {
  const question = questionOf(tx, indexId, timestamp);
  if (question.finalized) revert('AlreadyFinalized', indexId, timestamp);
  if (!question.arbitrationPending) revert('NoArbitrationPending', indexId, timestamp);
  const cancellableAt = saturatingAdd(question.arbitrationRequestedAt, tx.config.oracle.arbitrationTimeout);
  if (tx.timestamp < cancellableAt) revert('ArbitrationTimeoutNotElapsed', indexId, timestamp, cancellableAt);

  const record = questionToWrite(tx, indexId, timestamp);
  record.arbitrationPending = false;
  record.lastAnswerAt = tx.timestamp;
  tx.emit(tx.config.oracle.address, 'ArbitrationCancelled', { indexId, timestamp, caller });
  return [];
}
