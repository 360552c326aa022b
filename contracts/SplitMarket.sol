// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ISplitMarket} from "./interfaces/ISplitMarket.sol";
import {IPriceOracle} from "./interfaces/IPriceOracle.sol";
import {ClaimToken} from "./ClaimToken.sol";
import {PayoutMath} from "./libraries/PayoutMath.sol";
import {ClaimTokenNaming} from "./libraries/ClaimTokenNaming.sol";

/// @title SplitMarket
/// @notice Series registry and collateral vault: split collateral into P and N claims, merge them
///         back at any time, settle once from the oracle's finalized value, redeem after settlement.
/// @dev Collateral must be a plain ERC-20 (a missing bool return is fine). Fee-on-transfer tokens are
///      rejected at split, which checks what the market actually received. Rebasing tokens are NOT
///      supported: a balance that shrinks after the deposit cannot be detected and would leave
///      `locked` above what the market holds. Per series, `locked` is the collateral owed to its
///      holders: split +amount, merge -amount, redeem -payout; rounding dust stays in `locked`.
///      The market deploys nothing but claim tokens, each with plain CREATE, P first then N, so the
///      k-th series (0-based) has P at nonce 1 + 2k and N at nonce 2 + 2k. Every external state
///      change is guarded against reentrancy; the market's own event is the last log of each call.
contract SplitMarket is ISplitMarket, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Claim decimals when the collateral's decimals() fails or returns junk.
    uint8 private constant DEFAULT_DECIMALS = 18;

    mapping(bytes32 seriesId => SeriesInfo) private _series;

    /// @inheritdoc ISplitMarket
    /// @dev Claim tokens take the collateral's decimals() (18 if that call fails or returns a value
    ///      above 255) and a name and symbol from ClaimTokenNaming, e.g. "P-WETH-2500-1767225600".
    function createSeries(address collateral, address oracle, bytes32 indexId, uint256 strike, uint256 expiry)
        external
        nonReentrant
        returns (bytes32 seriesId)
    {
        if (collateral.code.length == 0) revert CollateralHasNoCode(collateral);
        if (oracle.code.length == 0) revert OracleHasNoCode(oracle);
        if (strike == 0) revert ZeroStrike();
        if (expiry <= block.timestamp) revert ExpiryNotInFuture(expiry, block.timestamp);
        seriesId = seriesIdOf(collateral, oracle, indexId, strike, expiry);
        if (_exists(seriesId)) revert SeriesExists(seriesId);

        (bool hasDecimals, uint8 decimals) = SafeERC20.tryGetDecimals(IERC20(collateral));
        if (!hasDecimals) decimals = DEFAULT_DECIMALS;
        string memory collateralSymbol = ClaimTokenNaming.readCollateralSymbol(collateral);
        address pToken = _deployClaim("P", collateralSymbol, strike, expiry, decimals);
        address nToken = _deployClaim("N", collateralSymbol, strike, expiry, decimals);

        _series[seriesId] = SeriesInfo({
            collateral: collateral,
            oracle: oracle,
            indexId: indexId,
            strike: strike,
            expiry: expiry,
            pToken: pToken,
            nToken: nToken,
            locked: 0,
            settled: false,
            settlementPrice: 0
        });
        emit SeriesCreated(seriesId, collateral, oracle, indexId, strike, expiry, pToken, nToken);
    }

    /// @inheritdoc ISplitMarket
    function split(bytes32 seriesId, uint256 amount, address to) external nonReentrant {
        SeriesInfo storage s = _existing(seriesId);
        if (s.settled) revert AlreadySettled(seriesId);
        if (amount == 0) revert ZeroAmount();
        if (to == address(0)) revert InvalidRecipient(to);

        IERC20 collateral = IERC20(s.collateral);
        uint256 balanceBefore = collateral.balanceOf(address(this));
        collateral.safeTransferFrom(msg.sender, address(this), amount);
        uint256 balanceAfter = collateral.balanceOf(address(this));
        // Saturating: a token that shrinks our balance on a deposit counts as having delivered nothing.
        uint256 received = balanceAfter > balanceBefore ? balanceAfter - balanceBefore : 0;
        if (received < amount) revert CollateralShortfall(address(collateral), amount, received);

        s.locked += amount;
        ClaimToken(s.pToken).mint(to, amount);
        ClaimToken(s.nToken).mint(to, amount);
        emit Split(seriesId, msg.sender, to, amount);
    }

    /// @inheritdoc ISplitMarket
    function merge(bytes32 seriesId, uint256 amount, address to) external nonReentrant {
        SeriesInfo storage s = _existing(seriesId);
        if (amount == 0) revert ZeroAmount();
        if (to == address(0)) revert InvalidRecipient(to);

        ClaimToken(s.pToken).burn(msg.sender, amount);
        ClaimToken(s.nToken).burn(msg.sender, amount);
        // Cannot underflow: locked >= r * supply(P) + (1 - r) * supply(N) for the payout rate r
        // (r = 1 before settlement), and merge burns `amount` of each side.
        s.locked -= amount;
        IERC20(s.collateral).safeTransfer(to, amount);
        emit Merged(seriesId, msg.sender, to, amount);
    }

    /// @inheritdoc ISplitMarket
    function settle(bytes32 seriesId) external nonReentrant returns (uint256 price) {
        SeriesInfo storage s = _existing(seriesId);
        if (s.settled) revert AlreadySettled(seriesId);
        if (block.timestamp < s.expiry) revert NotExpired(seriesId, s.expiry, block.timestamp);
        bool isFinal;
        (isFinal, price) = IPriceOracle(s.oracle).finalValue(s.indexId, s.expiry);
        if (!isFinal) revert NotFinalized(seriesId, s.indexId, s.expiry);

        s.settled = true;
        s.settlementPrice = price;
        emit Settled(seriesId, price);
    }

    /// @inheritdoc ISplitMarket
    /// @dev Both burns always run, a zero amount included (OpenZeppelin then logs a zero Transfer).
    function redeem(bytes32 seriesId, uint256 pAmount, uint256 nAmount, address to)
        external
        nonReentrant
        returns (uint256 payout)
    {
        SeriesInfo storage s = _existing(seriesId);
        if (!s.settled) revert NotSettled(seriesId);
        if (pAmount == 0 && nAmount == 0) revert ZeroAmount();
        if (to == address(0)) revert InvalidRecipient(to);

        ClaimToken(s.pToken).burn(msg.sender, pAmount);
        ClaimToken(s.nToken).burn(msg.sender, nAmount);
        // payoutP(p) <= r * p and payoutN(n) <= (1 - r) * n for the rate r = min(1, S/x), so the sum is
        // at most max(pAmount, nAmount): no overflow. Nor can `locked` underflow (see merge).
        payout = PayoutMath.payoutP(pAmount, s.strike, s.settlementPrice)
            + PayoutMath.payoutN(nAmount, s.strike, s.settlementPrice);
        s.locked -= payout;
        if (payout != 0) IERC20(s.collateral).safeTransfer(to, payout);
        emit Redeemed(seriesId, msg.sender, to, pAmount, nAmount, payout);
    }

    /// @inheritdoc ISplitMarket
    function series(bytes32 seriesId) external view returns (SeriesInfo memory) {
        return _series[seriesId];
    }

    /// @inheritdoc ISplitMarket
    function seriesIdOf(address collateral, address oracle, bytes32 indexId, uint256 strike, uint256 expiry)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(collateral, oracle, indexId, strike, expiry));
    }

    /// @inheritdoc ISplitMarket
    function payoutOf(uint256 strike, uint256 price, uint256 pAmount, uint256 nAmount)
        external
        pure
        returns (uint256 pPayout, uint256 nPayout)
    {
        pPayout = PayoutMath.payoutP(pAmount, strike, price);
        nPayout = PayoutMath.payoutN(nAmount, strike, price);
    }

    function _deployClaim(
        string memory side,
        string memory collateralSymbol,
        uint256 strike,
        uint256 expiry,
        uint8 decimals
    ) private returns (address) {
        (string memory name, string memory symbol) =
            ClaimTokenNaming.nameAndSymbol(side, collateralSymbol, strike, expiry);
        return address(new ClaimToken(name, symbol, decimals));
    }

    /// @dev A created series always has a P token; an unknown id reads as all zeros.
    function _exists(bytes32 seriesId) private view returns (bool) {
        return _series[seriesId].pToken != address(0);
    }

    function _existing(bytes32 seriesId) private view returns (SeriesInfo storage s) {
        s = _series[seriesId];
        if (s.pToken == address(0)) revert UnknownSeries(seriesId);
    }
}
