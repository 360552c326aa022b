// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {console} from "forge-std/console.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Properties} from "./Properties.sol";

/// @title ProtocolInvariantsTest
/// @notice The docs/design.md §4 properties, checked by forge after every handler call of every run.
/// @dev Only the Handler is fuzzed, and only through its action selectors. Run alone with
///      `npx forge test --match-path "test/forge/invariant/*"`; `-vv` prints the last run's call summary.
contract ProtocolInvariantsTest is Properties {
    function setUp() public virtual {
        _setUpSystem();
        targetContract(address(handler));
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: handler.selectors()}));
    }

    function invariant_M1_pairs() public view {
        (bool ok, string memory why) = propM1Pairs();
        assertTrue(ok, why);
    }

    function invariant_M2_solvency() public view {
        (bool ok, string memory why) = propM2Solvency();
        assertTrue(ok, why);
    }

    function invariant_M5_noLiquidation() public view {
        (bool ok, string memory why) = propM5NoLiquidation();
        assertTrue(ok, why);
    }

    function invariant_M6_exit() public {
        (bool ok, string memory why) = propM6Exit();
        assertTrue(ok, why);
    }

    function invariant_M7_settlement() public view {
        (bool ok, string memory why) = propM7Settlement();
        assertTrue(ok, why);
    }

    function invariant_M8_noValueCreated() public view {
        (bool ok, string memory why) = propM8NoValueCreated();
        assertTrue(ok, why);
    }

    function invariant_O1_timing() public view {
        (bool ok, string memory why) = propO1Timing();
        assertTrue(ok, why);
    }

    function invariant_O2_finality() public view {
        (bool ok, string memory why) = propO2Finality();
        assertTrue(ok, why);
    }

    function invariant_O3_escalation() public view {
        (bool ok, string memory why) = propO3Escalation();
        assertTrue(ok, why);
    }

    function invariant_O4_bonds() public view {
        (bool ok, string memory why) = propO4Bonds();
        assertTrue(ok, why);
    }

    function invariant_O5_liveness() public {
        (bool ok, string memory why) = propO5Liveness();
        assertTrue(ok, why);
    }

    /// @notice Once per run: how many times each action succeeded (forge's metrics table gives the
    ///         attempts and failures over all runs), so a campaign that never reaches settlement,
    ///         redemption or arbitration is visible. `-vv` prints the last run's.
    function afterInvariant() public view {
        uint256 n = handler.actionCount();
        for (uint256 i; i < n; ++i) {
            console.log(string.concat("succeeded ", handler.actionName(i), " ", vm.toString(handler.successes(i))));
        }
    }
}
