import { revert } from '../errors.ts';
import { merge } from '../market/merge.ts';
import { split } from '../market/split.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import { MAX_UINT256 } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { approveInternal, burn, mint, spendAllowance, tokenAt } from './erc20.ts';

/**
 * A flash-mintable token, as the kind is described (DAI's flash mint, ERC-3156 `flashLoan`): the
 * token lends itself by minting any amount up to what keeps its supply within uint256, free of fee,
 * to a receiver, calls the receiver back, and at the end of the same call takes the amount back out
 * of the receiver's balance through the receiver's allowance to the token, burning it. Whatever the
 * callback did with the minted tokens must have returned them by then, or the whole call reverts.
 *
 * The world's token is its own receiver (`flashSplit`): its callback approves the market for the
 * amount, splits the amount into the series with the claims sent to the token, merges them back when
 * asked, and approves itself for the repayment. So the market holds, within the call only, collateral
 * that exists only within the call; the supply and every balance end where they began.
 */

/** The fee of every flash loan: DAI's flash mint (and the world's token) charges none. */
export const FLASH_FEE = 0n;

/**
 * `flashSplit(market, seriesId, amount, mergeBack)` on the flash-mint token `token` (the market is
 * the world's, checked by validate.ts). Logs, in order: Transfer(0 → token, amount); Approval(token,
 * market, amount); the split's logs; the merge's when `mergeBack`; Approval(token, token, amount);
 * Transfer(token → 0, amount). Returns `[true]`.
 */
export function flashSplit(tx: Tx, token: Address, seriesId: Bytes32, amount: bigint, mergeBack: boolean): AbiValue[] {
  const market = tx.config.market;
  // ERC-3156's maxFlashLoan: a mint that would pass uint256 is refused before anything happens.
  const maxLoan = MAX_UINT256 - tokenAt(tx, token).totalSupply;
  if (amount > maxLoan) revert('ERC3156ExceededMaxLoan', maxLoan);
  mint(tx, token, token, amount);
  // The receiver's callback: the market pulls the split's collateral through an allowance.
  approveInternal(tx, token, token, market, amount, true);
  split(tx, token, seriesId, amount, token);
  if (mergeBack) merge(tx, token, seriesId, amount, token);
  approveInternal(tx, token, token, token, amount + FLASH_FEE, true);
  // Repayment: through the receiver's allowance, then out of its balance (a kept split is short here).
  spendAllowance(tx, token, token, token, amount + FLASH_FEE);
  burn(tx, token, token, amount + FLASH_FEE);
  return [true];
}
