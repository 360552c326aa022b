// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {PayoutMath} from "../../../contracts/libraries/PayoutMath.sol";

/// @notice M3 and M4 over the full uint256 range of amount `a`, strike `S` and price `x`.
/// @dev No input is bounded unless a property needs an ordering or a region (x <= S); nothing may
///      revert: a revert is an overflow, which docs/design.md §2 forbids.
contract PayoutMathFuzzTest is Test {
    uint256 internal constant WAD = 1e18;

    function _sum(uint256 a, uint256 s, uint256 x) internal pure returns (uint256) {
        return PayoutMath.payoutP(a, s, x) + PayoutMath.payoutN(a, s, x);
    }

    /// @dev M3: a - 1 <= payoutP(a) + payoutN(a) <= a, checked as sum <= a and a - sum <= 1 so
    ///      that neither a = 0 nor sum = type(uint256).max can wrap.
    function testFuzz_M3_sumWithinOneWei(uint256 a, uint256 s, uint256 x) public pure {
        uint256 sum = _sum(a, s, x);
        assertLe(sum, a);
        assertLe(a - sum, 1);
    }

    /// @dev M3, exactly: the sum is `a` unless x > S and a * S is not a multiple of x, when it is
    ///      a - 1. (a * x ≡ 0 mod x, so a*S and a*(x-S) have fractional parts that are both zero or
    ///      add to exactly one.)
    function testFuzz_M3_sumExact(uint256 a, uint256 s, uint256 x) public pure {
        uint256 dust = x > s && mulmod(a, s, x) != 0 ? 1 : 0;
        assertEq(_sum(a, s, x), a - dust);
    }

    /// @dev M3, per-unit rates: for one whole unit (a = 1e18) the two rates add to 1e18 or to
    ///      1e18 - 1, and to exactly 1e18 when x <= S or 1e18 * S is a multiple of x.
    function testFuzz_M3_unitRatesAddToOneWithinRounding(uint256 s, uint256 x) public pure {
        uint256 sum = _sum(WAD, s, x);
        bool exact = x <= s || mulmod(WAD, s, x) == 0;
        assertEq(sum, exact ? WAD : WAD - 1);
    }

    /// @dev M3, the rates are exactly S/x and (x - S)/x: when a is a multiple of x nothing rounds
    ///      and the sides add back to a with no dust at all.
    function testFuzz_M3_noDustWhenAmountIsMultipleOfPrice(uint256 k, uint256 s, uint256 x) public pure {
        x = bound(x, 1, type(uint128).max);
        k = bound(k, 0, type(uint256).max / x);
        uint256 a = k * x;
        assertEq(_sum(a, s, x), a);
        if (x > s) {
            assertEq(PayoutMath.payoutP(a, s, x), k * s);
            assertEq(PayoutMath.payoutN(a, s, x), k * (x - s));
        }
    }

    /// @dev payoutP is the floor of the exact 512-bit quotient a * S / x when x > S:
    ///      p * x <= a * S < (p + 1) * x, compared as 512-bit numbers.
    function testFuzz_payoutP_isFloorOfExactQuotient(uint256 a, uint256 s, uint256 x) public pure {
        x = bound(x, 1, type(uint256).max);
        s = bound(s, 0, x - 1);
        uint256 p = PayoutMath.payoutP(a, s, x);
        (uint256 prodHi, uint256 prodLo) = Math.mul512(a, s);
        (uint256 loHi, uint256 loLo) = Math.mul512(p, x);
        assertTrue(_le512(loHi, loLo, prodHi, prodLo), "p * x > a * S");
        // (p + 1) * x = p * x + x, as a 512-bit sum.
        (uint256 upHi, uint256 upLo) = _add512(loHi, loLo, x);
        assertTrue(_lt512(prodHi, prodLo, upHi, upLo), "(p + 1) * x <= a * S");
    }

    /// @dev M4: at or below the strike P pays everything and N nothing.
    function testFuzz_M4_atOrBelowStrike(uint256 a, uint256 s, uint256 x) public pure {
        x = bound(x, 0, s);
        assertEq(PayoutMath.payoutP(a, s, x), a);
        assertEq(PayoutMath.payoutN(a, s, x), 0);
    }

    /// @dev M4: payoutP is non-increasing and payoutN non-decreasing in x, everywhere.
    function testFuzz_M4_monotoneInPrice(uint256 a, uint256 s, uint256 x1, uint256 x2) public pure {
        (x1, x2) = x1 <= x2 ? (x1, x2) : (x2, x1);
        assertGe(PayoutMath.payoutP(a, s, x1), PayoutMath.payoutP(a, s, x2));
        assertLe(PayoutMath.payoutN(a, s, x1), PayoutMath.payoutN(a, s, x2));
    }

    /// @dev M4 near the strike, where the fuzzer's edge values rarely land: x in [S - 2, S + 2].
    function testFuzz_M4_monotoneAcrossStrike(uint256 a, uint256 s, uint8 step) public pure {
        s = bound(s, 2, type(uint256).max - 3);
        uint256 x = s - 2 + (step % 4);
        assertGe(PayoutMath.payoutP(a, s, x), PayoutMath.payoutP(a, s, x + 1));
        assertLe(PayoutMath.payoutN(a, s, x), PayoutMath.payoutN(a, s, x + 1));
    }

    /// @dev Neither side pays more than the amount, and both grow with it.
    function testFuzz_payout_boundedAndMonotoneInAmount(uint256 a1, uint256 a2, uint256 s, uint256 x) public pure {
        (a1, a2) = a1 <= a2 ? (a1, a2) : (a2, a1);
        assertLe(PayoutMath.payoutP(a2, s, x), a2);
        assertLe(PayoutMath.payoutN(a2, s, x), a2);
        assertLe(PayoutMath.payoutP(a1, s, x), PayoutMath.payoutP(a2, s, x));
        assertLe(PayoutMath.payoutN(a1, s, x), PayoutMath.payoutN(a2, s, x));
    }

    function _le512(uint256 aHi, uint256 aLo, uint256 bHi, uint256 bLo) private pure returns (bool) {
        return aHi < bHi || (aHi == bHi && aLo <= bLo);
    }

    function _lt512(uint256 aHi, uint256 aLo, uint256 bHi, uint256 bLo) private pure returns (bool) {
        return aHi < bHi || (aHi == bHi && aLo < bLo);
    }

    function _add512(uint256 hi, uint256 lo, uint256 b) private pure returns (uint256, uint256) {
        unchecked {
            uint256 sumLo = lo + b;
            return (hi + (sumLo < lo ? 1 : 0), sumLo);
        }
    }
}
