import { checkedAdd } from '../checked.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { questionToWrite } from './question.ts';

/**
 * Makes the question final with `value` (by finalize or arbitrate) and credits the bonds: each answer
 * equal to `value`, in order, gets its own bond back (one BondCredited each); then, when any bond was
 * forfeited, their sum goes to the last answerer of `value`, or to the arbitrator when nobody gave it
 * (one BondCredited). Then Finalized. A pending arbitration is cleared: it is no longer pending.
 */
export function resolve(tx: Tx, indexId: Bytes32, timestamp: bigint, value: bigint, byArbitration: boolean): void {
  const { oracle } = tx.config;
  const question = questionToWrite(tx, indexId, timestamp);
  question.finalized = true;
  question.finalValue = value;
  question.arbitrationPending = false;

  let forfeited = 0n;
  let winner: Address = oracle.arbitrator;
  for (const answer of question.answers) {
    if (answer.value === value) {
      credit(tx, indexId, timestamp, answer.answerer, answer.bond);
      winner = answer.answerer;
    } else {
      forfeited = checkedAdd(forfeited, answer.bond);
    }
  }
  if (forfeited > 0n) credit(tx, indexId, timestamp, winner, forfeited);
  tx.emit(oracle.address, 'Finalized', { indexId, timestamp, value, byArbitration });
}

function credit(tx: Tx, indexId: Bytes32, timestamp: bigint, account: Address, amount: bigint): void {
  tx.credits.set(account, checkedAdd(tx.credits.get(account) ?? 0n, amount));
  tx.emit(tx.config.oracle.address, 'BondCredited', { indexId, timestamp, account, amount });
}
