// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IPriceOracle
/// @notice What a SplitMarket needs from an oracle: the finalized value of an index at a time.
/// @dev "Finalized" is a flag of its own, never a sentinel price: `value == 0` is a valid answer.
interface IPriceOracle {
    /// @notice Whether the question `(indexId, timestamp)` is final, and its value if it is.
    /// @param indexId The index asked about.
    /// @param timestamp The time the question is about.
    /// @return isFinal True once the value can never change.
    /// @return value The final value (WAD, index units per whole collateral unit); 0 while not final.
    function finalValue(bytes32 indexId, uint256 timestamp) external view returns (bool isFinal, uint256 value);
}
