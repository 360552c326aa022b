// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {Action} from "./Types.sol";

/// @title MarketActions
/// @notice Handlers for the SplitMarket: createSeries, split, merge, settle, redeem, and direct
///         donations of collateral to the market.
abstract contract MarketActions is HandlerBase {
    bytes32 internal constant INDEX_ETH = keccak256("ETH-USD");
    bytes32 internal constant INDEX_CPI = keccak256("US-CPI");
    /// @dev Expiries fall on this grid after deployment, so series share oracle questions.
    uint256 internal constant EXPIRY_STEP = 2 hours;
    uint256 internal constant EXPIRY_SLOTS = 8;

    /// @notice createSeries with a collateral, index, strike and expiry from small sets (so series
    ///         share questions), and now and then a bad parameter to reach every revert.
    function createSeries(uint256 collateralSeed, uint256 indexSeed, uint256 strikeSeed, uint256 expirySeed)
        external
        tracked(Action.CreateSeries)
    {
        address collateral =
            collateralSeed % 32 == 31 ? address(0xC0FFEE) : _collaterals[collateralSeed % _collaterals.length];
        address oracleAddress = indexSeed % 32 == 31 ? address(0xBEEF) : address(oracle);
        bytes32 indexId = indexSeed % 2 == 0 ? INDEX_ETH : INDEX_CPI;
        uint256 strike = _strike(strikeSeed);
        uint256 expiry = _expiry(expirySeed);
        if (_seriesIds.length >= MAX_SERIES) {
            // Full: re-create an existing series instead, which must revert with SeriesExists.
            ISplitMarket.SeriesInfo memory existing = market.series(_seriesIds[expirySeed % _seriesIds.length]);
            (collateral, oracleAddress, indexId) = (existing.collateral, existing.oracle, existing.indexId);
            (strike, expiry) = (existing.strike, existing.expiry);
        }
        vm.prank(_actor(strikeSeed >> 128));
        bytes32 seriesId = market.createSeries(collateral, oracleAddress, indexId, strike, expiry);
        _registerSeries(seriesId, indexId, expiry);
    }

    /// @notice split by an actor, for itself or another actor.
    function split(uint256 actorSeed, uint256 seriesSeed, uint256 amountSeed, uint256 toSeed)
        external
        tracked(Action.Split)
    {
        if (_seriesIds.length == 0) return;
        bytes32 seriesId = _seriesIds[seriesSeed % _seriesIds.length];
        address collateral = market.series(seriesId).collateral;
        address actor = _actor(actorSeed);
        uint256 amount = _amount(amountSeed, _balance(collateral, actor));
        _permit(actor, collateral, amount);
        uint256 before = _balance(collateral, address(market));
        vm.prank(actor);
        market.split(seriesId, amount, _recipient(toSeed));
        _bookFlow(seriesId, collateral, before);
    }

    /// @notice merge by an actor of up to the pairs it holds.
    function merge(uint256 actorSeed, uint256 seriesSeed, uint256 amountSeed, uint256 toSeed)
        external
        tracked(Action.Merge)
    {
        if (_seriesIds.length == 0) return;
        bytes32 seriesId = _seriesIds[seriesSeed % _seriesIds.length];
        ISplitMarket.SeriesInfo memory info = market.series(seriesId);
        address actor = _actor(actorSeed);
        uint256 pairs = _min(_balance(info.pToken, actor), _balance(info.nToken, actor));
        uint256 amount = _amount(amountSeed, pairs);
        _permit(actor, info.pToken, amount);
        _permit(actor, info.nToken, amount);
        uint256 before = _balance(info.collateral, address(market));
        vm.prank(actor);
        market.merge(seriesId, amount, _recipient(toSeed));
        _bookFlow(seriesId, info.collateral, before);
    }

    /// @notice settle by anyone; three times in four it picks a series that can settle, if any.
    function settle(uint256 actorSeed, uint256 seriesSeed) external tracked(Action.Settle) {
        if (_seriesIds.length == 0) return;
        bytes32 seriesId = _pickSeries(seriesSeed, seriesSeed % 4 != 0 ? _settleable : _any);
        vm.prank(_actor(actorSeed));
        market.settle(seriesId);
    }

    /// @notice redeem by an actor of some of its P and N; three times in four on a settled series, and
    ///         three times in four by an actor holding some.
    function redeem(uint256 actorSeed, uint256 seriesSeed, uint256 pSeed, uint256 nSeed, uint256 toSeed)
        external
        tracked(Action.Redeem)
    {
        if (_seriesIds.length == 0) return;
        bytes32 seriesId = _pickSeries(seriesSeed, seriesSeed % 4 != 0 ? _settled : _any);
        _redeem(seriesId, _pickHolder(actorSeed, seriesId), pSeed, nSeed, _recipient(toSeed));
    }

    /// @dev Split out of redeem for the stack: the tracked modifier holds locals of its own.
    function _redeem(bytes32 seriesId, address actor, uint256 pSeed, uint256 nSeed, address to) internal {
        ISplitMarket.SeriesInfo memory info = market.series(seriesId);
        uint256 pAmount = _amount(pSeed, _balance(info.pToken, actor));
        uint256 nAmount = _amount(nSeed, _balance(info.nToken, actor));
        _permit(actor, info.pToken, pAmount);
        _permit(actor, info.nToken, nAmount);
        uint256 before = _balance(info.collateral, address(market));
        vm.prank(actor);
        market.redeem(seriesId, pAmount, nAmount, to);
        _bookFlow(seriesId, info.collateral, before);
    }

    /// @notice A plain transfer of collateral to the market, outside any series.
    function donate(uint256 actorSeed, uint256 collateralSeed, uint256 amountSeed) external tracked(Action.Donate) {
        address collateral = _collaterals[collateralSeed % _collaterals.length];
        address actor = _actor(actorSeed);
        _watch(collateral);
        uint256 amount = _amount(amountSeed, _balance(collateral, actor) / 1000);
        _permit(actor, collateral, amount);
        uint256 before = _balance(collateral, address(market));
        _tokenCall(actor, collateral, abi.encodeCall(IERC20.transfer, (address(market), amount)));
        // A fee-on-transfer token delivers less than `amount`: book what arrived.
        donated[collateral] += _balance(collateral, address(market)) - before;
    }

    // ---------------------------------------------------------------- picking

    function _strike(uint256 seed) internal pure returns (uint256) {
        uint256 mode = seed % 16;
        if (mode == 0) return 0; // ZeroStrike
        if (mode == 1) return 1;
        if (mode == 2) return type(uint256).max;
        if (mode <= 6) return 2500e18;
        if (mode <= 9) return 1e18;
        return _bound(seed >> 8, 1, 10_000e18);
    }

    /// @dev An expiry on the grid after deployment, the first free slot after now if the drawn one
    ///      has passed; one time in 16 exactly now (ExpiryNotInFuture).
    function _expiry(uint256 seed) internal view returns (uint256 expiry) {
        if (seed % 16 == 0) return block.timestamp;
        expiry = start + EXPIRY_STEP * (1 + (seed >> 4) % EXPIRY_SLOTS);
        if (expiry <= block.timestamp) {
            expiry = start + EXPIRY_STEP * ((block.timestamp - start) / EXPIRY_STEP + 1);
        }
    }

    function _any(bytes32) internal view returns (bool) {
        return true;
    }

    function _settled(bytes32 seriesId) internal view returns (bool) {
        return market.series(seriesId).settled;
    }

    function _settleable(bytes32 seriesId) internal view returns (bool) {
        ISplitMarket.SeriesInfo memory info = market.series(seriesId);
        if (info.settled || block.timestamp < info.expiry) return false;
        (bool isFinal,) = oracle.finalValue(info.indexId, info.expiry);
        return isFinal;
    }

    /// @dev The first series from a random start that satisfies `wanted`, or the random one if none does.
    function _pickSeries(uint256 seed, function(bytes32) internal view returns (bool) wanted)
        internal
        view
        returns (bytes32)
    {
        uint256 n = _seriesIds.length;
        uint256 first = (seed >> 8) % n;
        for (uint256 i; i < n; ++i) {
            bytes32 seriesId = _seriesIds[(first + i) % n];
            if (wanted(seriesId)) return seriesId;
        }
        return _seriesIds[first];
    }

    /// @dev The first actor from a random start holding P or N of the series, or the random one.
    function _pickHolder(uint256 seed, bytes32 seriesId) internal view returns (address) {
        uint256 n = _actors.length;
        uint256 first = (seed >> 8) % n;
        if (seed % 4 != 0) {
            ISplitMarket.SeriesInfo memory info = market.series(seriesId);
            for (uint256 i; i < n; ++i) {
                address actor = _actors[(first + i) % n];
                if (_balance(info.pToken, actor) != 0 || _balance(info.nToken, actor) != 0) return actor;
            }
        }
        return _actors[first];
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
