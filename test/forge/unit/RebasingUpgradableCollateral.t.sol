// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";
import {RebasingToken} from "../../../contracts/test-mocks/RebasingToken.sol";
import {UpgradableToken} from "../../../contracts/test-mocks/UpgradableToken.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice Collateral that its admin changes mid-life (docs/collateral.md): a rebasing token (a rise
///         is a donation the market keeps; a fall is unsupported and leaves the market short) and an
///         upgradable token (each version it switches to is handled as that kind's row).
contract RebasingUpgradableCollateralTest is Fixture {
    // ---- the mocks on their own ----

    function test_rebasing_rebaseScalesEveryBalance_transfersStayExact() public {
        RebasingToken t = new RebasingToken("R", "R", 18);
        t.mint(alice, 1e18);
        t.rebase(12_500); // +25%: 1e12 -> 8e11 shares per unit
        assertEq(t.sharesPerToken(), 8e11);
        assertEq(t.balanceOf(alice), 1.25e18);
        assertEq(t.totalSupply(), 1.25e18);
        vm.prank(alice);
        t.transfer(bob, 3);
        assertEq(t.balanceOf(bob), 3);
        assertEq(t.balanceOf(alice), 1.25e18 - 3);
        vm.expectRevert(abi.encodeWithSelector(RebasingToken.InvalidRebase.selector, 0));
        t.rebase(0);
        vm.expectRevert(abi.encodeWithSelector(RebasingToken.InvalidRebase.selector, 1e17));
        t.rebase(1e17); // 8e11 * 1e4 / 1e17 rounds to 0 shares per unit
    }

    function test_upgradable_switchesRulesKeepingBalances() public {
        UpgradableToken proxy = new UpgradableToken("U", "U", 6);
        MockERC20 t = MockERC20(address(proxy));
        t.mint(alice, 1000);
        assertEq(t.decimals(), 6);
        address fee = vm.computeCreateAddress(address(proxy), 2);
        vm.expectEmit(address(proxy));
        emit UpgradableToken.VersionSet(1);
        proxy.upgradeTo(1);
        assertEq(proxy.implementation(), fee);
        vm.prank(alice);
        t.transfer(bob, 100); // 1 burned
        assertEq(t.balanceOf(bob), 99);
        assertEq(t.balanceOf(alice), 900);
        proxy.upgradeTo(2);
        vm.prank(bob);
        assertFalse(t.transfer(alice, 100));
        vm.expectRevert(abi.encodeWithSelector(UpgradableToken.UnknownVersion.selector, 3));
        proxy.upgradeTo(3);
        proxy.upgradeTo(0);
        vm.prank(bob);
        t.transfer(alice, 99);
        assertEq(t.balanceOf(alice), 999);
        assertEq(t.totalSupply(), 999);
    }

    // ---- as collateral ----

    /// @dev A rise is a donation: the market keeps it and pays exactly what was locked.
    function test_rebasingCollateral_rebaseUp_marketKeepsTheGrowth() public {
        RebasingToken t = new RebasingToken("R", "R", 18);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e18);
        t.rebase(12_500);
        assertEq(t.balanceOf(address(market)), 1.25e18);
        vm.prank(alice);
        market.merge(id, 1e18, alice);
        assertEq(t.balanceOf(address(market)), 0.25e18);
        assertEq(_series(id).locked, 0);
    }

    /// @dev A fall is unsupported: the market then holds less than it locked, and the last merge fails.
    function test_rebasingCollateral_rebaseDown_leavesTheMarketShort() public {
        RebasingToken t = new RebasingToken("R", "R", 18);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e18);
        t.rebase(8000);
        assertEq(t.balanceOf(address(market)), 0.8e18);
        assertEq(_series(id).locked, 1e18);
        vm.startPrank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, address(market), 0.8e18, 1e18)
        );
        market.merge(id, 1e18, alice);
        market.merge(id, 0.8e18, alice);
        vm.stopPrank();
        assertEq(_series(id).locked, 0.2e18);
    }

    /// @dev Upgraded to fee on transfer: split refuses what falls short; a merge pays the holder less
    ///      the fee; back at plain, everything is exact again.
    function test_upgradableCollateral_feeVersion_refusedAtSplit_mergePaysLessTheFee() public {
        UpgradableToken proxy = new UpgradableToken("U", "U", 6);
        MockERC20 t = MockERC20(address(proxy));
        bytes32 id = _create(address(t));
        _split(id, alice, 1e6);
        t.mint(alice, 100); // for the split the fee version refuses
        uint256 before = t.balanceOf(alice);
        proxy.upgradeTo(1);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.CollateralShortfall.selector, address(t), 100, 99));
        market.split(id, 100, alice);
        market.merge(id, 0.5e6, alice);
        vm.stopPrank();
        assertEq(t.balanceOf(alice), before + 0.495e6);
        assertEq(t.balanceOf(address(market)), 0.5e6);
        proxy.upgradeTo(0);
        vm.prank(alice);
        market.merge(id, 0.5e6, alice);
        assertEq(t.balanceOf(alice), before + 0.995e6);
    }
}
