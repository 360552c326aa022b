// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title ApprovalRaceToken
/// @notice TEST MOCK, not for deployment: MockERC20 with USDT-style approval race protection:
///         approving a non-zero value while the current allowance is non-zero reverts with
///         ApprovalFromNonZero(current); set it to zero first.
contract ApprovalRaceToken is MockERC20 {
    /// @notice A non-zero approval over a non-zero allowance.
    error ApprovalFromNonZero(uint256 current);

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 approve, refused from a non-zero allowance to a non-zero one.
    function approve(address spender, uint256 value) public override returns (bool) {
        uint256 current = allowance(msg.sender, spender);
        if (value != 0 && current != 0) revert ApprovalFromNonZero(current);
        return super.approve(spender, value);
    }
}
