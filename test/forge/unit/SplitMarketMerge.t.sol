// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {NoReturnToken} from "../../../contracts/test-mocks/NoReturnToken.sol";
import {Fixture} from "./Fixture.t.sol";

contract SplitMarketMergeTest is Fixture {
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        id = _create(address(weth));
        _split(id, alice, 50e18);
    }

    function test_merge_burnsBothSidesAndPaysCollateral() public {
        vm.prank(alice);
        market.merge(id, 20e18, bob);

        assertEq(weth.balanceOf(bob), 20e18);
        assertEq(weth.balanceOf(address(market)), 30e18);
        assertEq(_p(id).balanceOf(alice), 30e18);
        assertEq(_n(id).balanceOf(alice), 30e18);
        assertEq(_p(id).totalSupply(), 30e18);
        assertEq(_n(id).totalSupply(), 30e18);
        assertEq(_series(id).locked, 30e18);
    }

    /// @dev Logs, in order: P burn, N burn, collateral Transfer out, then Merged.
    function test_merge_emitsBurnsTransferThenMerged() public {
        vm.expectEmit(address(_p(id)));
        emit IERC20.Transfer(alice, address(0), 20e18);
        vm.expectEmit(address(_n(id)));
        emit IERC20.Transfer(alice, address(0), 20e18);
        vm.expectEmit(address(weth));
        emit IERC20.Transfer(address(market), bob, 20e18);
        vm.expectEmit(address(market));
        emit ISplitMarket.Merged(id, alice, bob, 20e18);
        vm.prank(alice);
        market.merge(id, 20e18, bob);
    }

    /// @dev M6: merge is always possible, after expiry and after settlement too.
    function test_merge_worksAfterExpiryAndSettlement() public {
        vm.warp(EXPIRY + 1);
        vm.prank(alice);
        market.merge(id, 10e18, alice);
        _settle(id, 5000e18);
        vm.prank(alice);
        market.merge(id, 40e18, alice);
        assertEq(weth.balanceOf(alice), 50e18);
        assertEq(_series(id).locked, 0);
        assertEq(_p(id).totalSupply(), 0);
    }

    function test_merge_noReturnTokenWorks() public {
        NoReturnToken token = new NoReturnToken("Tether", "USDT", 6);
        bytes32 tid = _create(address(token));
        _fund(token, bob, address(market), 9e6);
        vm.startPrank(bob);
        market.split(tid, 9e6, bob);
        market.merge(tid, 9e6, carol);
        vm.stopPrank();
        assertEq(token.balanceOf(carol), 9e6);
        assertEq(_series(tid).locked, 0);
    }

    function test_merge_sixDecimalCollateral() public {
        bytes32 id6 = _create(address(usdc));
        _split(id6, bob, 1e6);
        vm.prank(bob);
        market.merge(id6, 1e6, bob);
        assertEq(usdc.balanceOf(bob), 1e6);
        assertEq(_series(id6).locked, 0);
    }

    function test_merge_revertsWhen_unknownSeries() public {
        bytes32 unknown = keccak256("unknown");
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.UnknownSeries.selector, unknown));
        market.merge(unknown, 0, address(0));
    }

    function test_merge_revertsWhen_zeroAmount() public {
        vm.expectRevert(ISplitMarket.ZeroAmount.selector);
        market.merge(id, 0, address(0));
    }

    function test_merge_revertsWhen_recipientIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.InvalidRecipient.selector, address(0)));
        vm.prank(alice);
        market.merge(id, 1, address(0));
    }

    function test_merge_revertsWhen_shortOfP() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 50e18, 50e18 + 1));
        vm.prank(alice);
        market.merge(id, 50e18 + 1, alice);
    }

    /// @dev P is burned first, so a shortfall of N is reported by the N token after P passed.
    function test_merge_revertsWhen_shortOfN() public {
        IERC20 n = _n(id);
        vm.prank(alice);
        n.transfer(bob, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 50e18 - 1, 50e18));
        vm.prank(alice);
        market.merge(id, 50e18, alice);
        assertEq(_p(id).balanceOf(alice), 50e18);
    }

    function test_merge_cannotSpendAnotherHoldersClaims() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, bob, 0, 1));
        vm.prank(bob);
        market.merge(id, 1, bob);
    }
}
