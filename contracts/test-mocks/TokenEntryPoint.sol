// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice What a TokenEntryPoint needs of its ledger (MultiEntryToken): the ERC-20 views, and the
///         three state-changing functions taking the entry point's caller as an argument.
interface IEntryLedger {
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);
    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);
    function transferVia(address sender, address to, uint256 value) external returns (bool);
    function transferFromVia(address spender, address from, address to, uint256 value) external returns (bool);
    function approveVia(address owner, address spender, uint256 value) external returns (bool);
}

/// @title TokenEntryPoint
/// @notice TEST MOCK, not for deployment: the second address of a MultiEntryToken's ledger (as TUSD's
///         legacy address forwards to the current contract). Every ERC-20 function acts on the ledger
///         that deployed it, with this contract's caller standing in for `msg.sender`; it holds no
///         balance, logs nothing itself (the ledger logs every Transfer and Approval), and lets the
///         ledger's reverts through unchanged.
contract TokenEntryPoint {
    /// @notice The ledger whose balances and allowances this address moves (its deployer).
    IEntryLedger public immutable ledger;

    constructor() {
        ledger = IEntryLedger(msg.sender);
    }

    /// @notice ERC20 transfer of the caller's balance on the ledger.
    function transfer(address to, uint256 value) external returns (bool) {
        return ledger.transferVia(msg.sender, to, value);
    }

    /// @notice ERC20 transferFrom spending `from`'s allowance to the caller on the ledger.
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        return ledger.transferFromVia(msg.sender, from, to, value);
    }

    /// @notice ERC20 approve: sets the caller's allowance to `spender` on the ledger.
    function approve(address spender, uint256 value) external returns (bool) {
        return ledger.approveVia(msg.sender, spender, value);
    }

    /// @notice The ledger's total supply.
    function totalSupply() external view returns (uint256) {
        return ledger.totalSupply();
    }

    /// @notice `account`'s balance on the ledger.
    function balanceOf(address account) external view returns (uint256) {
        return ledger.balanceOf(account);
    }

    /// @notice `owner`'s allowance to `spender` on the ledger.
    function allowance(address owner, address spender) external view returns (uint256) {
        return ledger.allowance(owner, spender);
    }

    /// @notice The ledger's name.
    function name() external view returns (string memory) {
        return ledger.name();
    }

    /// @notice The ledger's symbol.
    function symbol() external view returns (string memory) {
        return ledger.symbol();
    }

    /// @notice The ledger's decimals.
    function decimals() external view returns (uint8) {
        return ledger.decimals();
    }
}
