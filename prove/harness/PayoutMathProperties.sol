// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PayoutMath} from "../../contracts/libraries/PayoutMath.sol";

/// @title PayoutMathProperties
/// @notice M3 and M4 of docs/design.md as assertions for solc's SMTChecker. Never deployed: it only calls
///         the library, so stating the properties here leaves the contracts' bytecode unchanged.
/// @dev Each assert carries its property id in a trailing comment; `cliffless prove` reports by it.
contract PayoutMathProperties {
    /// @notice M3: each side rounds down on its own, so a - 1 <= P + N <= a.
    function sumIsAtMostA(uint256 a, uint256 strike, uint256 x) external pure {
        uint256 p = PayoutMath.payoutP(a, strike, x);
        uint256 n = PayoutMath.payoutN(a, strike, x);
        assert(p <= a && n <= a); // M3 each side at most a
        assert(p <= a - n); // M3 P + N <= a
        assert(a - n - p <= 1); // M3 P + N >= a - 1
    }

    /// @notice M4: at or below the strike P pays a and N pays nothing.
    function atOrBelowStrike(uint256 a, uint256 strike, uint256 x) external pure {
        require(x <= strike);
        assert(PayoutMath.payoutP(a, strike, x) == a); // M4 P = a for x <= S
        assert(PayoutMath.payoutN(a, strike, x) == 0); // M4 N = 0 for x <= S
    }

    /// @notice M4: P is non-increasing and N non-decreasing in the settlement price.
    function monotoneInPrice(uint256 a, uint256 strike, uint256 x1, uint256 x2) external pure {
        require(x1 <= x2);
        assert(PayoutMath.payoutP(a, strike, x2) <= PayoutMath.payoutP(a, strike, x1)); // M4 P non-increasing
        assert(PayoutMath.payoutN(a, strike, x1) <= PayoutMath.payoutN(a, strike, x2)); // M4 N non-decreasing
    }
}
