// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Proxy} from "@openzeppelin/contracts/proxy/Proxy.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {StorageSlot} from "@openzeppelin/contracts/utils/StorageSlot.sol";
import {FeeOnTransferRules} from "./FeeOnTransferRules.sol";
import {ReturnsFalseRules} from "./ReturnsFalseRules.sol";

/// @title UpgradableToken
/// @notice TEST MOCK, not for deployment: an upgradable token (like USDC or USDT behind their
///         proxies): an ERC-1967 proxy that keeps the balances while `upgradeTo(version)` switches
///         the rules it delegates to between three implementations it deploys itself, each a row of
///         docs/collateral.md: 0 plain (OpenZeppelin ERC20), 1 fee on transfer (as
///         FeeOnTransferToken), 2 returns false (as ReturnsFalseToken). It starts at version 0.
///         `upgradeTo` is open to anyone here, standing in for the proxy's admin.
/// @dev The implementations are created at the proxy's nonces 1, 2 and 3, in version order.
///      `upgradeTo(v)` writes the ERC-1967 implementation slot and logs VersionSet(v) (the version,
///      not the implementation's address, so that a copy of the world deployed elsewhere logs the
///      same), even when `v` is already current; it reverts UnknownVersion(v) when v > 2. Every
///      other call is delegated.
contract UpgradableToken is Proxy {
    /// @notice No implementation has this version number.
    error UnknownVersion(uint256 version);

    /// @notice The token now follows implementation `version`.
    event VersionSet(uint256 version);

    address private immutable _plain;
    address private immutable _fee;
    address private immutable _returnsFalse;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        _plain = address(new PlainTokenLogic());
        _fee = address(new FeeTokenLogic());
        _returnsFalse = address(new ReturnsFalseTokenLogic());
        ERC1967Utils.upgradeToAndCall(_plain, abi.encodeCall(ProxiedTokenLogic.initialize, (name_, symbol_, decimals_)));
    }

    /// @notice Switches the rules to implementation `version` (0 plain, 1 fee, 2 returns false).
    function upgradeTo(uint256 version) external {
        address next;
        if (version == 0) next = _plain;
        else if (version == 1) next = _fee;
        else if (version == 2) next = _returnsFalse;
        else revert UnknownVersion(version);
        StorageSlot.getAddressSlot(ERC1967Utils.IMPLEMENTATION_SLOT).value = next;
        emit VersionSet(version);
    }

    /// @notice The implementation calls are delegated to.
    function implementation() external view returns (address) {
        return _implementation();
    }

    function _implementation() internal view override returns (address) {
        return ERC1967Utils.getImplementation();
    }
}

/// @title ProxiedTokenLogic
/// @notice TEST MOCK: what every UpgradableToken implementation shares: OpenZeppelin's ERC20 storage
///         (the same slots in every version, so balances survive an upgrade), metadata kept in
///         storage and set once through the proxy, and the open `mint` faucet of MockERC20.
abstract contract ProxiedTokenLogic is ERC20 {
    /// @notice `initialize` called a second time.
    error AlreadyInitialized();

    string private _proxiedName;
    string private _proxiedSymbol;
    uint8 private _proxiedDecimals;
    bool private _initialized;

    constructor() ERC20("", "") {}

    /// @notice Sets the metadata, once (the proxy's constructor does it).
    function initialize(string calldata name_, string calldata symbol_, uint8 decimals_) external {
        if (_initialized) revert AlreadyInitialized();
        _initialized = true;
        _proxiedName = name_;
        _proxiedSymbol = symbol_;
        _proxiedDecimals = decimals_;
    }

    /// @notice The name given to `initialize`.
    function name() public view override returns (string memory) {
        return _proxiedName;
    }

    /// @notice The symbol given to `initialize`.
    function symbol() public view override returns (string memory) {
        return _proxiedSymbol;
    }

    /// @notice The decimals given to `initialize`.
    function decimals() public view override returns (uint8) {
        return _proxiedDecimals;
    }

    /// @notice Faucet: anyone mints `amount` to `to`.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @title PlainTokenLogic
/// @notice TEST MOCK: UpgradableToken version 0, OpenZeppelin's ERC20 rules.
contract PlainTokenLogic is ProxiedTokenLogic {}

/// @title FeeTokenLogic
/// @notice TEST MOCK: UpgradableToken version 1, FeeOnTransferToken's rules (FeeOnTransferRules): a
///         transfer between two non-zero accounts checks the full balance, moves
///         `value - ceil(value / 100)` and burns the fee from the sender.
contract FeeTokenLogic is ProxiedTokenLogic {
    function _update(address from, address to, uint256 value) internal override {
        FeeOnTransferRules.update(from, to, value, balanceOf, super._update);
    }
}

/// @title ReturnsFalseTokenLogic
/// @notice TEST MOCK: UpgradableToken version 2, ReturnsFalseToken's rules (ReturnsFalseRules):
///         transfer and transferFrom return false, changing nothing, when the balance (or the
///         allowance, unless infinite) is short and neither address is zero.
contract ReturnsFalseTokenLogic is ProxiedTokenLogic {
    /// @notice ERC20 transfer, or false when the sender's balance is short.
    function transfer(address to, uint256 value) public override returns (bool) {
        if (ReturnsFalseRules.transferFails(to, value, balanceOf)) return false;
        return super.transfer(to, value);
    }

    /// @notice ERC20 transferFrom, or false when the allowance or the balance of `from` is short.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (ReturnsFalseRules.transferFromFails(from, to, value, balanceOf, allowance)) return false;
        return super.transferFrom(from, to, value);
    }
}
