// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FeeOnTransferRules} from "./FeeOnTransferRules.sol";
import {MockERC20} from "./MockERC20.sol";

/// @title FeeOnTransferToken
/// @notice TEST MOCK, not for deployment: MockERC20 that burns a 1% fee, rounded up, on every transfer
///         between two non-zero accounts (FeeOnTransferRules). Mint and burn charge no fee.
/// @dev On a transfer of `value` from `from` to `to`: first ERC20InsufficientBalance(from, balance,
///      value) if `from` holds less than `value`; then `value - fee` moves (Transfer(from, to,
///      value - fee)); then, if fee > 0, `fee` is burned from `from` (Transfer(from, 0, fee)).
contract FeeOnTransferToken is MockERC20 {
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    function _update(address from, address to, uint256 value) internal override {
        FeeOnTransferRules.update(from, to, value, balanceOf, super._update);
    }
}
