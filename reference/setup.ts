import type { Address } from './primitives.ts';

/**
 * How a collateral (or bond) token behaves; each maps to a contract under contracts/test-mocks/.
 * - `plain`: OpenZeppelin ERC20 (MockERC20).
 * - `noReturn`: transfer/transferFrom return no bool (NoReturnToken); accepted by the market.
 * - `feeOnTransfer`: every non-zero transfer burns ceil(amount / 100) from the amount received
 *   (FeeOnTransferToken); split rejects it with CollateralShortfall.
 * - `callback`: plain, but while armed any transfer made by the market re-enters the market
 *   (CallbackToken); the reentrancy guard reverts with ReentrancyGuardReentrantCall().
 * - `returnsFalse`: a short balance or allowance makes transfer/transferFrom return false, changing
 *   nothing, instead of reverting (ReturnsFalseToken); the market's SafeERC20 reverts
 *   SafeERC20FailedOperation(token).
 * - `zeroRevert`: a transfer/transferFrom of zero reverts ZeroValueTransfer() (ZeroRevertToken).
 * - `approvalRace`: approving non-zero over a non-zero allowance reverts ApprovalFromNonZero(current)
 *   (ApprovalRaceToken).
 * - `pausable`: while paused (action `pauseToken`) every balance change reverts TokenPaused()
 *   (PausableToken).
 * - `blockList`: a balance change from or to a blocked account (action `blockAccount`) reverts
 *   AccountBlocked(account), the sender checked first (BlockListToken).
 * - `rawSymbol`: `symbol()` returns `symbolData` verbatim, well-formed ABI or not (RawSymbolToken).
 * - `rebasing`: balances are shares divided by an index that the action `rebase` moves for every
 *   holder at once, with no Transfer (RebasingToken; see tokens/rebasing.ts).
 * - `upgradable`: a proxy whose rules the action `upgradeToken` switches between `plain`,
 *   `feeOnTransfer` and `returnsFalse`, balances kept (UpgradableToken; see tokens/upgradable.ts).
 * - `uint96`: amounts are uint96 (UNI, COMP): a transfer, transferFrom or approve above 2^96 − 1
 *   reverts AmountExceedsUint96(value), except approve(2^256 − 1), which stores 2^96 − 1, an
 *   allowance transferFrom never lowers (Uint96Token).
 * - `zeroApprovalRevert`: an approve of zero reverts ZeroValueApproval() (BNB;
 *   ZeroApprovalRevertToken).
 * - `selfTransferFrom`: transferFrom with `from == msg.sender` needs and spends no allowance
 *   (DSToken; SelfTransferFromToken).
 * - `multiEntry`: plain, but its one ledger has a second address, an `entryPoint` token (TUSD;
 *   MultiEntryToken); every Transfer and Approval is logged by this address, whichever was called.
 * - `entryPoint`: the second address of the `multiEntry` token `ledger`: transfer, transferFrom,
 *   approve and every view act on that ledger, with this address's caller as msg.sender
 *   (TokenEntryPoint, deployed by its ledger; see tokens/ledger.ts). It logs nothing itself.
 * - `permitFallback`: plain, plus a fallback that accepts any other call, `permit` with any
 *   signature included, and does nothing (WETH; PermitFallbackToken). No action calls it.
 * - `flashMint`: its own ERC-3156 flash lender, free of fee (DAI; FlashMintToken): the action
 *   `flashMint` mints to the token itself, splits into a series and may merge back, then burns the
 *   loan (see tokens/flash-mint.ts).
 * - `nativeCurrency`: an ERC-20 view of the native currency (POL at 0x…1010; NativeCurrencyToken):
 *   balances are native balances, a payable transfer moves the value sent with it, approve and
 *   transferFrom revert FeatureDisabled() (see tokens/native-currency.ts).
 * docs/collateral.md gives the market's decision for each.
 */
export type TokenKind =
  | 'plain'
  | 'noReturn'
  | 'feeOnTransfer'
  | 'callback'
  | 'returnsFalse'
  | 'zeroRevert'
  | 'approvalRace'
  | 'pausable'
  | 'blockList'
  | 'rawSymbol'
  | 'rebasing'
  | 'upgradable'
  | 'uint96'
  | 'zeroApprovalRevert'
  | 'selfTransferFrom'
  | 'multiEntry'
  | 'entryPoint'
  | 'permitFallback'
  | 'flashMint'
  | 'nativeCurrency';

/** One ERC-20 the world starts with. */
export interface TokenSetup {
  address: Address;
  kind: TokenKind;
  decimals: number;
  /** ERC-20 `name()`. */
  name: string;
  /**
   * ERC-20 `symbol()`; claim tokens of a series on this collateral embed it in their names. For a
   * `rawSymbol` token, what a standard ABI decoder makes of `symbolData` (see tokens/raw-symbol.ts).
   */
  symbol: string;
  /** `rawSymbol` tokens only: the exact return data of `symbol()`, `0x` hex, lowercase. */
  symbolData?: `0x${string}`;
  /**
   * `entryPoint` tokens only: the address of the `multiEntry` token whose ledger this address moves
   * (an earlier token of the list; name, symbol and decimals are that token's).
   */
  ledger?: Address;
}

/** The SlowOracle's constructor arguments. */
export interface OracleSetup {
  address: Address;
  bondToken: Address;
  minBond: bigint;
  liveness: bigint;
  arbitrationTimeout: bigint;
  arbitrator: Address;
}

/**
 * The deployed world an action sequence starts from: the same data builds the model and is
 * written at the head of every trace, so a trace replays on any machine.
 */
export interface WorldSetup {
  /** Block timestamp before the first action. */
  timestamp: bigint;
  market: Address;
  oracle: OracleSetup;
  /** Collaterals and the bond token. */
  tokens: TokenSetup[];
  /** Accounts whose balances are observed (the actors and the arbitrator). */
  actors: Address[];
  /** Starting balances: token → account → amount (minted before the first action). */
  balances: Record<Address, Record<Address, bigint>>;
}
