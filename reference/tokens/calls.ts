import { ZERO_BYTES32 } from '../hex.ts';
import { settle } from '../market/settle.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { approveInternal, spendAllowance, tokenAt, transferInternal } from './erc20.ts';

/**
 * The external ERC-20 functions as a contract or account calls them, with `sender` as msg.sender.
 * They return what the token's ABI returns: `[true]`, or `[]` for NoReturnToken.
 */

/** `transfer(to, value)`. */
export function transfer(tx: Tx, token: Address, sender: Address, to: Address, value: bigint): AbiValue[] {
  callbackIfArmed(tx, token, sender);
  transferInternal(tx, token, sender, to, value);
  return returned(tx, token);
}

/** `transferFrom(from, to, value)`: spends the allowance first, then transfers. */
export function transferFrom(
  tx: Tx,
  token: Address,
  sender: Address,
  from: Address,
  to: Address,
  value: bigint,
): AbiValue[] {
  callbackIfArmed(tx, token, sender);
  spendAllowance(tx, token, from, sender, value);
  transferInternal(tx, token, from, to, value);
  return returned(tx, token);
}

/** `approve(spender, value)`. */
export function approve(tx: Tx, token: Address, sender: Address, spender: Address, value: bigint): AbiValue[] {
  approveInternal(tx, token, sender, spender, value, true);
  return returned(tx, token);
}

function returned(tx: Tx, token: Address): AbiValue[] {
  return tokenAt(tx, token).kind === 'noReturn' ? [] : [true];
}

/**
 * CallbackToken: while armed (target = the market, data = `settle(bytes32(0))`), a transfer or
 * transferFrom whose msg.sender is the market first calls the market, and a revert there bubbles up
 * unchanged. Inside any market call the reentrancy guard makes that `ReentrancyGuardReentrantCall()`.
 */
function callbackIfArmed(tx: Tx, token: Address, sender: Address): void {
  if (!tokenAt(tx, token).armed || sender !== tx.config.market) return;
  settle(tx, token, ZERO_BYTES32);
}
