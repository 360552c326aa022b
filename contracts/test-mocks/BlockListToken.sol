// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title BlockListToken
/// @notice TEST MOCK, not for deployment: MockERC20 with an admin block list (like USDC or USDT):
///         a balance change from or to a blocked account reverts AccountBlocked(account), the
///         sender checked first. `setBlocked` is open to anyone here, standing in for the admin.
contract BlockListToken is MockERC20 {
    /// @notice A balance change from or to a blocked account.
    error AccountBlocked(address account);

    /// @notice Whether `account` may neither send nor receive.
    mapping(address account => bool) public blocked;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice Blocks or unblocks `account`; anyone may call, no event.
    function setBlocked(address account, bool blocked_) external {
        blocked[account] = blocked_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (blocked[from]) revert AccountBlocked(from);
        if (blocked[to]) revert AccountBlocked(to);
        super._update(from, to, value);
    }
}
