// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {CallbackToken} from "../../../contracts/test-mocks/CallbackToken.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice A collateral that calls back into the market mid-transfer: every guarded entry point
///         reverts with ReentrancyGuardReentrantCall and leaves no trace.
contract SplitMarketReentrancyTest is Fixture {
    CallbackToken internal cb;
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        cb = new CallbackToken("Callback", "CB", 18);
        id = _create(address(cb));
        _fund(MockERC20(address(cb)), alice, address(market), 100e18);
        vm.prank(alice);
        market.split(id, 40e18, alice);
    }

    /// @dev The harness's arming: any market-initiated transfer calls market.settle(0).
    function _arm() internal {
        cb.arm(address(market), abi.encodeCall(ISplitMarket.settle, (bytes32(0))));
    }

    function _assertUnchanged() internal view {
        assertEq(cb.balanceOf(alice), 60e18);
        assertEq(cb.balanceOf(address(market)), 40e18);
        assertEq(_p(id).balanceOf(alice), 40e18);
        assertEq(_n(id).balanceOf(alice), 40e18);
        assertEq(_series(id).locked, 40e18);
    }

    function test_split_revertsWhen_collateralReenters() public {
        _arm();
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        market.split(id, 1e18, alice);
        _assertUnchanged();
    }

    function test_merge_revertsWhen_collateralReenters() public {
        _arm();
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        market.merge(id, 1e18, alice);
        _assertUnchanged();
    }

    function test_redeem_revertsWhen_collateralReenters() public {
        _settle(id, 2500e18);
        _arm();
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        market.redeem(id, 1e18, 1e18, alice);
        _assertUnchanged();
    }

    /// @dev A zero payout makes no transfer, so nothing calls back: the redeem goes through.
    function test_redeem_zeroPayoutUnaffectedByArmedToken() public {
        _settle(id, 1000e18);
        _arm();
        vm.prank(alice);
        assertEq(market.redeem(id, 0, 40e18, alice), 0);
        assertEq(_n(id).balanceOf(alice), 0);
    }

    /// @dev The guard, not the callee's own checks, stops a re-entry that would otherwise succeed.
    function test_split_reentrantSettleOfRealSeriesBlocked() public {
        _finalizeOracle(2500e18);
        cb.arm(address(market), abi.encodeCall(ISplitMarket.settle, (id)));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        market.split(id, 1e18, alice);
        assertFalse(_series(id).settled);
    }

    function test_disarm_restoresPlainBehaviour() public {
        _arm();
        cb.disarm();
        vm.prank(alice);
        market.merge(id, 40e18, alice);
        assertEq(cb.balanceOf(alice), 100e18);
    }

    /// @dev Transfers not made by the target never call back.
    function test_armedToken_userTransfersUnaffected() public {
        _arm();
        vm.prank(alice);
        cb.transfer(bob, 1e18);
        assertEq(cb.balanceOf(bob), 1e18);
    }
}
