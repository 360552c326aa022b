import { ModelUnsupportedError } from '../errors.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { questionOf } from './question.ts';

/**
 * `IPriceOracle(oracle).finalValue(indexId, timestamp)`: whether the question is final, and its
 * value (0 while not final). Only the world's SlowOracle is modelled; a series may name any address
 * with code as its oracle, and calling a token or the market here would revert with empty data.
 */
export function finalValue(
  tx: Tx,
  oracle: Address,
  indexId: Bytes32,
  timestamp: bigint,
): { isFinal: boolean; value: bigint } {
  if (oracle !== tx.config.oracle.address) {
    throw new ModelUnsupportedError(
      'Oracle is not the SlowOracle of the world.',
      `The series' oracle ${oracle} has code but is not the oracle; the EVM would revert with empty data here.`,
    );
  }
  const question = questionOf(tx, indexId, timestamp);
  return { isFinal: question.finalized, value: question.finalized ? question.finalValue : 0n };
}
