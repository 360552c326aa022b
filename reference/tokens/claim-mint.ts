import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { burn, mint } from './erc20.ts';

/**
 * ClaimToken's `mint` and `burn` called directly. Both are `onlyMarket`: the modifier runs first, so
 * any caller but the market reverts `OnlyMarket(caller)` whatever the arguments. From the market they
 * are OpenZeppelin's `_mint` / `_burn` unchanged: `ERC20InvalidReceiver(0)` / `ERC20InvalidSender(0)`,
 * a checked total supply (`Panic(0x11)`), `ERC20InsufficientBalance(from, balance, amount)`, and one
 * `Transfer` from / to the zero address. Neither returns anything. `validateAction` has already
 * checked that `token` is a claim token, so its market is the world's market.
 */

/** `ClaimToken(token).mint(to, amount)` with `caller` as msg.sender. */
export function mintClaim(tx: Tx, caller: Address, token: Address, to: Address, amount: bigint): AbiValue[] {
  onlyMarket(tx, caller);
  mint(tx, token, to, amount);
  return [];
}

/** `ClaimToken(token).burn(from, amount)` with `caller` as msg.sender. */
export function burnClaim(tx: Tx, caller: Address, token: Address, from: Address, amount: bigint): AbiValue[] {
  onlyMarket(tx, caller);
  burn(tx, token, from, amount);
  return [];
}

function onlyMarket(tx: Tx, caller: Address): void {
  if (caller !== tx.config.market) revert('OnlyMarket', caller);
}
