// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title MockERC20
/// @notice TEST MOCK, not for deployment: OpenZeppelin ERC20 with set decimals and an open faucet.
contract MockERC20 is ERC20 {
    uint8 private immutable _decimals;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _decimals = decimals_;
    }

    /// @notice The decimals given at construction.
    function decimals() public view virtual override returns (uint8) {
        return _decimals;
    }

    /// @notice Faucet: anyone mints `amount` to `to` (Transfer(0, to, amount); to must be non-zero).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
