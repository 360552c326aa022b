// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {MultiEntryToken} from "../../../contracts/test-mocks/MultiEntryToken.sol";
import {TokenEntryPoint} from "../../../contracts/test-mocks/TokenEntryPoint.sol";
import {PermitFallbackToken} from "../../../contracts/test-mocks/PermitFallbackToken.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice The multiple-address (TUSD) and non-reverting permit (WETH's fallback) kinds of
///         docs/collateral.md: the mocks' own rules, then the market with each as collateral.
contract MultiEntryPermitCollateralTest is Fixture {
    event Transfer(address indexed from, address indexed to, uint256 value);

    MultiEntryToken internal ledger;
    TokenEntryPoint internal entry;

    function setUp() public override {
        super.setUp();
        ledger = new MultiEntryToken("Two Door Dollar", "TDD", 18);
        entry = TokenEntryPoint(ledger.entryPoint());
    }

    function test_multiEntry_bothAddressesMoveOneLedger_theLedgerLogs() public {
        assertEq(address(entry), vm.computeCreateAddress(address(ledger), 1), "deployed by the ledger, first");
        assertEq(address(entry.ledger()), address(ledger));
        assertEq(entry.symbol(), "TDD");
        assertEq(entry.decimals(), 18);
        ledger.mint(alice, 10);
        assertEq(entry.balanceOf(alice), 10);
        vm.expectEmit(address(ledger));
        emit Transfer(alice, bob, 3);
        vm.prank(alice);
        assertTrue(entry.transfer(bob, 3));
        assertEq(ledger.balanceOf(bob), 3);
        assertEq(entry.totalSupply(), ledger.totalSupply());
        // An allowance granted through one address is spent through the other.
        vm.prank(alice);
        ledger.approve(carol, 5);
        assertEq(entry.allowance(alice, carol), 5);
        vm.prank(carol);
        entry.transferFrom(alice, carol, 4);
        assertEq(ledger.allowance(alice, carol), 1);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, carol, 1, 2));
        entry.transferFrom(alice, carol, 2);
        // Only the entry point speaks for a caller.
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(MultiEntryToken.NotEntryPoint.selector, bob));
        ledger.transferVia(alice, bob, 1);
    }

    /// @dev Two series, one on each address: each split credits what the one balance grew by, each
    ///      payout is of its own series' lock, and the market holds exactly what both lock together.
    function test_market_eachAddressAsCollateral_bothSeriesSolventTogether() public {
        bytes32 onLedger = _create(address(ledger));
        bytes32 onEntry = _create(address(entry));
        assertTrue(onLedger != onEntry, "the two addresses give two series");
        ledger.mint(alice, 100);
        ledger.mint(bob, 300);
        vm.prank(alice);
        ledger.approve(address(market), type(uint256).max);
        vm.prank(bob);
        entry.approve(address(market), type(uint256).max);
        vm.prank(alice);
        market.split(onLedger, 100, alice);
        vm.prank(bob);
        market.split(onEntry, 300, bob);
        assertEq(_series(onLedger).locked + _series(onEntry).locked, 400);
        assertEq(ledger.balanceOf(address(market)), 400, "one balance backs both series");
        assertEq(entry.balanceOf(address(market)), 400);
        // A holder of one series cannot take more than that series locks, whatever the ledger holds.
        vm.prank(alice);
        vm.expectRevert();
        market.merge(onLedger, 101, alice);
        vm.prank(bob);
        market.merge(onEntry, 300, bob);
        assertEq(ledger.balanceOf(address(market)), 100);
        assertEq(ledger.balanceOf(bob), 300);
        _settle(onLedger, 2500e18);
        vm.prank(alice);
        market.redeem(onLedger, 100, 100, alice);
        assertEq(ledger.balanceOf(address(market)), 0);
        assertEq(ledger.balanceOf(alice), 100);
    }

    function test_permitFallback_anySignatureAccepted_grantsNothing() public {
        PermitFallbackToken t = new PermitFallbackToken("P", "P", 18);
        IERC20Permit(address(t)).permit(alice, bob, 100, block.timestamp, 27, bytes32(0), bytes32(0));
        assertEq(t.allowance(alice, bob), 0, "the fallback did nothing");
        t.mint(alice, 1);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, 1));
        t.transferFrom(alice, bob, 1);
    }

    /// @dev Every market call on the series, and not one of them reaches permit.
    function test_market_neverCallsPermit() public {
        PermitFallbackToken t = new PermitFallbackToken("P", "P", 18);
        vm.expectCall(address(t), abi.encodeWithSelector(IERC20Permit.permit.selector), 0);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e18);
        vm.prank(alice);
        market.merge(id, 4e17, alice);
        _settle(id, 2500e18);
        vm.prank(alice);
        market.redeem(id, 6e17, 6e17, alice);
        assertEq(t.balanceOf(alice), 1e18);
        assertEq(IERC20(address(t)).balanceOf(address(market)), 0);
    }
}
