// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {Action} from "./Types.sol";

/// @title TokenActions
/// @notice Handlers for plain ERC-20 moves between actors, of claim tokens and of collateral:
///         transfer, approve and transferFrom. Only actors send and receive, so the market's
///         collateral balance moves only through the market's own functions and `donate`.
abstract contract TokenActions is HandlerBase {
    /// @notice An actor transfers P or N to another actor.
    function transferClaim(uint256 actorSeed, uint256 seriesSeed, uint256 toSeed, uint256 amountSeed)
        external
        tracked(Action.TransferClaim)
    {
        if (_seriesIds.length == 0) return;
        _transfer(_claim(seriesSeed), _actor(actorSeed), _recipient(toSeed), amountSeed);
    }

    /// @notice An actor sets another actor's allowance on its P or N.
    function approveClaim(uint256 actorSeed, uint256 seriesSeed, uint256 spenderSeed, uint256 amountSeed)
        external
        tracked(Action.ApproveClaim)
    {
        if (_seriesIds.length == 0) return;
        _approve(_claim(seriesSeed), _actor(actorSeed), _actor(spenderSeed), amountSeed);
    }

    /// @notice An actor moves another actor's P or N through the allowance it was granted.
    function transferFromClaim(
        uint256 spenderSeed,
        uint256 fromSeed,
        uint256 seriesSeed,
        uint256 toSeed,
        uint256 amountSeed
    ) external tracked(Action.TransferFromClaim) {
        if (_seriesIds.length == 0) return;
        _transferFrom(_claim(seriesSeed), _actor(spenderSeed), _actor(fromSeed), _recipient(toSeed), amountSeed);
    }

    /// @notice An actor transfers collateral to another actor.
    function transferCollateral(uint256 actorSeed, uint256 collateralSeed, uint256 toSeed, uint256 amountSeed)
        external
        tracked(Action.TransferCollateral)
    {
        _transfer(_collaterals[collateralSeed % _collaterals.length], _actor(actorSeed), _recipient(toSeed), amountSeed);
    }

    /// @notice An actor sets another actor's (or, one time in 8, the market's) collateral allowance.
    function approveCollateral(uint256 actorSeed, uint256 collateralSeed, uint256 spenderSeed, uint256 amountSeed)
        external
        tracked(Action.ApproveCollateral)
    {
        address spender = spenderSeed % 8 == 7 ? address(market) : _actor(spenderSeed >> 3);
        _approve(_collaterals[collateralSeed % _collaterals.length], _actor(actorSeed), spender, amountSeed);
    }

    /// @notice An actor moves another actor's collateral through the allowance it was granted.
    function transferFromCollateral(
        uint256 spenderSeed,
        uint256 fromSeed,
        uint256 collateralSeed,
        uint256 toSeed,
        uint256 amountSeed
    ) external tracked(Action.TransferFromCollateral) {
        address collateral = _collaterals[collateralSeed % _collaterals.length];
        _transferFrom(collateral, _actor(spenderSeed), _actor(fromSeed), _recipient(toSeed), amountSeed);
    }

    // ---------------------------------------------------------------- shared

    /// @dev The P (even seed) or N (odd seed) token of a random series.
    function _claim(uint256 seed) internal view returns (address) {
        ISplitMarket.SeriesInfo memory info = market.series(_seriesIds[(seed >> 1) % _seriesIds.length]);
        return seed % 2 == 0 ? info.pToken : info.nToken;
    }

    function _transfer(address token, address from, address to, uint256 amountSeed) internal {
        _watch(token);
        uint256 amount = _amount(amountSeed, _balance(token, from));
        _permit(from, token, amount);
        _tokenCall(from, token, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    /// @dev Allowances: zero, unlimited (never decreased by transferFrom), or a bounded amount.
    function _approve(address token, address owner, address spender, uint256 amountSeed) internal {
        uint256 mode = amountSeed % 8;
        uint256 amount = mode == 0 ? 0 : mode == 1 ? type(uint256).max : _bound(amountSeed >> 3, 1, 1e24);
        _tokenCall(owner, token, abi.encodeCall(IERC20.approve, (spender, amount)));
    }

    /// @dev The owner's balance may fall by `amount` only if the allowance it granted covers it
    ///      (or it is spending its own, which OpenZeppelin still charges to its self-allowance).
    function _transferFrom(address token, address spender, address from, address to, uint256 amountSeed) internal {
        _watch(token);
        uint256 allowance = IERC20(token).allowance(from, spender);
        uint256 amount = _amount(amountSeed, _min2(allowance, _balance(token, from)));
        if (amount <= allowance || spender == from) _permit(from, token, amount);
        _tokenCall(spender, token, abi.encodeCall(IERC20.transferFrom, (from, to, amount)));
    }

    function _min2(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
