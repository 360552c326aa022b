import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import { transfer } from '../tokens/calls.ts';
import type { Tx } from '../tx.ts';

/**
 * `SlowOracle.withdraw`: pays the caller all its credit. Checks: credit != 0. Clears the credit, then
 * sends it with SafeERC20 (the oracle is msg.sender). Logs: bond token Transfer(oracle → caller)
 * [a fee token adds its burn], Withdrawn. Returns `[amount]`.
 */
export function withdraw(tx: Tx, caller: Address): AbiValue[] {
  const { oracle } = tx.config;
  const amount = tx.credits.get(caller) ?? 0n;
  if (amount === 0n) revert('NothingToWithdraw', caller);
  tx.credits.set(caller, 0n);
  transfer(tx, oracle.bondToken, oracle.address, caller, amount);
  tx.emit(oracle.address, 'Withdrawn', { account: caller, amount });
  return [amount];
}
