// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";
import {TokenEntryPoint} from "./TokenEntryPoint.sol";

/// @title MultiEntryToken
/// @notice TEST MOCK, not for deployment: a MockERC20 whose one ledger has two addresses, like TUSD:
///         its own, and the TokenEntryPoint it deploys at construction (`entryPoint()`, its CREATE
///         nonce 1). `transfer`, `transferFrom` and `approve` through either address move the same
///         balances and allowances, and every Transfer and Approval is logged by this contract,
///         whichever address was called.
contract MultiEntryToken is MockERC20 {
    /// @notice A `*Via` function called by anyone but the entry point.
    error NotEntryPoint(address caller);

    /// @notice The ledger's second address.
    address public immutable entryPoint;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {
        entryPoint = address(new TokenEntryPoint());
    }

    modifier onlyEntryPoint() {
        if (msg.sender != entryPoint) revert NotEntryPoint(msg.sender);
        _;
    }

    /// @notice `transfer` made through the entry point by `sender`.
    function transferVia(address sender, address to, uint256 value) external onlyEntryPoint returns (bool) {
        _transfer(sender, to, value);
        return true;
    }

    /// @notice `transferFrom` made through the entry point by `spender` (OpenZeppelin's order:
    ///         the allowance is spent first).
    function transferFromVia(address spender, address from, address to, uint256 value)
        external
        onlyEntryPoint
        returns (bool)
    {
        _spendAllowance(from, spender, value);
        _transfer(from, to, value);
        return true;
    }

    /// @notice `approve` made through the entry point by `owner`.
    function approveVia(address owner, address spender, uint256 value) external onlyEntryPoint returns (bool) {
        _approve(owner, spender, value);
        return true;
    }
}
