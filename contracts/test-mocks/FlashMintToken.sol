// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC3156FlashBorrower} from "@openzeppelin/contracts/interfaces/IERC3156FlashBorrower.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20FlashMint} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20FlashMint.sol";
import {ISplitMarket} from "../interfaces/ISplitMarket.sol";
import {MockERC20} from "./MockERC20.sol";

/// @title FlashMintToken
/// @notice TEST MOCK, not for deployment: a MockERC20 (set decimals, an open faucet) that is its own
///         ERC-3156 flash lender (like DAI's flash mint): OpenZeppelin's `flashLoan` mints any amount
///         up to `2^256 - 1 - totalSupply`, free of fee, to the receiver, calls its `onFlashLoan`,
///         then burns the amount back, which needs the receiver's allowance to the token and its
///         balance at the end of the callback.
///         `flashSplit` flash-mints to the token itself as receiver, whose callback uses the minted
///         tokens with a SplitMarket: split them into claims and (when `mergeBack`) merge them back,
///         so the market holds collateral that exists only within one transaction.
/// @dev Anyone may call `flashSplit` (a stand-in for an actor with its own borrower contract). The
///      callback approves the market for `amount` (Approval), calls `split(seriesId, amount, this)`
///      and, when `mergeBack`, `merge(seriesId, amount, this)`, then approves itself for the
///      repayment (Approval); a revert anywhere (the market's, or the repayment's
///      ERC20InsufficientBalance when the split claims were kept) reverts the whole flash mint.
contract FlashMintToken is MockERC20, ERC20FlashMint {
    /// @notice `onFlashLoan` called other than by this token's own `flashSplit`.
    error UntrustedFlashLoan(address lender, address initiator);

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice The decimals given at construction (MockERC20's; ERC20FlashMint adds none).
    function decimals() public view override(ERC20, MockERC20) returns (uint8) {
        return super.decimals();
    }

    /// @notice Flash-mints `amount` to this token and, inside the loan, splits them into `market`'s
    ///         series `seriesId` (claims to this token) and, when `mergeBack`, merges them back.
    /// @return True, as `flashLoan` returns.
    function flashSplit(address market, bytes32 seriesId, uint256 amount, bool mergeBack) external returns (bool) {
        return this.flashLoan(
            IERC3156FlashBorrower(address(this)), address(this), amount, abi.encode(market, seriesId, mergeBack)
        );
    }

    /// @notice The callback of `flashSplit`'s loan (ERC-3156 `IERC3156FlashBorrower.onFlashLoan`).
    function onFlashLoan(address initiator, address, uint256 amount, uint256 fee, bytes calldata data)
        external
        returns (bytes32)
    {
        if (msg.sender != address(this) || initiator != address(this)) {
            revert UntrustedFlashLoan(msg.sender, initiator);
        }
        (ISplitMarket market, bytes32 seriesId, bool mergeBack) = abi.decode(data, (ISplitMarket, bytes32, bool));
        _approve(address(this), address(market), amount);
        market.split(seriesId, amount, address(this));
        if (mergeBack) market.merge(seriesId, amount, address(this));
        _approve(address(this), address(this), amount + fee);
        return keccak256("ERC3156FlashBorrower.onFlashLoan");
    }
}
