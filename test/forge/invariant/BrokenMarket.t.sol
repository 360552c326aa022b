// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {console} from "forge-std/console.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {Properties} from "./Properties.sol";
import {Action} from "./handlers/Types.sol";
import {BrokenSplitMarket, Bug} from "./broken/BrokenSplitMarket.sol";

/// @title BrokenMarketTest
/// @notice Shows the invariant properties can fail: the same handler sequences run on the real
///         SplitMarket (every property holds) and on a BrokenSplitMarket with one bug each (exactly
///         the properties that bug violates fail, no others). Properties return (holds, why), so
///         these are ordinary passing tests; a property that could not fail would fail them.
/// @dev To see the fuzzer itself find a bug, run BrokenMarketCampaign.t.sol (opt-in, see there).
contract BrokenMarketTest is Properties {
    uint256 internal constant M1 = 1 << 0;
    uint256 internal constant M2 = 1 << 1;
    uint256 internal constant M5 = 1 << 2;
    uint256 internal constant M6 = 1 << 3;
    uint256 internal constant M7 = 1 << 4;
    uint256 internal constant M8 = 1 << 5;
    uint256 internal constant O1 = 1 << 6;
    uint256 internal constant O2 = 1 << 7;
    uint256 internal constant O3 = 1 << 8;
    uint256 internal constant O4 = 1 << 9;
    uint256 internal constant O5 = 1 << 10;

    bool internal broken;
    Bug internal bug;

    function _newMarket() internal override returns (ISplitMarket) {
        return broken ? ISplitMarket(address(new BrokenSplitMarket(bug))) : super._newMarket();
    }

    function _deploy(bool broken_, Bug bug_) internal {
        (broken, bug) = (broken_, bug_);
        _setUpSystem();
    }

    // ---------------------------------------------------------------- the real market holds

    function test_realMarket_everySequence_holdsEveryProperty() public {
        _deploy(false, Bug.RedeemPaysExtraWei);
        _redeemAllOfSettledSeries();
        _mergeToSelf();
        _mergeToBob();
        _splitFeeToken();
        _settleUnansweredQuestion();
        // The steps the real market allows happened; the ones it refuses did not.
        assertEq(handler.successes(uint256(Action.Redeem)), 4, "redeems");
        assertEq(handler.successes(uint256(Action.Merge)), 2, "merges");
        assertEq(handler.successes(uint256(Action.Split)), 0, "fee-token split");
        assertEq(handler.successes(uint256(Action.Settle)), 0, "settle without a final value");
        _assertFailures(0);
    }

    // ---------------------------------------------------------------- each bug is caught

    function test_redeemPaysExtraWei_breaksM2M6M8() public {
        _deploy(true, Bug.RedeemPaysExtraWei);
        _redeemAllOfSettledSeries();
        // Four extra wei left the market: more out of the series than went in (M8), locked no longer
        // what went in minus what came out and the WETH on hand below the WETH locked (M2), so the
        // last holder of WETH/US-CPI pairs can no longer merge them all (M6).
        _assertFailures(M2 | M6 | M8);
    }

    function test_mergeKeepsLocked_breaksM1M2() public {
        _deploy(true, Bug.MergeKeepsLocked);
        _mergeToSelf();
        _assertFailures(M1 | M2);
    }

    function test_mergeBurnsRecipient_breaksM5() public {
        _deploy(true, Bug.MergeBurnsRecipient);
        _mergeToBob();
        _assertFailures(M5);
    }

    function test_splitTrustsAmount_breaksM2M6() public {
        _deploy(true, Bug.SplitTrustsAmount);
        _splitFeeToken();
        // The fee token delivered 99% of the split: locked exceeds both the tokens on hand and what
        // came in (M2), and the pairs can no longer all be merged back (M6).
        _assertFailures(M2 | M6);
    }

    function test_settleWithoutFinality_breaksM7() public {
        _deploy(true, Bug.SettleWithoutFinality);
        _settleUnansweredQuestion();
        _assertFailures(M7);
    }

    // ---------------------------------------------------------------- sequences
    // Each step goes through the handler (seeds decoded as in handlers/) and may revert on the real
    // market, which refuses what the broken one allows; the sequence is the same on both.

    /// @dev Every actor redeems all its P and N of WETH/ETH-USD, settled at 2 * strike by the seed.
    function _redeemAllOfSettledSeries() internal {
        for (uint256 a; a < actorList.length; ++a) {
            // series: first settled from index 0; holder: first from actor a; amounts: all; to: a.
            _try(abi.encodeCall(handler.redeem, ((a << 8) | 1, 1, 2, 2, a << 4)));
        }
    }

    /// @dev alice merges 500 of her USDT/US-CPI pairs back to herself.
    function _mergeToSelf() internal {
        _try(abi.encodeCall(handler.merge, (0, 2, (500e18 << 4) | 5, 0)));
    }

    /// @dev alice merges 100 USDT/US-CPI pairs with bob as the recipient.
    function _mergeToBob() internal {
        _try(abi.encodeCall(handler.merge, (0, 2, (100e18 << 4) | 5, 1 << 4)));
    }

    /// @dev alice splits 100 of the fee-on-transfer token into FEE/ETH-USD.
    function _splitFeeToken() internal {
        _try(abi.encodeCall(handler.split, (0, 4, (100e18 << 4) | 5, 0)));
    }

    /// @dev At WETH/US-CPI's expiry (+4h), with its question unanswered, alice settles it.
    function _settleUnansweredQuestion() internal {
        _try(abi.encodeCall(handler.warp, (3, 3, 0))); // to series 3's expiry
        _try(abi.encodeCall(handler.settle, (0, 3 << 8))); // series 3, picked without preference
    }

    function _try(bytes memory call) internal {
        (bool ok,) = address(handler).call(call);
        ok; // a revert is the real market refusing the step
    }

    // ---------------------------------------------------------------- verdicts

    /// @dev A bit per failing property, each failure's reason logged (`-vv` shows them). M6 and O5
    ///      act, so each runs on a snapshot reverted after.
    function _failures() internal returns (uint256 mask) {
        mask |= _verdict(M1, propM1Pairs);
        mask |= _verdict(M2, propM2Solvency);
        mask |= _verdict(M5, propM5NoLiquidation);
        mask |= _verdict(M7, propM7Settlement);
        mask |= _verdict(M8, propM8NoValueCreated);
        mask |= _verdict(O1, propO1Timing);
        mask |= _verdict(O2, propO2Finality);
        mask |= _verdict(O3, propO3Escalation);
        mask |= _verdict(O4, propO4Bonds);
        uint256 snapshot = vm.snapshotState();
        (bool ok, string memory why) = propM6Exit();
        vm.revertToState(snapshot);
        mask |= _record(M6, ok, why);
        snapshot = vm.snapshotState();
        (ok, why) = propO5Liveness();
        vm.revertToState(snapshot);
        mask |= _record(O5, ok, why);
    }

    function _verdict(uint256 bit, function() view returns (bool, string memory) property)
        internal
        view
        returns (uint256)
    {
        (bool ok, string memory why) = property();
        return _record(bit, ok, why);
    }

    function _record(uint256 bit, bool ok, string memory why) internal pure returns (uint256) {
        if (ok) return 0;
        console.log(why);
        return bit;
    }

    /// @dev Exactly the properties in `expected` fail (each failure's reason is logged).
    function _assertFailures(uint256 expected) internal {
        uint256 mask = _failures();
        assertEq(mask, expected, _names(mask));
    }

    function _names(uint256 mask) internal pure returns (string memory names) {
        string[11] memory ids = ["M1", "M2", "M5", "M6", "M7", "M8", "O1", "O2", "O3", "O4", "O5"];
        names = "failing:";
        for (uint256 i; i < ids.length; ++i) {
            if (mask & (1 << i) != 0) names = string.concat(names, " ", ids[i]);
        }
    }
}
