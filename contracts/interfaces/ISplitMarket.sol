// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title ISplitMarket
/// @notice Splits collateral into P and N claims on an index, settled once from a slow oracle.
/// @dev Every external state change checks its conditions in the order listed in its NatSpec, so
///      that the TypeScript reference model (reference/) can predict the exact revert. Changing the
///      order is a behaviour change: the differential harness will (rightly) report it.
interface ISplitMarket {
    /// @notice A series' parameters and state.
    struct SeriesInfo {
        address collateral;
        address oracle;
        bytes32 indexId;
        uint256 strike;
        uint256 expiry;
        address pToken;
        address nToken;
        uint256 locked;
        bool settled;
        uint256 settlementPrice;
    }

    /// @notice Thrown when the collateral passed to createSeries has no code.
    error CollateralHasNoCode(address collateral);
    /// @notice Thrown when the oracle passed to createSeries has no code.
    error OracleHasNoCode(address oracle);
    /// @notice Thrown when createSeries is given a zero strike.
    error ZeroStrike();
    /// @notice Thrown when createSeries is given an expiry that is not in the future.
    error ExpiryNotInFuture(uint256 expiry, uint256 timestamp);
    /// @notice Thrown when a series with the same parameters already exists.
    error SeriesExists(bytes32 seriesId);
    /// @notice Thrown when an action names a series that was never created.
    error UnknownSeries(bytes32 seriesId);
    /// @notice Thrown by split and settle on a series that is already settled.
    error AlreadySettled(bytes32 seriesId);
    /// @notice Thrown by redeem on a series that is not settled yet.
    error NotSettled(bytes32 seriesId);
    /// @notice Thrown by split, merge and redeem when the amount (both amounts, for redeem) is zero.
    error ZeroAmount();
    /// @notice Thrown by split, merge and redeem when the recipient is the zero address.
    error InvalidRecipient(address to);
    /// @notice Thrown by split when the market received less collateral than the amount (fee-on-transfer).
    error CollateralShortfall(address collateral, uint256 expected, uint256 received);
    /// @notice Thrown by settle before the series' expiry.
    error NotExpired(bytes32 seriesId, uint256 expiry, uint256 timestamp);
    /// @notice Thrown by settle while the oracle has no final value for (indexId, expiry).
    error NotFinalized(bytes32 seriesId, bytes32 indexId, uint256 expiry);

    /// @notice A series was created, with its two claim tokens.
    event SeriesCreated(
        bytes32 indexed seriesId,
        address indexed collateral,
        address indexed oracle,
        bytes32 indexId,
        uint256 strike,
        uint256 expiry,
        address pToken,
        address nToken
    );
    /// @notice `account` deposited `amount` collateral; `to` received `amount` P and `amount` N.
    event Split(bytes32 indexed seriesId, address indexed account, address indexed to, uint256 amount);
    /// @notice `account` returned `amount` P and `amount` N; `to` received `amount` collateral.
    event Merged(bytes32 indexed seriesId, address indexed account, address indexed to, uint256 amount);
    /// @notice The series was settled at `price`, the oracle's final value for (indexId, expiry).
    event Settled(bytes32 indexed seriesId, uint256 price);
    /// @notice `account` burned `pAmount` P and `nAmount` N; `to` received `payout` collateral.
    event Redeemed(
        bytes32 indexed seriesId,
        address indexed account,
        address indexed to,
        uint256 pAmount,
        uint256 nAmount,
        uint256 payout
    );

    /// @notice Creates a series and deploys its P and N claim tokens.
    /// @dev Checks, in order: collateral has code, oracle has code, strike != 0,
    ///      expiry > block.timestamp, series does not exist. Reentrancy-guarded.
    /// @return seriesId keccak256(abi.encode(collateral, oracle, indexId, strike, expiry)).
    function createSeries(address collateral, address oracle, bytes32 indexId, uint256 strike, uint256 expiry)
        external
        returns (bytes32 seriesId);

    /// @notice Deposits `amount` collateral from the caller and mints `amount` P and `amount` N to `to`.
    /// @dev Checks, in order: reentrancy guard, series exists, not settled, amount != 0, to != 0; then
    ///      pulls the collateral (a token error bubbles up unchanged) and requires the market's balance
    ///      to have grown by at least `amount` (CollateralShortfall otherwise). Allowed after expiry
    ///      until settlement.
    function split(bytes32 seriesId, uint256 amount, address to) external;

    /// @notice Burns `amount` P and `amount` N from the caller and sends `amount` collateral to `to`.
    /// @dev Always possible, before or after expiry and settlement. Checks, in order: reentrancy guard,
    ///      series exists, amount != 0, to != 0; then burns P, then N (ERC20InsufficientBalance from the
    ///      claim token bubbles up), then transfers the collateral.
    function merge(bytes32 seriesId, uint256 amount, address to) external;

    /// @notice Fixes the series' price to the oracle's final value for (indexId, expiry). Anyone may call.
    /// @dev Checks, in order: reentrancy guard, series exists, not settled, block.timestamp >= expiry,
    ///      the oracle reports the question final.
    function settle(bytes32 seriesId) external returns (uint256 price);

    /// @notice Burns `pAmount` P and `nAmount` N from the caller and sends their payout to `to`.
    /// @dev payout = payoutP(pAmount) + payoutN(nAmount), each rounded down on its own. Checks, in
    ///      order: reentrancy guard, series exists, settled, pAmount + nAmount != 0 (either may be 0),
    ///      to != 0; then burns P, then N, then transfers the payout (skipped when it is 0).
    function redeem(bytes32 seriesId, uint256 pAmount, uint256 nAmount, address to) external returns (uint256 payout);

    /// @notice A series' parameters and state (all zero for an unknown id).
    function series(bytes32 seriesId) external view returns (SeriesInfo memory);

    /// @notice The id a series with these parameters has (or would have).
    function seriesIdOf(address collateral, address oracle, bytes32 indexId, uint256 strike, uint256 expiry)
        external
        pure
        returns (bytes32);

    /// @notice What `pAmount` P and `nAmount` N pay at price `price` for strike `strike`.
    function payoutOf(uint256 strike, uint256 price, uint256 pAmount, uint256 nAmount)
        external
        pure
        returns (uint256 pPayout, uint256 nPayout);
}
