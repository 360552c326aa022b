// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC3156FlashBorrower} from "@openzeppelin/contracts/interfaces/IERC3156FlashBorrower.sol";
import {ERC20FlashMint} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20FlashMint.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Vm} from "forge-std/Vm.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {FlashMintToken} from "../../../contracts/test-mocks/FlashMintToken.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice The flash-mintable kind (DAI, ERC-3156) of docs/collateral.md: a flash mint split into a
///         series and merged back within one call leaves the token, the market and the series as
///         they were; a kept split cannot be repaid from minted tokens.
contract FlashMintCollateralTest is Fixture {
    FlashMintToken internal flash;
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        flash = new FlashMintToken("Flash", "FDAI", 18);
        id = _create(address(flash));
        _split(id, alice, 1e18);
    }

    /// @dev Within the call the market held `amount` more and the series locked it (the Split and
    ///      Merged logs say so); after it, supply, balances and `locked` are where they began.
    function testFuzz_flashSplit_mergedBack_leavesNoTrace(uint256 amount) public {
        amount = bound(amount, 1, flash.maxFlashLoan(address(flash)));
        ISplitMarket.SeriesInfo memory before = _series(id);
        uint256 supply = flash.totalSupply();
        uint256 held = flash.balanceOf(address(market));
        vm.recordLogs();
        vm.prank(bob);
        assertTrue(flash.flashSplit(address(market), id, amount, true));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 splits;
        uint256 merges;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(market)) continue;
            if (logs[i].topics[0] == ISplitMarket.Split.selector) ++splits;
            if (logs[i].topics[0] == ISplitMarket.Merged.selector) ++merges;
        }
        assertEq(splits, 1, "one split inside the loan");
        assertEq(merges, 1, "one merge inside the loan");
        assertEq(flash.totalSupply(), supply);
        assertEq(flash.balanceOf(address(market)), held);
        assertEq(flash.balanceOf(address(flash)), 0);
        assertEq(_series(id).locked, before.locked);
        assertEq(IERC20(before.pToken).totalSupply(), 1e18);
        assertEq(IERC20(before.nToken).totalSupply(), 1e18);
    }

    function test_flashSplit_keptSplit_repaymentIsShort() public {
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, address(flash), 0, 5));
        flash.flashSplit(address(market), id, 5, false);
    }

    /// @dev What the token held before backs a kept split: the claims stay with the token.
    function test_flashSplit_keptSplit_repaidFromWhatTheTokenHeld() public {
        _fund(MockERC20(address(flash)), carol, address(market), 5);
        vm.prank(carol);
        flash.transfer(address(flash), 5);
        flash.flashSplit(address(market), id, 5, false);
        assertEq(_series(id).locked, 1e18 + 5);
        assertEq(flash.balanceOf(address(market)), 1e18 + 5);
        assertEq(IERC20(_series(id).pToken).balanceOf(address(flash)), 5);
    }

    function test_flashSplit_aboveMaxLoan_reverts() public {
        uint256 maxLoan = type(uint256).max - flash.totalSupply();
        vm.expectRevert(abi.encodeWithSelector(ERC20FlashMint.ERC3156ExceededMaxLoan.selector, maxLoan));
        flash.flashSplit(address(market), id, maxLoan + 1, true);
    }

    function test_onFlashLoan_onlyFromItsOwnFlashSplit() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(FlashMintToken.UntrustedFlashLoan.selector, address(flash), alice));
        flash.flashLoan(IERC3156FlashBorrower(address(flash)), address(flash), 1, abi.encode(market, id, true));
    }
}

