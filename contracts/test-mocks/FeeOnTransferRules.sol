// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title FeeOnTransferRules
/// @notice TEST MOCK, not for deployment: the fee-on-transfer rules, written once for the tokens that
///         follow them (FeeOnTransferToken, UpgradableToken's version 1): a transfer between two
///         non-zero accounts burns a 1% fee, rounded up; mint and burn charge no fee.
/// @dev A library rather than an abstract ERC20: the two tokens sit on different ERC20 bases
///      (MockERC20, ProxiedTokenLogic) that override other functions, and a rules contract beside
///      either base would oblige every token to restate those overrides.
library FeeOnTransferRules {
    /// @notice ERC20's `_update` with the fee: first ERC20InsufficientBalance(from, balance, value)
    ///         if `from` holds less than `value`; then `value - fee` moves (Transfer(from, to,
    ///         value - fee)); then, if fee > 0, `fee` is burned from `from` (Transfer(from, 0, fee)).
    /// @param balanceOf The token's balances.
    /// @param move The token's ERC20 `_update` (its `super._update`), which moves and logs.
    function update(
        address from,
        address to,
        uint256 value,
        function(address) view returns (uint256) balanceOf,
        function(address, address, uint256) move
    ) internal {
        if (from == address(0) || to == address(0)) {
            move(from, to, value);
            return;
        }
        // Checked against the full value, so a short balance fails as a plain ERC20 would.
        uint256 balance = balanceOf(from);
        if (balance < value) revert IERC20Errors.ERC20InsufficientBalance(from, balance, value);
        uint256 fee = Math.ceilDiv(value, 100);
        move(from, to, value - fee);
        if (fee > 0) move(from, address(0), fee);
    }
}
