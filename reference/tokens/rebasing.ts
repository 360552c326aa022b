import { PANIC_OVERFLOW, revert } from '../errors.ts';
import { recordFlow } from '../flows.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../primitives.ts';
import type { TokenRecord } from '../state.ts';
import type { Tx } from '../tx.ts';

/**
 * A rebasing (elastic-supply) token, as the kind is described (AMPL; stETH's shares): each account
 * holds shares, and its balance is its shares divided by the token's shares per base unit, rounded
 * down. A transfer, mint or burn of `value` moves exactly `value × sharesPerToken` shares, so
 * balances move by exactly `value`; a rebase by `factorBps` divides the shares per unit by
 * `factorBps / 10000` (rounded down), moving every balance at once with no Transfer log. The
 * record's `balances` and `totalSupply` are kept equal to what the shares give, so everything that
 * reads a balance needs no special case.
 */

/** Shares per base unit when the token is deployed. */
export const INITIAL_SHARES_PER_TOKEN = 10n ** 12n;

/** The denominator of a rebase factor: `factorBps = 10000` leaves balances as they are. */
export const REBASE_BPS = 10_000n;

/**
 * The starting balance `amount` minted to `account` at the initial index (the world's setup).
 * False when the shares would pass uint256, which the token's own mint would refuse.
 */
export function seedShares(record: TokenRecord, account: Address, amount: bigint): boolean {
  const shares = new Map(record.shares);
  const added = amount * INITIAL_SHARES_PER_TOKEN;
  const total = (record.totalShares ?? 0n) + added;
  if (total > MAX_UINT256) return false;
  shares.set(account, (shares.get(account) ?? 0n) + added);
  record.shares = shares;
  record.totalShares = total;
  return true;
}

/**
 * `_update(from, to, value)`: a mint adds `value × sharesPerToken` shares (a product or a supply past
 * uint256 panics 0x11); any other move first checks the sender's balance
 * (`ERC20InsufficientBalance(from, balance, value)`), then moves the shares; then `Transfer`.
 */
export function rebasingUpdate(tx: Tx, token: Address, from: Address, to: Address, value: bigint): void {
  const record = tx.tokens.mut(token) as TokenRecord;
  const perToken = record.sharesPerToken as bigint;
  const shares = new Map(record.shares);
  let totalShares = record.totalShares as bigint;
  const moved = value * perToken;
  if (from === ZERO_ADDRESS) {
    if (moved > MAX_UINT256 || totalShares + moved > MAX_UINT256) revert('Panic', PANIC_OVERFLOW);
    totalShares += moved;
  } else {
    const held = shares.get(from) ?? 0n;
    const balance = held / perToken;
    if (balance < value) revert('ERC20InsufficientBalance', from, balance, value);
    shares.set(from, held - moved);
  }
  if (to === ZERO_ADDRESS) totalShares -= moved;
  else shares.set(to, (shares.get(to) ?? 0n) + moved);
  record.shares = shares;
  record.totalShares = totalShares;
  record.totalSupply = totalShares / perToken;
  for (const account of [from, to]) {
    if (account !== ZERO_ADDRESS) record.balances.set(account, (shares.get(account) ?? 0n) / perToken);
  }
  tx.emit(token, 'Transfer', { from, to, value });
  recordFlow(tx, token, from, to, value);
}

/**
 * `rebase(factorBps)`, callable by anyone (the mock's stand-in for the admin), no log:
 * `sharesPerToken ← sharesPerToken × 10000 / factorBps`, rounded down; the product panics 0x11 past
 * uint256, and a factor of 0 or a result of 0 reverts `InvalidRebase(factorBps)`.
 */
export function rebase(tx: Tx, token: Address, factorBps: bigint): AbiValue[] {
  const record = tx.tokens.mut(token) as TokenRecord;
  if (factorBps === 0n) revert('InvalidRebase', factorBps);
  const product = (record.sharesPerToken as bigint) * REBASE_BPS;
  if (product > MAX_UINT256) revert('Panic', PANIC_OVERFLOW);
  const next = product / factorBps;
  if (next === 0n) revert('InvalidRebase', factorBps);
  record.sharesPerToken = next;
  record.totalSupply = (record.totalShares as bigint) / next;
  for (const [account, held] of record.shares ?? []) record.balances.set(account, held / next);
  return [];
}
