import { hasCode } from '../code.ts';
import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import type { TokenRecord } from '../state.ts';
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

/**
 * A plain value transfer of `amount` wei from `sender` to `to`, no calldata. The native balances
 * live in the native-currency token records (every one of them, should the world hold several
 * views of the one currency): all move together, with no log. The EVM refuses more than the sender
 * holds before running anything (`InsufficientBalance`, no revert data); a contract of the world
 * takes no ether (no `receive`, no payable fallback): its empty revert.
 */
export function sendNative(tx: Tx, sender: Address, to: Address, amount: bigint): AbiValue[] {
  const natives = [...tx.tokens.keys()].filter((token) => tx.tokens.get(token)?.kind === 'nativeCurrency');
  const ledger = natives[0];
  const held = ledger === undefined ? 0n : (tx.tokens.get(ledger)?.balances.get(sender) ?? 0n);
  if (amount > held) revert('InsufficientBalance');
  if (hasCode(tx.config, tx.tokens, to)) revert('UnknownRevert', '0x');
  for (const token of natives) {
    const record = tx.tokens.mut(token) as TokenRecord;
    record.balances.set(sender, (record.balances.get(sender) ?? 0n) - amount);
    record.balances.set(to, (record.balances.get(to) ?? 0n) + amount);
  }
  return [];
}

/** `approve` and `transferFrom`: nobody can move another account's native currency. */
export function nativeFeatureDisabled(): never {
  revert('FeatureDisabled');
}
