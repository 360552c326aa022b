// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {NoReturnToken} from "../../../contracts/test-mocks/NoReturnToken.sol";
import {Fixture} from "./Fixture.t.sol";

contract SplitMarketRedeemTest is Fixture {
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        id = _create(address(weth));
        _split(id, alice, 10e18);
    }

    /// @dev x > S: P pays S/x = 0.8, N pays 0.2 per claim.
    function test_redeem_aboveStrikePaysBothSides() public {
        _settle(id, 2500e18);
        vm.prank(alice);
        uint256 payout = market.redeem(id, 10e18, 10e18, bob);
        assertEq(payout, 10e18);
        assertEq(weth.balanceOf(bob), 10e18);
        assertEq(_series(id).locked, 0);
        assertEq(_p(id).totalSupply(), 0);
        assertEq(_n(id).totalSupply(), 0);
    }

    function test_redeem_sidesSeparately() public {
        _settle(id, 2500e18);
        vm.startPrank(alice);
        assertEq(market.redeem(id, 10e18, 0, alice), 8e18);
        assertEq(market.redeem(id, 0, 4e18, alice), 0.8e18);
        vm.stopPrank();
        assertEq(_series(id).locked, 1.2e18);
        assertEq(_n(id).balanceOf(alice), 6e18);
    }

    /// @dev x <= S: P pays in full, N nothing; x == S is the boundary.
    function test_redeem_atOrBelowStrikePaysPInFull() public {
        _settle(id, STRIKE);
        vm.prank(alice);
        assertEq(market.redeem(id, 3e18, 3e18, alice), 3e18);
        assertEq(_series(id).locked, 7e18);
    }

    function test_redeem_zeroPricePaysPInFull() public {
        _settle(id, 0);
        vm.prank(alice);
        assertEq(market.redeem(id, 10e18, 0, alice), 10e18);
    }

    /// @dev Each redeem rounds down on its own; the dust stays in `locked` (M3).
    function test_redeem_roundingDustStaysLocked() public {
        bytes32 dusty = market.createSeries(address(weth), address(oracle), INDEX, 1e18, EXPIRY);
        _split(dusty, bob, 1);
        _settle(dusty, 2e18);
        vm.prank(bob);
        assertEq(market.redeem(dusty, 1, 1, bob), 0); // floor(1/2) + floor(1/2)
        assertEq(_series(dusty).locked, 1);
        assertEq(weth.balanceOf(address(market)), 10e18 + 1);
    }

    /// @dev Logs, in order: P burn, N burn (a zero one included), collateral out, then Redeemed.
    function test_redeem_emitsBurnsTransferThenRedeemed() public {
        _settle(id, 2500e18);
        vm.expectEmit(address(_p(id)));
        emit IERC20.Transfer(alice, address(0), 5e18);
        vm.expectEmit(address(_n(id)));
        emit IERC20.Transfer(alice, address(0), 0);
        vm.expectEmit(address(weth));
        emit IERC20.Transfer(address(market), bob, 4e18);
        vm.expectEmit(address(market));
        emit ISplitMarket.Redeemed(id, alice, bob, 5e18, 0, 4e18);
        vm.prank(alice);
        market.redeem(id, 5e18, 0, bob);
    }

    /// @dev A zero payout moves no collateral: exactly the two burns and Redeemed are logged.
    function test_redeem_zeroPayoutSkipsTransfer() public {
        _settle(id, 1000e18);
        vm.recordLogs();
        vm.prank(alice);
        assertEq(market.redeem(id, 0, 10e18, bob), 0);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 3);
        assertEq(logs[0].emitter, address(_p(id)));
        assertEq(logs[1].emitter, address(_n(id)));
        assertEq(logs[2].emitter, address(market));
        assertEq(logs[2].topics[0], ISplitMarket.Redeemed.selector);
        assertEq(weth.balanceOf(bob), 0);
        assertEq(_series(id).locked, 10e18);
    }

    function test_redeem_noReturnTokenWorks() public {
        NoReturnToken token = new NoReturnToken("Tether", "USDT", 6);
        bytes32 tid = _create(address(token));
        _fund(token, bob, address(market), 4e6);
        vm.prank(bob);
        market.split(tid, 4e6, bob);
        _settle(tid, 4000e18);
        vm.prank(bob);
        assertEq(market.redeem(tid, 4e6, 4e6, carol), 4e6);
        assertEq(token.balanceOf(carol), 4e6);
    }

    function test_redeem_sixDecimalCollateral() public {
        bytes32 id6 = _create(address(usdc));
        _split(id6, bob, 3e6);
        _settle(id6, 3000e18);
        vm.startPrank(bob);
        assertEq(market.redeem(id6, 3e6, 0, bob), 2e6);
        assertEq(market.redeem(id6, 0, 3e6, bob), 1e6);
        vm.stopPrank();
        assertEq(usdc.balanceOf(bob), 3e6);
    }

    function test_redeem_revertsWhen_unknownSeries() public {
        bytes32 unknown = keccak256("unknown");
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.UnknownSeries.selector, unknown));
        market.redeem(unknown, 0, 0, address(0));
    }

    function test_redeem_revertsWhen_notSettled() public {
        vm.warp(EXPIRY + 1);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.NotSettled.selector, id));
        market.redeem(id, 0, 0, address(0));
    }

    function test_redeem_revertsWhen_bothAmountsZero() public {
        _settle(id, 2500e18);
        vm.expectRevert(ISplitMarket.ZeroAmount.selector);
        market.redeem(id, 0, 0, address(0));
    }

    function test_redeem_revertsWhen_recipientIsZero() public {
        _settle(id, 2500e18);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.InvalidRecipient.selector, address(0)));
        vm.prank(alice);
        market.redeem(id, 1, 0, address(0));
    }

    function test_redeem_revertsWhen_shortOfP() public {
        _settle(id, 2500e18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, bob, 0, 1));
        vm.prank(bob);
        market.redeem(id, 1, 1, bob);
    }

    function test_redeem_revertsWhen_shortOfN() public {
        _settle(id, 2500e18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 10e18, 10e18 + 1));
        vm.prank(alice);
        market.redeem(id, 1, 10e18 + 1, alice);
    }
}
