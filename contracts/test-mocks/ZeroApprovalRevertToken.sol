// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title ZeroApprovalRevertToken
/// @notice TEST MOCK, not for deployment: MockERC20 whose `approve` of zero reverts
///         ZeroValueApproval() before any other check (like BNB on mainnet): an allowance can be
///         lowered but never cleared.
contract ZeroApprovalRevertToken is MockERC20 {
    /// @notice An approve of zero tokens.
    error ZeroValueApproval();

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 approve; reverts ZeroValueApproval() for a zero value.
    function approve(address spender, uint256 value) public override returns (bool) {
        if (value == 0) revert ZeroValueApproval();
        return super.approve(spender, value);
    }
}
