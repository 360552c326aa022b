// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title RawSymbolToken
/// @notice TEST MOCK, not for deployment: MockERC20 whose symbol() returns the bytes given at
///         construction verbatim, well-formed ABI or not: a bytes32 symbol (MKR, SAI), an empty
///         return, a string with a bad offset or a length past the data. Everything else is MockERC20.
/// @dev The constructor's `symbol_` string is unused by symbol(); name() and decimals() are MockERC20's.
contract RawSymbolToken is MockERC20 {
    bytes private _symbolData;

    /// @param name_ Token name.
    /// @param symbolData_ The exact return data of symbol().
    /// @param decimals_ Token decimals.
    constructor(string memory name_, bytes memory symbolData_, uint8 decimals_) MockERC20(name_, "", decimals_) {
        _symbolData = symbolData_;
    }

    /// @notice Returns the construction bytes as raw return data, whatever they encode.
    function symbol() public view override returns (string memory) {
        bytes memory data = _symbolData;
        assembly ("memory-safe") {
            return(add(data, 0x20), mload(data))
        }
    }
}
