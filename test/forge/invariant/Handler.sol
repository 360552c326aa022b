// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {HandlerBase} from "./handlers/HandlerBase.sol";
import {System} from "./handlers/Types.sol";
import {MarketActions} from "./handlers/MarketActions.sol";
import {TokenActions} from "./handlers/TokenActions.sol";
import {OracleActions} from "./handlers/OracleActions.sol";
import {EnvActions} from "./handlers/EnvActions.sol";

/// @title Handler
/// @notice The one contract the invariant fuzzer calls: every action of the protocol, one state
///         change per function, with clamped inputs, pranked actors and ghost bookkeeping.
contract Handler is MarketActions, TokenActions, OracleActions, EnvActions {
    constructor(System memory system) HandlerBase(system) {}

    /// @notice The selectors the fuzzer may call: every action and nothing else, each listed as many
    ///         times as its weight (forge picks uniformly from the list, duplicates included).
    /// @dev Weights favour the actions on the long road to a payout (warp past expiry, propose, warp
    ///      past liveness, finalize, settle, redeem) and to a dispute (request, arbitrate, cancel),
    ///      so a 64-call run reaches them; the plain token moves get one share each.
    function selectors() external pure returns (bytes4[] memory s) {
        bytes4[21] memory actions = [
            this.createSeries.selector,
            this.split.selector,
            this.merge.selector,
            this.settle.selector,
            this.redeem.selector,
            this.donate.selector,
            this.transferClaim.selector,
            this.approveClaim.selector,
            this.transferFromClaim.selector,
            this.transferCollateral.selector,
            this.approveCollateral.selector,
            this.transferFromCollateral.selector,
            this.propose.selector,
            this.finalize.selector,
            this.requestArbitration.selector,
            this.arbitrate.selector,
            this.cancelArbitration.selector,
            this.withdraw.selector,
            this.armCallback.selector,
            this.disarmCallback.selector,
            this.warp.selector
        ];
        uint8[21] memory weights = [1, 2, 2, 2, 3, 1, 1, 1, 1, 1, 1, 1, 3, 2, 2, 1, 2, 2, 1, 1, 4];
        uint256 total;
        for (uint256 i; i < weights.length; ++i) {
            total += weights[i];
        }
        s = new bytes4[](total);
        uint256 k;
        for (uint256 i; i < actions.length; ++i) {
            for (uint256 w; w < weights[i]; ++w) {
                s[k++] = actions[i];
            }
        }
    }

    /// @notice Zeroes the success counters, after Setup has used the handlers to seed the state.
    function resetCounters() external {
        delete successes;
    }
}
