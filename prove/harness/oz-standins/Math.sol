// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Math (SMTChecker stand-in)
/// @notice The functions of OpenZeppelin's Math that the oracle and market use, in plain Solidity.
///         OpenZeppelin writes them branch-free with inline assembly, whose result the checker does
///         not model; these give the same value for every input, so the checker can see through them.
/// @dev Compiled in place of @openzeppelin/contracts/utils/math/Math.sol by `cliffless prove` only.
library Math {
    enum Rounding {
        Floor,
        Ceil,
        Trunc,
        Expand
    }

    /// @notice a + b, or type(uint256).max when that overflows.
    function saturatingAdd(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > type(uint256).max - b ? type(uint256).max : a + b;
    }

    /// @notice a * b, or type(uint256).max when that overflows.
    function saturatingMul(uint256 a, uint256 b) internal pure returns (uint256) {
        return a == 0 || b <= type(uint256).max / a ? a * b : type(uint256).max;
    }

    /// @notice floor(a * b / c) as checked `a * b / c`: equal to OpenZeppelin's 512-bit mulDiv
    ///         whenever a * b < 2^256, a revert otherwise (so a proof covers those inputs only).
    function mulDiv(uint256 a, uint256 b, uint256 c) internal pure returns (uint256) {
        return a * b / c;
    }
}
