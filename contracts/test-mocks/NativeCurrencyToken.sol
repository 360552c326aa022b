// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title NativeCurrencyToken
/// @notice TEST MOCK, not for deployment: an ERC-20 view of the chain's native currency, of the kind
///         Polygon PoS has at 0x...1010 (POL, formerly MATIC): `balanceOf(account)` is the account's
///         native balance, so it changes whenever ether moves, by a plain value transfer or a
///         self-destruct just as by `transfer`, and a `Transfer` log is only emitted by `transfer`.
///         `transfer(to, value)` is payable and moves exactly the value sent with it: when
///         `msg.value != value` it returns false and sends nothing to `to`. `approve` and `transferFrom`
///         revert FeatureDisabled(): nobody can move another account's native balance.
/// @dev The other kind (CELO's GoldToken) does have `transferFrom`, through a precompile that debits
///      any account's native balance; no contract can do that, so this mock cannot, and
///      docs/collateral.md says what that kind would mean for the market.
contract NativeCurrencyToken {
    /// @notice `approve` or `transferFrom`, which the native currency's ERC-20 does not have.
    error FeatureDisabled();
    /// @notice The receiver of a `transfer` refused the native currency (a contract without `receive`).
    error NativeTransferFailed(address to);

    /// @notice ERC-20 Transfer, emitted by `transfer` only.
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice The supply the token reports: a constant, as Polygon's does (the native supply is the
    ///         chain's, which no contract can read).
    uint256 public constant totalSupply = 10_000_000_000 ether;

    string private _name;
    string private _symbol;
    uint8 private immutable _decimals;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals (the native currency's: 18).
    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
    }

    /// @notice The name given at construction.
    function name() external view returns (string memory) {
        return _name;
    }

    /// @notice The symbol given at construction.
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice The decimals given at construction.
    function decimals() external view returns (uint8) {
        return _decimals;
    }

    /// @notice The account's native balance.
    function balanceOf(address account) external view returns (uint256) {
        return account.balance;
    }

    /// @notice Always 0: no allowance can be given.
    function allowance(address, address) external pure returns (uint256) {
        return 0;
    }

    /// @notice Sends `value` of the native currency, which must be exactly the value sent with the
    ///         call, to `to`. When they differ it returns false and sends nothing to `to` (a value
    ///         sent with the call then stays with this contract, as it does on Polygon).
    function transfer(address to, uint256 value) external payable returns (bool) {
        if (msg.value != value) return false;
        (bool sent,) = payable(to).call{value: value}("");
        if (!sent) revert NativeTransferFailed(to);
        emit Transfer(msg.sender, to, value);
        return true;
    }

    /// @notice Disabled: reverts FeatureDisabled().
    function approve(address, uint256) external pure returns (bool) {
        revert FeatureDisabled();
    }

    /// @notice Disabled: reverts FeatureDisabled().
    function transferFrom(address, address, uint256) external pure returns (bool) {
        revert FeatureDisabled();
    }
}
