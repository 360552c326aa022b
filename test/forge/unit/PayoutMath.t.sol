// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {PayoutMath} from "../../../contracts/libraries/PayoutMath.sol";

/// @notice Worked examples of the payout formulas in docs/design.md §2; the fuzz suite checks M3/M4.
contract PayoutMathTest is Test {
    uint256 internal constant MAX = type(uint256).max;

    function test_payout_belowStrike() public pure {
        assertEq(PayoutMath.payoutP(7e18, 2000e18, 1500e18), 7e18);
        assertEq(PayoutMath.payoutN(7e18, 2000e18, 1500e18), 0);
    }

    function test_payout_atStrike() public pure {
        assertEq(PayoutMath.payoutP(7e18, 2000e18, 2000e18), 7e18);
        assertEq(PayoutMath.payoutN(7e18, 2000e18, 2000e18), 0);
    }

    function test_payout_aboveStrike() public pure {
        assertEq(PayoutMath.payoutP(10e18, 2000e18, 2500e18), 8e18);
        assertEq(PayoutMath.payoutN(10e18, 2000e18, 2500e18), 2e18);
    }

    function test_payout_zeroPricePaysPInFull() public pure {
        assertEq(PayoutMath.payoutP(5, 1, 0), 5);
        assertEq(PayoutMath.payoutN(5, 1, 0), 0);
        assertEq(PayoutMath.payoutP(5, 0, 0), 5);
    }

    function test_payout_roundsEachSideDown() public pure {
        // 10 * 3 / 7 = 4.28..., 10 * 4 / 7 = 5.71...: one unit of dust.
        assertEq(PayoutMath.payoutP(10, 3, 7), 4);
        assertEq(PayoutMath.payoutN(10, 3, 7), 5);
    }

    /// @dev 512-bit intermediates: a * S and a * (x - S) overflow 256 bits here but the results fit.
    function test_payout_noOverflowAtExtremes() public pure {
        assertEq(PayoutMath.payoutP(MAX, MAX - 1, MAX), MAX - 1);
        assertEq(PayoutMath.payoutN(MAX, MAX - 1, MAX), 1);
        assertEq(PayoutMath.payoutP(MAX, 1, MAX), 1);
        assertEq(PayoutMath.payoutN(MAX, 1, MAX), MAX - 1);
        assertEq(PayoutMath.payoutP(MAX, MAX, MAX), MAX);
        assertEq(PayoutMath.payoutN(MAX, MAX, MAX), 0);
        assertEq(PayoutMath.payoutP(0, MAX, 1), 0);
        assertEq(PayoutMath.payoutN(MAX, 0, 1), MAX);
        assertEq(PayoutMath.payoutP(MAX, 0, 1), 0);
    }
}
