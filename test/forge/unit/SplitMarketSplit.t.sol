// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";
import {NoReturnToken} from "../../../contracts/test-mocks/NoReturnToken.sol";
import {FeeOnTransferToken} from "../../../contracts/test-mocks/FeeOnTransferToken.sol";
import {Fixture} from "./Fixture.t.sol";

contract SplitMarketSplitTest is Fixture {
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        id = _create(address(weth));
        _fund(weth, alice, address(market), 100e18);
    }

    function test_split_mintsBothSidesAndLocksCollateral() public {
        vm.prank(alice);
        market.split(id, 40e18, bob);

        assertEq(weth.balanceOf(alice), 60e18);
        assertEq(weth.balanceOf(address(market)), 40e18);
        assertEq(_p(id).balanceOf(bob), 40e18);
        assertEq(_n(id).balanceOf(bob), 40e18);
        assertEq(_p(id).totalSupply(), 40e18);
        assertEq(_n(id).totalSupply(), 40e18);
        assertEq(_series(id).locked, 40e18);
    }

    /// @dev Logs, in order: collateral Transfer in, P mint, N mint, then Split (the model mirrors this).
    function test_split_emitsTransfersThenSplit() public {
        vm.expectEmit(address(weth));
        emit IERC20.Transfer(alice, address(market), 40e18);
        vm.expectEmit(address(_p(id)));
        emit IERC20.Transfer(address(0), bob, 40e18);
        vm.expectEmit(address(_n(id)));
        emit IERC20.Transfer(address(0), bob, 40e18);
        vm.expectEmit(address(market));
        emit ISplitMarket.Split(id, alice, bob, 40e18);
        vm.prank(alice);
        market.split(id, 40e18, bob);
    }

    function test_split_allowedAfterExpiryUntilSettlement() public {
        vm.warp(EXPIRY + 1 days);
        vm.prank(alice);
        market.split(id, 1, alice);
        assertEq(_series(id).locked, 1);
    }

    function test_split_sixDecimalCollateral() public {
        bytes32 id6 = _create(address(usdc));
        _split(id6, bob, 2_500e6);
        assertEq(_p(id6).balanceOf(bob), 2_500e6);
        assertEq(_n(id6).balanceOf(bob), 2_500e6);
        assertEq(_series(id6).locked, 2_500e6);
        assertEq(usdc.balanceOf(address(market)), 2_500e6);
    }

    function test_split_ignoresDonations() public {
        weth.mint(address(market), 7e18);
        vm.prank(alice);
        market.split(id, 3e18, alice);
        assertEq(_series(id).locked, 3e18);
        assertEq(weth.balanceOf(address(market)), 10e18);
    }

    function test_split_noReturnTokenWorks() public {
        NoReturnToken token = new NoReturnToken("Tether", "USDT", 6);
        bytes32 tid = _create(address(token));
        _fund(token, alice, address(market), 5e6);
        vm.prank(alice);
        market.split(tid, 5e6, alice);
        assertEq(token.balanceOf(address(market)), 5e6);
        assertEq(_series(tid).locked, 5e6);
        assertEq(_p(tid).balanceOf(alice), 5e6);
    }

    function test_split_revertsWhen_feeOnTransfer() public {
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18);
        bytes32 fid = _create(address(token));
        _fund(token, alice, address(market), 1000);
        // fee = ceil(250 / 100) = 3: the market receives 247.
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.CollateralShortfall.selector, address(token), 250, 247));
        vm.prank(alice);
        market.split(fid, 250, alice);
        // Even one unit is short: its fee rounds up to the whole unit.
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.CollateralShortfall.selector, address(token), 1, 0));
        vm.prank(alice);
        market.split(fid, 1, alice);
        assertEq(token.balanceOf(alice), 1000);
        assertEq(_series(fid).locked, 0);
    }

    function test_split_revertsWhen_unknownSeries() public {
        bytes32 unknown = keccak256("unknown");
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.UnknownSeries.selector, unknown));
        vm.prank(alice);
        market.split(unknown, 0, address(0));
    }

    function test_split_revertsWhen_alreadySettled() public {
        _settle(id, 2500e18);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.AlreadySettled.selector, id));
        vm.prank(alice);
        market.split(id, 0, address(0));
    }

    function test_split_revertsWhen_zeroAmount() public {
        vm.expectRevert(ISplitMarket.ZeroAmount.selector);
        vm.prank(alice);
        market.split(id, 0, address(0));
    }

    function test_split_revertsWhen_recipientIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.InvalidRecipient.selector, address(0)));
        vm.prank(alice);
        market.split(id, 1, address(0));
    }

    function test_split_bubblesInsufficientAllowance() public {
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(market), 0, 1));
        market.split(id, 1, bob);
    }

    function test_split_bubblesInsufficientBalance() public {
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 100e18, 100e18 + 1)
        );
        vm.prank(alice);
        market.split(id, 100e18 + 1, alice);
    }

    function test_split_separateSeriesKeepSeparateLocked() public {
        bytes32 other = market.createSeries(address(weth), address(oracle), INDEX, STRIKE * 2, EXPIRY);
        vm.startPrank(alice);
        market.split(id, 10e18, alice);
        market.split(other, 30e18, alice);
        vm.stopPrank();
        assertEq(_series(id).locked, 10e18);
        assertEq(_series(other).locked, 30e18);
        assertEq(weth.balanceOf(address(market)), 40e18);
    }

    function test_split_worksForAMockCollateralWithNoPriorBalance() public {
        MockERC20 fresh = new MockERC20("Fresh", "FRESH", 0);
        bytes32 fid = _create(address(fresh));
        assertEq(_p(fid).decimals(), 0);
        _split(fid, carol, 1);
        assertEq(_series(fid).locked, 1);
    }
}
