// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title PermitFallbackToken
/// @notice TEST MOCK, not for deployment: MockERC20 with a fallback that accepts any call it has no
///         function for, changing nothing and logging nothing, as WETH's fallback does: a
///         `permit(owner, spender, value, deadline, v, r, s)` with any signature, even none, succeeds
///         and grants no allowance. A caller that takes a non-reverting permit as a granted approval
///         is wrong about this token.
contract PermitFallbackToken is MockERC20 {
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice Accepts any call to a function the token does not have (permit included) and does nothing.
    fallback() external {}
}
