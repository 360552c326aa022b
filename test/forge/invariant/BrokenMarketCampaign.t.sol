// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {ProtocolInvariantsTest} from "./ProtocolInvariants.t.sol";
import {BrokenSplitMarket, Bug} from "./broken/BrokenSplitMarket.sol";

/// @title BrokenMarketCampaignTest
/// @notice Opt-in: the whole invariant campaign, unchanged, against a BrokenSplitMarket, to see the
///         fuzzer (not a hand-written sequence) find the bug. Skipped unless asked for, because its
///         invariants are meant to FAIL:
///
///         CLIFFLESS_BROKEN_CAMPAIGN=true CLIFFLESS_BUG=0 \
///           FOUNDRY_INVARIANT_FAILURE_PERSIST_DIR=/tmp/cliffless-broken \
///           npx forge test --match-contract BrokenMarketCampaignTest
///
///         CLIFFLESS_BUG is the Bug's index in broken/BrokenSplitMarket.sol (0 RedeemPaysExtraWei,
///         1 MergeKeepsLocked, 2 SettleWithoutFinality, 3 MergeBurnsRecipient, 4 SplitTrustsAmount).
///         The persist dir keeps the failing sequences out of the project's cache/.
contract BrokenMarketCampaignTest is ProtocolInvariantsTest {
    function setUp() public override {
        vm.skip(!vm.envOr("CLIFFLESS_BROKEN_CAMPAIGN", false));
        super.setUp();
    }

    function _newMarket() internal override returns (ISplitMarket) {
        return ISplitMarket(address(new BrokenSplitMarket(Bug(vm.envOr("CLIFFLESS_BUG", uint256(0))))));
    }
}
