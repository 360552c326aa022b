import type { Address, Bytes32 } from './primitives.ts';

/**
 * Every state-changing call a user can make on the system, as plain data.
 *
 * The model executes these directly; the harness encodes them as transactions from `caller`.
 * Donations of collateral to the market are plain `transfer`s with `to` = the market.
 * `warp` moves block time forward by `seconds` and is the only action without a caller.
 * Callers are accounts without code, except `mintClaim` / `burnClaim`, which may name the market:
 * the one contract whose calls to a claim token the model describes.
 */
export type Action =
  | CreateSeriesAction
  | SplitAction
  | MergeAction
  | SettleAction
  | RedeemAction
  | TransferAction
  | ApproveAction
  | TransferFromAction
  | MintClaimAction
  | BurnClaimAction
  | ProposeAction
  | FinalizeAction
  | RequestArbitrationAction
  | ArbitrateAction
  | CancelArbitrationAction
  | WithdrawAction
  | ArmCallbackAction
  | PauseTokenAction
  | BlockAccountAction
  | RebaseAction
  | UpgradeTokenAction
  | FlashMintAction
  | SendNativeAction
  | WarpAction;

/** The `kind` of every action, for tables and summaries. */
export type ActionKind = Action['kind'];

/** SplitMarket.createSeries */
export interface CreateSeriesAction {
  kind: 'createSeries';
  caller: Address;
  collateral: Address;
  oracle: Address;
  indexId: Bytes32;
  strike: bigint;
  expiry: bigint;
}
/** SplitMarket.split */
export interface SplitAction {
  kind: 'split';
  caller: Address;
  seriesId: Bytes32;
  amount: bigint;
  to: Address;
}
/** SplitMarket.merge */
export interface MergeAction {
  kind: 'merge';
  caller: Address;
  seriesId: Bytes32;
  amount: bigint;
  to: Address;
}
/** SplitMarket.settle */
export interface SettleAction {
  kind: 'settle';
  caller: Address;
  seriesId: Bytes32;
}
/** SplitMarket.redeem */
export interface RedeemAction {
  kind: 'redeem';
  caller: Address;
  seriesId: Bytes32;
  pAmount: bigint;
  nAmount: bigint;
  to: Address;
}
/** ERC20.transfer on any token: a collateral, the bond token, or a claim token. */
export interface TransferAction {
  kind: 'transfer';
  caller: Address;
  token: Address;
  to: Address;
  amount: bigint;
}
/** ERC20.approve */
export interface ApproveAction {
  kind: 'approve';
  caller: Address;
  token: Address;
  spender: Address;
  amount: bigint;
}
/** ERC20.transferFrom */
export interface TransferFromAction {
  kind: 'transferFrom';
  caller: Address;
  token: Address;
  from: Address;
  to: Address;
  amount: bigint;
}
/**
 * ClaimToken.mint(to, amount) called directly, not through the market: only the token's market may
 * mint, so any other caller reverts `OnlyMarket(caller)`. The market itself as `caller` (only a
 * hand-written trace names it) mints with OpenZeppelin's `_mint` semantics.
 */
export interface MintClaimAction {
  kind: 'mintClaim';
  caller: Address;
  token: Address;
  to: Address;
  amount: bigint;
}
/**
 * ClaimToken.burn(from, amount) called directly: as mintClaim, `OnlyMarket(caller)` for anyone but
 * the market; the market burns with OpenZeppelin's `_burn` semantics (no allowance).
 */
export interface BurnClaimAction {
  kind: 'burnClaim';
  caller: Address;
  token: Address;
  from: Address;
  amount: bigint;
}
/** SlowOracle.propose */
export interface ProposeAction {
  kind: 'propose';
  caller: Address;
  indexId: Bytes32;
  timestamp: bigint;
  value: bigint;
  bond: bigint;
}
/** SlowOracle.finalize */
export interface FinalizeAction {
  kind: 'finalize';
  caller: Address;
  indexId: Bytes32;
  timestamp: bigint;
}
/** SlowOracle.requestArbitration */
export interface RequestArbitrationAction {
  kind: 'requestArbitration';
  caller: Address;
  indexId: Bytes32;
  timestamp: bigint;
}
/** SlowOracle.arbitrate */
export interface ArbitrateAction {
  kind: 'arbitrate';
  caller: Address;
  indexId: Bytes32;
  timestamp: bigint;
  value: bigint;
}
/** SlowOracle.cancelArbitration */
export interface CancelArbitrationAction {
  kind: 'cancelArbitration';
  caller: Address;
  indexId: Bytes32;
  timestamp: bigint;
}
/** SlowOracle.withdraw */
export interface WithdrawAction {
  kind: 'withdraw';
  caller: Address;
}
/**
 * CallbackToken.arm / disarm (test mock): while armed, every transfer of that token made by the
 * market calls back into the market, so the reentrancy guard must revert the whole call.
 */
export interface ArmCallbackAction {
  kind: 'armCallback';
  caller: Address;
  token: Address;
  armed: boolean;
}
/**
 * PausableToken.setPaused (test mock; the token's admin in real life): while paused, every balance
 * change of that token reverts `TokenPaused()`, so splits, merges and redeems of its series do too.
 */
export interface PauseTokenAction {
  kind: 'pauseToken';
  caller: Address;
  token: Address;
  paused: boolean;
}
/**
 * BlockListToken.setBlocked (test mock; the token's admin in real life): a blocked account can
 * neither send nor receive that token (`AccountBlocked(account)`), the market included.
 */
export interface BlockAccountAction {
  kind: 'blockAccount';
  caller: Address;
  token: Address;
  account: Address;
  blocked: boolean;
}
/**
 * RebasingToken.rebase (test mock; the token's admin or its oracle in real life): every balance of
 * that token is scaled by about `factorBps / 10000` at once, with no Transfer, the market's
 * included; below 10000 it shrinks (see tokens/rebasing.ts).
 */
export interface RebaseAction {
  kind: 'rebase';
  caller: Address;
  token: Address;
  factorBps: bigint;
}
/**
 * UpgradableToken.upgradeTo (test mock; the proxy's admin in real life): the token keeps its
 * balances and follows the rules of implementation `to` (0 plain, 1 fee on transfer, 2 returns
 * false; see tokens/upgradable.ts).
 */
export interface UpgradeTokenAction {
  kind: 'upgradeToken';
  caller: Address;
  token: Address;
  to: bigint;
}
/**
 * FlashMintToken.flashSplit (test mock; an actor with its own ERC-3156 borrower in real life): the
 * token flash-mints `amount` to itself, splits them into `market`'s series `seriesId` (claims to the
 * token), merges them back when `mergeBack`, and burns the loan, all in one call; the market holds
 * the flash-minted collateral only within it (see tokens/flash-mint.ts).
 */
export interface FlashMintAction {
  kind: 'flashMint';
  caller: Address;
  token: Address;
  market: Address;
  seriesId: Bytes32;
  amount: bigint;
  mergeBack: boolean;
}
/**
 * A plain value transfer (no calldata) of `amount` wei of the native currency from `caller` to
 * `to`: the native currency's ERC-20 (NativeCurrencyToken) sees balances change with no Transfer.
 * A contract of the world refuses it (none takes ether); more than the caller holds is refused by the
 * EVM itself (see tokens/native-currency.ts).
 */
export interface SendNativeAction {
  kind: 'sendNative';
  caller: Address;
  to: Address;
  amount: bigint;
}
/** Move block time forward. */
export interface WarpAction {
  kind: 'warp';
  seconds: bigint;
}
