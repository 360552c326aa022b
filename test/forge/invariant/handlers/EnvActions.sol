// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {ISlowOracle} from "contracts/interfaces/ISlowOracle.sol";
import {CallbackToken} from "contracts/test-mocks/CallbackToken.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {Action, Question, QuestionGhost} from "./Types.sol";

/// @title EnvActions
/// @notice Handlers for the environment: time, and the callback token's trap.
abstract contract EnvActions is HandlerBase {
    /// @notice Moves time forward, usually onto a boundary that matters: a series' expiry (or the
    ///         second before), the end of a question's liveness (or the second before), or the end
    ///         of a pending arbitration's timeout (or the second before); otherwise by up to 8 hours.
    function warp(uint256 kindSeed, uint256 pickSeed, uint256 deltaSeed) external tracked(Action.Warp) {
        uint256 target = _boundary(kindSeed % 8, pickSeed);
        if (target <= block.timestamp) target = block.timestamp + _bound(deltaSeed, 1, 8 hours);
        vm.warp(target);
        ghostTime = target;
    }

    /// @notice Arms the callback token so every transfer the market makes of it first calls the
    ///         market back: settle(0) as the TypeScript harness does, or a real call on a series.
    function armCallback(uint256 dataSeed, uint256 seriesSeed) external tracked(Action.ArmCallback) {
        bytes memory data = abi.encodeCall(ISplitMarket.settle, (bytes32(0)));
        if (_seriesIds.length != 0 && dataSeed % 2 == 1) {
            bytes32 seriesId = _seriesIds[seriesSeed % _seriesIds.length];
            uint256 kind = (dataSeed >> 1) % 4;
            if (kind == 0) data = abi.encodeCall(ISplitMarket.settle, (seriesId));
            else if (kind == 1) data = abi.encodeCall(ISplitMarket.split, (seriesId, 1, address(this)));
            else if (kind == 2) data = abi.encodeCall(ISplitMarket.merge, (seriesId, 1, address(this)));
            else data = abi.encodeCall(ISplitMarket.redeem, (seriesId, 1, 0, address(this)));
        }
        CallbackToken(callbackToken).arm(address(market), data);
        ghostArmed = true;
    }

    /// @notice Disarms the callback token.
    function disarmCallback() external tracked(Action.DisarmCallback) {
        CallbackToken(callbackToken).disarm();
        ghostArmed = false;
    }

    function _boundary(uint256 kind, uint256 seed) internal view returns (uint256) {
        if (kind <= 1 || _seriesIds.length == 0) return 0;
        if (kind <= 3) {
            uint256 expiry = market.series(_seriesIds[seed % _seriesIds.length]).expiry;
            return kind == 2 ? expiry - 1 : expiry;
        }
        Question memory q = _questions[seed % _questions.length];
        QuestionGhost storage g = _questionGhost[_key(q.indexId, q.timestamp)];
        if (kind <= 5) {
            if (_answers[_key(q.indexId, q.timestamp)].length == 0) return 0;
            return g.livenessStart + liveness - (kind == 4 ? 1 : 0);
        }
        if (!g.pending) return 0;
        return g.requestedAt + arbitrationTimeout - (kind == 6 ? 1 : 0);
    }
}
