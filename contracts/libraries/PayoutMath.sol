// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PayoutMath
/// @notice What P and N claims pay once a series settles at price `x` for strike `S`.
/// @dev P pays min(1, S/x) and N pays max(0, 1 - S/x) collateral per claim. Each side rounds down on
///      its own, so a - 1 <= payoutP(a) + payoutN(a) <= a and the dust stays in the series. Neither
///      function overflows for any uint256 inputs: mulDiv works on 512 bits and its result is <= a.
library PayoutMath {
    /// @notice Collateral paid for `a` P claims: `a` when x <= S (x = 0 included), else floor(a * S / x).
    function payoutP(uint256 a, uint256 strike, uint256 x) internal pure returns (uint256) {
        return x <= strike ? a : Math.mulDiv(a, strike, x);
    }

    /// @notice Collateral paid for `a` N claims: 0 when x <= S, else floor(a * (x - S) / x).
    function payoutN(uint256 a, uint256 strike, uint256 x) internal pure returns (uint256) {
        return x <= strike ? 0 : Math.mulDiv(a, x - strike, x);
    }
}
