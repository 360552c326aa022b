// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title Uint96Token
/// @notice TEST MOCK, not for deployment: MockERC20 whose amounts are uint96, like UNI and COMP on
///         mainnet: `transfer`, `transferFrom` and `approve` of a value above 2^96 - 1 revert
///         AmountExceedsUint96(value) before any other check, except `approve(spender, 2^256 - 1)`,
///         which stores 2^96 - 1; an allowance of 2^96 - 1 is infinite (transferFrom never lowers it).
contract Uint96Token is MockERC20 {
    /// @notice A transfer, transferFrom or approve value that does not fit in 96 bits.
    error AmountExceedsUint96(uint256 value);

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 transfer; reverts AmountExceedsUint96(value) above 2^96 - 1.
    function transfer(address to, uint256 value) public override returns (bool) {
        _require96(value);
        return super.transfer(to, value);
    }

    /// @notice ERC20 transferFrom; reverts AmountExceedsUint96(value) above 2^96 - 1; an allowance
    ///         of 2^96 - 1 is not spent.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        _require96(value);
        if (allowance(from, msg.sender) == type(uint96).max) {
            _transfer(from, to, value);
            return true;
        }
        return super.transferFrom(from, to, value);
    }

    /// @notice ERC20 approve; 2^256 - 1 approves 2^96 - 1 (infinite), any other value above 2^96 - 1
    ///         reverts AmountExceedsUint96(value).
    function approve(address spender, uint256 value) public override returns (bool) {
        if (value == type(uint256).max) value = type(uint96).max;
        else _require96(value);
        return super.approve(spender, value);
    }

    function _require96(uint256 value) private pure {
        if (value > type(uint96).max) revert AmountExceedsUint96(value);
    }
}
