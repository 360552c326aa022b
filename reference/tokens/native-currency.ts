import { hasCode } from '../code.ts';
import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import type { Tx } from '../tx.ts';

/**
 * An ERC-20 view of the chain's native currency, of the kind Polygon PoS has at 0x…1010 (POL), as
 * the kind is described: an account's balance is its native balance; `transfer(to, value)` is
 * payable and moves exactly the value sent with the call, returning false when the two differ; the
 * supply reported is a constant; there is no allowance, and `approve` and `transferFrom` revert.
 *
 * The world's actions send no value with their calls, so a `transfer` of a non-zero value returns
 * false and moves nothing, and a `transfer` of zero sends zero to `to`: an account without code
 * takes it (a `Transfer` log), a contract of the world takes no native currency (none has a payable
 * entry: the market, the oracle, every token), so the call reverts `NativeTransferFailed(to)`. The
 * record's `balances` are the accounts' native balances, which no action of the world moves.
 */

/** What `totalSupply()` reports: Polygon's constant 10 billion tokens of 18 decimals. */
export const NATIVE_REPORTED_SUPPLY = 10n ** 28n;

/** `transfer(to, value)` sent with no value. */
export function nativeTransfer(tx: Tx, token: Address, sender: Address, to: Address, value: bigint): AbiValue[] {
  // msg.value is 0: only a transfer of 0 matches it.
  if (value !== 0n) return [false];
  if (hasCode(tx.config, tx.tokens, to)) revert('NativeTransferFailed', to);
  tx.emit(token, 'Transfer', { from: sender, to, value });
  return [true];
}

/** `approve` and `transferFrom`: nobody can move another account's native currency. */
export function nativeFeatureDisabled(): never {
  revert('FeatureDisabled');
}
