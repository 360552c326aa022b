import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import { MAX_UINT256 } from '../primitives.ts';
import { transferFrom } from '../tokens/calls.ts';
import type { Tx } from '../tx.ts';
import { lastAnswer, livenessEnd, questionOf, questionToWrite } from './question.ts';

/**
 * `SlowOracle.propose`. Checks, in order: not finalized, now >= timestamp, no arbitration pending,
 * (if answered) liveness not elapsed, (if answered) a new value, bond >= minBond (first) or
 * bond >= 2 × last bond (later, exact; the error's minimum saturates at max uint256). Then pulls the
 * bond with SafeERC20 (the oracle is msg.sender; no received-amount check), records the answer and
 * restarts liveness. Logs: bond token Transfer(caller → oracle) [a fee token adds its burn], Proposed.
 */
export function propose(
  tx: Tx,
  caller: Address,
  indexId: Bytes32,
  timestamp: bigint,
  value: bigint,
  bond: bigint,
): AbiValue[] {
  const { oracle } = tx.config;
  const question = questionOf(tx, indexId, timestamp);
  if (question.finalized) revert('AlreadyFinalized', indexId, timestamp);
  if (tx.timestamp < timestamp) revert('TooEarly', indexId, timestamp, tx.timestamp);
  if (question.arbitrationPending) revert('ArbitrationPending', indexId, timestamp);
  const answered = question.answers.length > 0;
  if (answered) {
    const closedAt = livenessEnd(tx, question);
    if (tx.timestamp >= closedAt) revert('LivenessElapsed', indexId, timestamp, closedAt);
    if (value === lastAnswer(question).value) revert('SameValue', value);
  }
  const required = answered ? 2n * lastAnswer(question).bond : oracle.minBond;
  if (bond < required) revert('BondTooLow', required > MAX_UINT256 ? MAX_UINT256 : required, bond);

  transferFrom(tx, oracle.bondToken, oracle.address, caller, oracle.address, bond);
  const record = questionToWrite(tx, indexId, timestamp);
  record.answers.push({ answerer: caller, value, bond });
  record.lastAnswerAt = tx.timestamp;
  tx.emit(oracle.address, 'Proposed', {
    indexId,
    timestamp,
    answerer: caller,
    value,
    bond,
    answerIndex: BigInt(record.answers.length - 1),
  });
  return [];
}
