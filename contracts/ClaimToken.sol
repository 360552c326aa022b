// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ClaimToken
/// @notice One side (P or N) of a SplitMarket series: a plain ERC-20 that only its market mints and burns.
/// @dev Deployed by the market, which is `msg.sender` at construction. Transfers and approvals are
///      OpenZeppelin ERC20 unchanged.
contract ClaimToken is ERC20 {
    /// @notice Thrown when anyone but the market calls mint or burn.
    error OnlyMarket(address caller);

    /// @notice The SplitMarket that deployed this token and alone may mint and burn it.
    address public immutable market;

    uint8 private immutable _decimals;

    /// @param name_ The token name (the market derives it from the series).
    /// @param symbol_ The token symbol (the market derives it from the series).
    /// @param decimals_ The collateral's decimals, so one claim pairs with one collateral unit.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        market = msg.sender;
        _decimals = decimals_;
    }

    modifier onlyMarket() {
        if (msg.sender != market) revert OnlyMarket(msg.sender);
        _;
    }

    /// @notice The collateral's decimals.
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` claims to `to`; market only.
    /// @param to The recipient (OpenZeppelin rejects the zero address).
    /// @param amount The number of claims.
    function mint(address to, uint256 amount) external onlyMarket {
        _mint(to, amount);
    }

    /// @notice Burns `amount` claims held by `from`; market only, no allowance needed.
    /// @dev The market only ever burns from the account calling it. A short balance reverts with
    ///      ERC20InsufficientBalance(from, balance, amount).
    /// @param from The holder.
    /// @param amount The number of claims.
    function burn(address from, uint256 amount) external onlyMarket {
        _burn(from, amount);
    }
}
