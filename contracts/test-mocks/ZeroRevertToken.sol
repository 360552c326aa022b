// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title ZeroRevertToken
/// @notice TEST MOCK, not for deployment: MockERC20 that reverts every transfer and transferFrom
///         of zero tokens (like LEND on mainnet) with ZeroValueTransfer(), before any other check.
contract ZeroRevertToken is MockERC20 {
    /// @notice A transfer or transferFrom of zero tokens.
    error ZeroValueTransfer();

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 transfer; reverts ZeroValueTransfer() for a zero value.
    function transfer(address to, uint256 value) public override returns (bool) {
        if (value == 0) revert ZeroValueTransfer();
        return super.transfer(to, value);
    }

    /// @notice ERC20 transferFrom; reverts ZeroValueTransfer() for a zero value.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (value == 0) revert ZeroValueTransfer();
        return super.transferFrom(from, to, value);
    }
}
