// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title RebasingToken
/// @notice TEST MOCK, not for deployment: an elastic-supply token (like AMPL; stETH's shares work the
///         same way): every account holds shares, and its balance is its shares divided by
///         `sharesPerToken`, rounded down. `rebase(factorBps)` moves that index for everyone at once,
///         with no Transfer log: balances grow by about factorBps / 10000 (shrink when factorBps is
///         below 10000). `rebase` is open to anyone here, standing in for the admin (or the oracle
///         that drives a real rebase).
/// @dev A transfer, mint or burn of `value` moves exactly `value * sharesPerToken` shares, so the
///      sender's balance falls and the receiver's grows by exactly `value` whatever the index: only a
///      rebase changes a balance by other than a Transfer. A transfer first checks the balance
///      (ERC20InsufficientBalance(from, balance, value)), so no multiplication overflows there; a mint
///      whose shares overflow uint256 panics (0x11). `rebase(f)` sets
///      `sharesPerToken = sharesPerToken * 10000 / f` (rounded down; the product panics on overflow)
///      and reverts InvalidRebase(f) when f is 0 or the result would be 0.
contract RebasingToken is ERC20 {
    /// @notice A rebase factor of zero, or one that would leave no shares per token.
    error InvalidRebase(uint256 factorBps);

    /// @notice Shares per whole base unit when the token is deployed: fine enough that a rebase
    ///         rounds little, coarse enough that balances of 2^128 base units fit many times over.
    uint256 public constant INITIAL_SHARES_PER_TOKEN = 1e12;

    uint8 private immutable _decimals;
    /// @dev Shares of each account; its balance is `_shares[account] / sharesPerToken`.
    mapping(address account => uint256) private _shares;
    /// @dev Sum of `_shares`; the supply is `_totalShares / sharesPerToken`.
    uint256 private _totalShares;

    /// @notice The inverse index: how many shares make one base unit of balance.
    uint256 public sharesPerToken = INITIAL_SHARES_PER_TOKEN;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _decimals = decimals_;
    }

    /// @notice The decimals given at construction.
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice `account`'s shares at the current index, rounded down.
    function balanceOf(address account) public view override returns (uint256) {
        return _shares[account] / sharesPerToken;
    }

    /// @notice All shares at the current index, rounded down.
    function totalSupply() public view override returns (uint256) {
        return _totalShares / sharesPerToken;
    }

    /// @notice Faucet: anyone mints `amount` to `to` (Transfer(0, to, amount); to must be non-zero).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Scales every balance by about `factorBps / 10000`; anyone may call, no event.
    function rebase(uint256 factorBps) external {
        if (factorBps == 0) revert InvalidRebase(factorBps);
        uint256 next = sharesPerToken * 10_000 / factorBps;
        if (next == 0) revert InvalidRebase(factorBps);
        sharesPerToken = next;
    }

    function _update(address from, address to, uint256 value) internal override {
        uint256 shares;
        if (from == address(0)) {
            shares = value * sharesPerToken;
            _totalShares += shares;
        } else {
            uint256 balance = balanceOf(from);
            if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
            shares = value * sharesPerToken;
            _shares[from] -= shares;
        }
        if (to == address(0)) _totalShares -= shares;
        else _shares[to] += shares;
        emit Transfer(from, to, value);
    }
}
