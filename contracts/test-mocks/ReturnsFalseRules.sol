// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title ReturnsFalseRules
/// @notice TEST MOCK, not for deployment: when a returns-false token's transfer and transferFrom
///         return false (changing nothing, logging nothing) instead of reverting, written once for
///         the tokens that follow the rules (ReturnsFalseToken, UpgradableToken's version 2): when
///         the balance (or the allowance, unless infinite) is short and neither address is zero.
/// @dev A library rather than an abstract ERC20, for the reason given in FeeOnTransferRules. The
///      balance and allowance are read only where the rules need them, as the token's own code did.
library ReturnsFalseRules {
    /// @notice True when transfer(to, value) by msg.sender returns false: to != 0 and the sender's
    ///         balance is below `value`.
    function transferFails(address to, uint256 value, function(address) view returns (uint256) balanceOf)
        internal
        view
        returns (bool)
    {
        return to != address(0) && balanceOf(msg.sender) < value;
    }

    /// @notice True when transferFrom(from, to, value) by msg.sender returns false: from != 0, to != 0
    ///         and the allowance (unless infinite) or the balance of `from` is below `value`.
    function transferFromFails(
        address from,
        address to,
        uint256 value,
        function(address) view returns (uint256) balanceOf,
        function(address, address) view returns (uint256) allowance
    ) internal view returns (bool) {
        if (from == address(0) || to == address(0)) {
            return false;
        }
        uint256 allowed = allowance(from, msg.sender);
        return (allowed != type(uint256).max && allowed < value) || balanceOf(from) < value;
    }
}
