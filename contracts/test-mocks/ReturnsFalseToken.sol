// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";
import {ReturnsFalseRules} from "./ReturnsFalseRules.sol";

/// @title ReturnsFalseToken
/// @notice TEST MOCK, not for deployment: MockERC20 whose transfer and transferFrom return false,
///         changing nothing and logging nothing, instead of reverting when the balance or the
///         allowance is short (old tokens such as ZRX did this). Every other failure reverts as
///         OpenZeppelin's ERC20.
/// @dev transfer(to, value) returns false when to != 0 and balanceOf(msg.sender) < value.
///      transferFrom(from, to, value) returns false when from != 0, to != 0 and either the
///      allowance (unless infinite) or the balance of `from` is below `value`.
contract ReturnsFalseToken is MockERC20 {
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 transfer, or false when the sender's balance is short.
    function transfer(address to, uint256 value) public override returns (bool) {
        if (ReturnsFalseRules.transferFails(to, value, balanceOf)) return false;
        return super.transfer(to, value);
    }

    /// @notice ERC20 transferFrom, or false when the allowance or the balance of `from` is short.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (ReturnsFalseRules.transferFromFails(from, to, value, balanceOf, allowance)) return false;
        return super.transferFrom(from, to, value);
    }
}
