// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {IPriceOracle} from "contracts/interfaces/IPriceOracle.sol";
import {ClaimToken} from "contracts/ClaimToken.sol";
import {PayoutMath} from "contracts/libraries/PayoutMath.sol";

/// @notice The one mistake a BrokenSplitMarket makes.
enum Bug {
    RedeemPaysExtraWei, // redeem sends payout + 1 but books payout: value from nowhere (M8, M2)
    MergeKeepsLocked, // merge forgets `locked -= amount` (M1, M2)
    SettleWithoutFinality, // settle ignores the oracle's isFinal flag (M7)
    MergeBurnsRecipient, // merge burns the recipient's claims, not the caller's (M5)
    SplitTrustsAmount // split books `amount` without checking what arrived (M2)
}

/// @title BrokenSplitMarket
/// @notice TEST ONLY, deliberately wrong: SplitMarket's logic (contracts/SplitMarket.sol, minus
///         claim-token naming) with one `Bug` switched in, to show the invariant properties catch it.
///         Never shipped: it lives under test/ and nothing in contracts/ imports it.
contract BrokenSplitMarket is ISplitMarket, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    Bug public immutable bug;
    mapping(bytes32 seriesId => SeriesInfo) private _series;

    constructor(Bug bug_) {
        bug = bug_;
    }

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
        if (_series[seriesId].pToken != address(0)) revert SeriesExists(seriesId);
        address pToken = address(new ClaimToken("P", "P", 18));
        address nToken = address(new ClaimToken("N", "N", 18));
        _series[seriesId] = SeriesInfo(collateral, oracle, indexId, strike, expiry, pToken, nToken, 0, false, 0);
        emit SeriesCreated(seriesId, collateral, oracle, indexId, strike, expiry, pToken, nToken);
    }

    function split(bytes32 seriesId, uint256 amount, address to) external nonReentrant {
        SeriesInfo storage s = _existing(seriesId);
        if (s.settled) revert AlreadySettled(seriesId);
        if (amount == 0) revert ZeroAmount();
        if (to == address(0)) revert InvalidRecipient(to);
        IERC20 collateral = IERC20(s.collateral);
        uint256 before = collateral.balanceOf(address(this));
        collateral.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = collateral.balanceOf(address(this)) - before;
        if (bug != Bug.SplitTrustsAmount && received < amount) {
            revert CollateralShortfall(address(collateral), amount, received);
        }
        s.locked += amount;
        ClaimToken(s.pToken).mint(to, amount);
        ClaimToken(s.nToken).mint(to, amount);
        emit Split(seriesId, msg.sender, to, amount);
    }

    function merge(bytes32 seriesId, uint256 amount, address to) external nonReentrant {
        SeriesInfo storage s = _existing(seriesId);
        if (amount == 0) revert ZeroAmount();
        if (to == address(0)) revert InvalidRecipient(to);
        address holder = bug == Bug.MergeBurnsRecipient ? to : msg.sender;
        ClaimToken(s.pToken).burn(holder, amount);
        ClaimToken(s.nToken).burn(holder, amount);
        if (bug != Bug.MergeKeepsLocked) s.locked -= amount;
        IERC20(s.collateral).safeTransfer(to, amount);
        emit Merged(seriesId, msg.sender, to, amount);
    }

    function settle(bytes32 seriesId) external nonReentrant returns (uint256 price) {
        SeriesInfo storage s = _existing(seriesId);
        if (s.settled) revert AlreadySettled(seriesId);
        if (block.timestamp < s.expiry) revert NotExpired(seriesId, s.expiry, block.timestamp);
        bool isFinal;
        (isFinal, price) = IPriceOracle(s.oracle).finalValue(s.indexId, s.expiry);
        if (bug != Bug.SettleWithoutFinality && !isFinal) revert NotFinalized(seriesId, s.indexId, s.expiry);
        s.settled = true;
        s.settlementPrice = price;
        emit Settled(seriesId, price);
    }

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
        payout = PayoutMath.payoutP(pAmount, s.strike, s.settlementPrice)
            + PayoutMath.payoutN(nAmount, s.strike, s.settlementPrice);
        s.locked -= payout;
        uint256 sent = bug == Bug.RedeemPaysExtraWei ? payout + 1 : payout;
        if (sent != 0) IERC20(s.collateral).safeTransfer(to, sent);
        emit Redeemed(seriesId, msg.sender, to, pAmount, nAmount, payout);
    }

    function series(bytes32 seriesId) external view returns (SeriesInfo memory) {
        return _series[seriesId];
    }

    function seriesIdOf(address collateral, address oracle, bytes32 indexId, uint256 strike, uint256 expiry)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(collateral, oracle, indexId, strike, expiry));
    }

    function payoutOf(uint256 strike, uint256 price, uint256 pAmount, uint256 nAmount)
        external
        pure
        returns (uint256 pPayout, uint256 nPayout)
    {
        pPayout = PayoutMath.payoutP(pAmount, strike, price);
        nPayout = PayoutMath.payoutN(nAmount, strike, price);
    }

    function _existing(bytes32 seriesId) private view returns (SeriesInfo storage s) {
        s = _series[seriesId];
        if (s.pToken == address(0)) revert UnknownSeries(seriesId);
    }
}
