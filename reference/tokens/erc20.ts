import { PANIC_OVERFLOW, revert } from '../errors.ts';
import { recordFlow } from '../flows.ts';
import type { Address } from '../primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../primitives.ts';
import type { TokenRecord } from '../state.ts';
import type { Tx } from '../tx.ts';
import { rebasingUpdate } from './rebasing.ts';
import { behaviourOf } from './upgradable.ts';

/**
 * OpenZeppelin ERC20 v5 internals (`_update`, `_transfer`, `_approve`, `_spendAllowance`, `_mint`,
 * `_burn`), with FeeOnTransferToken's `_update` override. Every check reverts with the same custom
 * error and arguments as OpenZeppelin, in the same order.
 */

/** The token record; callers check beforehand that `token` is an ERC-20 of the world. */
export function tokenAt(tx: Tx, token: Address): TokenRecord {
  const record = tx.tokens.get(token);
  if (record === undefined) throw new Error(`internal: ${token} is not a token of the world`);
  return record;
}

export function balanceOf(tx: Tx, token: Address, account: Address): bigint {
  return tokenAt(tx, token).balances.get(account) ?? 0n;
}

export function allowance(tx: Tx, token: Address, owner: Address, spender: Address): bigint {
  return tokenAt(tx, token).allowances.get(owner)?.get(spender) ?? 0n;
}

/**
 * `_update`: a paused PausableToken refuses every balance change (`TokenPaused()`); a BlockListToken
 * refuses one from, then to, a blocked account (`AccountBlocked(account)`); FeeOnTransferToken burns
 * ceil(value / 100) of every transfer between two non-zero accounts, and so does an UpgradableToken
 * at its fee-on-transfer version; a RebasingToken moves shares (tokens/rebasing.ts).
 */
export function update(tx: Tx, token: Address, from: Address, to: Address, value: bigint): void {
  const record = tokenAt(tx, token);
  if (record.kind === 'rebasing') {
    rebasingUpdate(tx, token, from, to, value);
    return;
  }
  if (record.kind === 'pausable' && record.paused === true) revert('TokenPaused');
  if (record.kind === 'blockList') {
    if (record.blocked?.has(from)) revert('AccountBlocked', from);
    if (record.blocked?.has(to)) revert('AccountBlocked', to);
  }
  if (behaviourOf(record) === 'feeOnTransfer' && from !== ZERO_ADDRESS && to !== ZERO_ADDRESS) {
    const balance = balanceOf(tx, token, from);
    if (balance < value) revert('ERC20InsufficientBalance', from, balance, value);
    const fee = (value + 99n) / 100n;
    baseUpdate(tx, token, from, to, value - fee);
    if (fee > 0n) baseUpdate(tx, token, from, ZERO_ADDRESS, fee);
    return;
  }
  baseUpdate(tx, token, from, to, value);
}

/** OpenZeppelin's `_update`: mint from 0 (checked supply), burn to 0, else move; then `Transfer`. */
function baseUpdate(tx: Tx, token: Address, from: Address, to: Address, value: bigint): void {
  const record = tx.tokens.mut(token) as TokenRecord;
  if (from === ZERO_ADDRESS) {
    const supply = record.totalSupply + value;
    if (supply > MAX_UINT256) revert('Panic', PANIC_OVERFLOW);
    record.totalSupply = supply;
  } else {
    const fromBalance = record.balances.get(from) ?? 0n;
    if (fromBalance < value) revert('ERC20InsufficientBalance', from, fromBalance, value);
    record.balances.set(from, fromBalance - value);
  }
  // Read `to` only now: when from == to the debit above must be seen, so the balance is unchanged.
  if (to === ZERO_ADDRESS) record.totalSupply -= value;
  else record.balances.set(to, (record.balances.get(to) ?? 0n) + value);
  tx.emit(token, 'Transfer', { from, to, value });
  recordFlow(tx, token, from, to, value);
}

/** `_transfer`: rejects the zero sender, then the zero receiver. */
export function transferInternal(tx: Tx, token: Address, from: Address, to: Address, value: bigint): void {
  if (from === ZERO_ADDRESS) revert('ERC20InvalidSender', ZERO_ADDRESS);
  if (to === ZERO_ADDRESS) revert('ERC20InvalidReceiver', ZERO_ADDRESS);
  update(tx, token, from, to, value);
}

/** `_approve(owner, spender, value, emitEvent)`. */
export function approveInternal(
  tx: Tx,
  token: Address,
  owner: Address,
  spender: Address,
  value: bigint,
  emitEvent: boolean,
): void {
  if (owner === ZERO_ADDRESS) revert('ERC20InvalidApprover', ZERO_ADDRESS);
  if (spender === ZERO_ADDRESS) revert('ERC20InvalidSpender', ZERO_ADDRESS);
  const { allowances } = tx.tokens.mut(token) as TokenRecord;
  allowances.set(owner, new Map(allowances.get(owner)).set(spender, value));
  if (emitEvent) tx.emit(token, 'Approval', { owner, spender, value });
}

/** `_spendAllowance`: an infinite (max uint256) allowance is never decreased; no Approval log. */
export function spendAllowance(tx: Tx, token: Address, owner: Address, spender: Address, value: bigint): void {
  const current = allowance(tx, token, owner, spender);
  if (current === MAX_UINT256) return;
  if (current < value) revert('ERC20InsufficientAllowance', spender, current, value);
  approveInternal(tx, token, owner, spender, current - value, false);
}

/** `_mint`. */
export function mint(tx: Tx, token: Address, to: Address, value: bigint): void {
  if (to === ZERO_ADDRESS) revert('ERC20InvalidReceiver', ZERO_ADDRESS);
  update(tx, token, ZERO_ADDRESS, to, value);
}

/** `_burn`. */
export function burn(tx: Tx, token: Address, from: Address, value: bigint): void {
  if (from === ZERO_ADDRESS) revert('ERC20InvalidSender', ZERO_ADDRESS);
  update(tx, token, from, ZERO_ADDRESS, value);
}
