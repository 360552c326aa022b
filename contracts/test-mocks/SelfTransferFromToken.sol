// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title SelfTransferFromToken
/// @notice TEST MOCK, not for deployment: MockERC20 whose `transferFrom(from, to, value)` with
///         `from == msg.sender` moves the tokens without looking at or spending any allowance (like
///         DSToken, MKR and DAI on mainnet); from any other caller it is OpenZeppelin's.
contract SelfTransferFromToken is MockERC20 {
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 transferFrom; the source itself needs no allowance.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (from == msg.sender) {
            _transfer(from, to, value);
            return true;
        }
        return super.transferFrom(from, to, value);
    }
}
