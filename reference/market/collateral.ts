import { ModelUnsupportedError, revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import { transfer, transferFrom } from '../tokens/calls.ts';
import { balanceOf } from '../tokens/erc20.ts';
import { ledgerOf } from '../tokens/ledger.ts';
import type { Tx } from '../tx.ts';

/**
 * The market's side of a collateral token, through SafeERC20: the market is msg.sender, a token
 * revert bubbles up unchanged, a token that returns no data is accepted, and one that returns false
 * reverts `SafeERC20FailedOperation(token)`.
 */

/** `collateral.balanceOf(market)`: for an entry point, the market's balance on its ledger. */
export function marketBalance(tx: Tx, collateral: Address): bigint {
  requireErc20(tx, collateral);
  return balanceOf(tx, ledgerOf(tx.tokens, collateral), tx.config.market);
}

/** `safeTransferFrom(collateral, from, market, amount)`. */
export function pullCollateral(tx: Tx, collateral: Address, from: Address, amount: bigint): void {
  requireErc20(tx, collateral);
  requireNotFalse(collateral, transferFrom(tx, collateral, tx.config.market, from, tx.config.market, amount));
}

/** `safeTransfer(collateral, to, amount)`. */
export function pushCollateral(tx: Tx, collateral: Address, to: Address, amount: bigint): void {
  requireErc20(tx, collateral);
  requireNotFalse(collateral, transfer(tx, collateral, tx.config.market, to, amount));
}

function requireNotFalse(collateral: Address, returned: AbiValue[]): void {
  if (returned.length > 0 && returned[0] === false) revert('SafeERC20FailedOperation', collateral);
}

/**
 * A series may name as collateral any address with code. The world's other contracts (the market,
 * the oracle) have no ERC-20 functions and no fallback: the first token call reverts with empty
 * data, which the market's high-level call bubbles up unchanged (decoded as `UnknownRevert("0x")`).
 */
function requireErc20(tx: Tx, collateral: Address): void {
  if (tx.tokens.has(collateral)) return;
  if (collateral === tx.config.market || collateral === tx.config.oracle.address) revert('UnknownRevert', '0x');
  throw new ModelUnsupportedError(
    'Collateral is not an ERC-20 of the world.',
    `The series' collateral ${collateral} has code but is no contract the model knows.`,
  );
}
