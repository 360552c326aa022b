// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";
import {NativeCurrencyToken} from "../../../contracts/test-mocks/NativeCurrencyToken.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice The ERC-20 of the native currency (POL at 0x...1010) of docs/collateral.md: balances are
///         native balances, which change outside `transfer`; nobody can move another's, so the
///         market's `split` (a `transferFrom`) is refused by the token itself, and the market, which
///         has no payable function, can never hold any.
contract NativeCurrencyCollateralTest is Fixture {
    NativeCurrencyToken internal pol;

    function setUp() public override {
        super.setUp();
        pol = new NativeCurrencyToken("Polygon Ecosystem Token", "POL", 18);
        vm.deal(alice, 5 ether);
    }

    /// @dev A plain value transfer moves the token's balances with no Transfer log.
    function testFuzz_balanceOf_isTheNativeBalance_movedOutsideTransfer(uint256 amount) public {
        amount = bound(amount, 0, 5 ether);
        assertEq(pol.balanceOf(alice), 5 ether);
        vm.recordLogs();
        vm.prank(alice);
        (bool sent,) = payable(bob).call{value: amount}("");
        assertTrue(sent);
        assertEq(vm.getRecordedLogs().length, 0, "no Transfer");
        assertEq(pol.balanceOf(alice), 5 ether - amount);
        assertEq(pol.balanceOf(bob), amount);
    }

    function test_transfer_movesExactlyTheValueSent() public {
        vm.expectEmit(address(pol));
        emit NativeCurrencyToken.Transfer(alice, bob, 2);
        vm.prank(alice);
        assertTrue(pol.transfer{value: 2}(bob, 2));
        assertEq(pol.balanceOf(bob), 2);
        assertEq(pol.balanceOf(address(pol)), 0);
    }

    function test_transfer_withoutTheValue_returnsFalse_movesNothing() public {
        vm.prank(alice);
        assertFalse(pol.transfer(bob, 2));
        assertEq(pol.balanceOf(alice), 5 ether);
        assertEq(pol.balanceOf(bob), 0);
    }

    function test_approveAndTransferFrom_disabled() public {
        vm.prank(alice);
        vm.expectRevert(NativeCurrencyToken.FeatureDisabled.selector);
        pol.approve(address(market), 1);
        vm.prank(address(market));
        vm.expectRevert(NativeCurrencyToken.FeatureDisabled.selector);
        pol.transferFrom(alice, address(market), 1);
        assertEq(pol.allowance(alice, address(market)), 0);
    }

    /// @dev createSeries accepts it (metadata is read as for any token); every split is refused
    ///      with the token's own error, so no series on it ever locks anything.
    function test_split_nativeCollateral_refusedByTheToken() public {
        bytes32 id = _create(address(pol));
        assertEq(_series(id).collateral, address(pol));
        vm.prank(alice);
        vm.expectRevert(NativeCurrencyToken.FeatureDisabled.selector);
        market.split(id, 1, alice);
        assertEq(_series(id).locked, 0);
    }

    /// @dev The market has no payable function and no `receive`: neither `transfer` nor a plain
    ///      value transfer can donate native currency to it.
    function test_market_refusesNativeCurrency() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(NativeCurrencyToken.NativeTransferFailed.selector, address(market)));
        pol.transfer{value: 1}(address(market), 1);
        vm.prank(alice);
        (bool sent,) = payable(address(market)).call{value: 1}("");
        assertFalse(sent);
        assertEq(pol.balanceOf(address(market)), 0);
    }
}
