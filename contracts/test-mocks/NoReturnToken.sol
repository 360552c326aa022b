// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MockERC20} from "./MockERC20.sol";

/// @title NoReturnToken
/// @notice TEST MOCK, not for deployment: MockERC20 whose transfer, transferFrom and approve return
///         no data at all, like USDT on mainnet. Errors, events and balances are OpenZeppelin's.
/// @dev The overrides keep the `returns (bool)` signature the compiler requires, then end the call
///      with an empty return from assembly, so callers see zero bytes of return data.
contract NoReturnToken is MockERC20 {
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice ERC20 transfer, returning no data.
    function transfer(address to, uint256 value) public override returns (bool) {
        super.transfer(to, value);
        _returnNothing();
    }

    /// @notice ERC20 transferFrom, returning no data.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        super.transferFrom(from, to, value);
        _returnNothing();
    }

    /// @notice ERC20 approve, returning no data.
    function approve(address spender, uint256 value) public override returns (bool) {
        super.approve(spender, value);
        _returnNothing();
    }

    function _returnNothing() private pure {
        assembly ("memory-safe") {
            return(0, 0)
        }
    }
}
