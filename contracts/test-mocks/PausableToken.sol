// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title PausableToken
/// @notice TEST MOCK, not for deployment: MockERC20 with an admin pause (like USDC or BNB): while
///         paused, every balance change (transfer, transferFrom, mint, burn) reverts TokenPaused();
///         approvals still work. `setPaused` is open to anyone here, standing in for the admin.
contract PausableToken is MockERC20 {
    /// @notice A balance change while the token is paused.
    error TokenPaused();

    /// @notice Whether balance changes are refused.
    bool public paused;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice Pauses or unpauses; anyone may call, no event.
    function setPaused(bool paused_) external {
        paused = paused_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (paused) revert TokenPaused();
        super._update(from, to, value);
    }
}
