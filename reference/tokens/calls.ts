import { revert } from '../errors.ts';
import { ZERO_BYTES32 } from '../hex.ts';
import { settle } from '../market/settle.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../primitives.ts';
import type { TokenBehaviour } from '../state.ts';
import type { Tx } from '../tx.ts';
import { allowance, approveInternal, balanceOf, spendAllowance, tokenAt, transferInternal } from './erc20.ts';
import { ledgerOf } from './ledger.ts';
import { nativeFeatureDisabled, nativeTransfer } from './native-currency.ts';
import { behaviourOf } from './upgradable.ts';

/**
 * The external ERC-20 functions as a contract or account calls them, with `sender` as msg.sender.
 * They return what the token's ABI returns: `[true]`, or `[]` for NoReturnToken, or `[false]` for
 * a ReturnsFalseToken refusing a short balance or allowance. A ZeroRevertToken refuses a zero value
 * before anything else; an ApprovalRaceToken refuses a non-zero approval over a non-zero allowance.
 * An UpgradableToken follows the kind of its current version (tokens/upgradable.ts). A Uint96Token
 * refuses any value above 2^96 − 1 first, approving 2^96 − 1 for 2^256 − 1 and never spending an
 * allowance of 2^96 − 1; a ZeroApprovalRevertToken refuses an approval of zero; a
 * SelfTransferFromToken's transferFrom from the caller's own account spends no allowance. A call to
 * a TokenEntryPoint is its ledger's (tokens/ledger.ts), the caller unchanged: the MultiEntryToken's
 * rules apply and its address logs. A NativeCurrencyToken has no approve or transferFrom, and its
 * transfer moves native currency (tokens/native-currency.ts).
 */

/** The largest amount a `uint96` token moves or approves (UNI, COMP store amounts in 96 bits). */
export const MAX_UINT96 = (1n << 96n) - 1n;

/** `transfer(to, value)`. */
export function transfer(tx: Tx, called: Address, sender: Address, to: Address, value: bigint): AbiValue[] {
  const token = ledgerOf(tx.tokens, called);
  const kind = behaviourOf(tokenAt(tx, token));
  if (kind === 'nativeCurrency') return nativeTransfer(tx, token, sender, to, value);
  if (kind === 'zeroRevert' && value === 0n) revert('ZeroValueTransfer');
  if (kind === 'uint96' && value > MAX_UINT96) revert('AmountExceedsUint96', value);
  // No revert on failure: a short balance is reported, not raised; the zero receiver still reverts.
  if (kind === 'returnsFalse' && to !== ZERO_ADDRESS && balanceOf(tx, token, sender) < value) return [false];
  callbackIfArmed(tx, token, sender);
  transferInternal(tx, token, sender, to, value);
  return returned(tx, token);
}

/** `transferFrom(from, to, value)`: spends the allowance first, then transfers. */
export function transferFrom(
  tx: Tx,
  called: Address,
  sender: Address,
  from: Address,
  to: Address,
  value: bigint,
): AbiValue[] {
  const token = ledgerOf(tx.tokens, called);
  const kind = behaviourOf(tokenAt(tx, token));
  if (kind === 'nativeCurrency') nativeFeatureDisabled();
  if (kind === 'zeroRevert' && value === 0n) revert('ZeroValueTransfer');
  if (kind === 'uint96' && value > MAX_UINT96) revert('AmountExceedsUint96', value);
  if (kind === 'returnsFalse' && from !== ZERO_ADDRESS && to !== ZERO_ADDRESS) {
    const allowed = allowance(tx, token, from, sender);
    if ((allowed !== MAX_UINT256 && allowed < value) || balanceOf(tx, token, from) < value) return [false];
  }
  callbackIfArmed(tx, token, sender);
  if (!spendsNoAllowance(kind, tx, token, sender, from)) spendAllowance(tx, token, from, sender, value);
  transferInternal(tx, token, from, to, value);
  return returned(tx, token);
}

/** `approve(spender, value)`. */
export function approve(tx: Tx, called: Address, sender: Address, spender: Address, value: bigint): AbiValue[] {
  const token = ledgerOf(tx.tokens, called);
  const kind = tokenAt(tx, token).kind;
  if (kind === 'nativeCurrency') nativeFeatureDisabled();
  if (kind === 'zeroApprovalRevert' && value === 0n) revert('ZeroValueApproval');
  let stored = value;
  if (kind === 'uint96') {
    // The infinite approval is the one value above 96 bits accepted: it stores the uint96 maximum.
    if (value === MAX_UINT256) stored = MAX_UINT96;
    else if (value > MAX_UINT96) revert('AmountExceedsUint96', value);
  }
  if (kind === 'approvalRace') {
    // Race protection: an allowance moves through zero, never from one non-zero value to another.
    const current = allowance(tx, token, sender, spender);
    if (value !== 0n && current !== 0n) revert('ApprovalFromNonZero', current);
  }
  approveInternal(tx, token, sender, spender, stored, true);
  return returned(tx, token);
}

/**
 * transferFrom without spending: a SelfTransferFromToken's source moving its own tokens (DSToken
 * checks the allowance only when `src != msg.sender`), and a Uint96Token's allowance of 2^96 − 1,
 * which it treats as infinite as OpenZeppelin treats 2^256 − 1.
 */
function spendsNoAllowance(kind: TokenBehaviour, tx: Tx, token: Address, sender: Address, from: Address): boolean {
  if (kind === 'selfTransferFrom') return from === sender;
  if (kind === 'uint96') return allowance(tx, token, from, sender) === MAX_UINT96;
  return false;
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
