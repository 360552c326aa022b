// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";
import {ReturnsFalseToken} from "../../../contracts/test-mocks/ReturnsFalseToken.sol";
import {ZeroRevertToken} from "../../../contracts/test-mocks/ZeroRevertToken.sol";
import {ApprovalRaceToken} from "../../../contracts/test-mocks/ApprovalRaceToken.sol";
import {PausableToken} from "../../../contracts/test-mocks/PausableToken.sol";
import {BlockListToken} from "../../../contracts/test-mocks/BlockListToken.sol";
import {RawSymbolToken} from "../../../contracts/test-mocks/RawSymbolToken.sol";
import {FeeOnTransferToken} from "../../../contracts/test-mocks/FeeOnTransferToken.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice The market's decision for each weird-ERC20 kind (docs/collateral.md): the mocks' own
///         behaviour, then what split, merge and redeem do with each as collateral.
contract WeirdCollateralTest is Fixture {
    // ---- the mocks on their own ----

    function test_returnsFalse_shortBalanceOrAllowanceReturnsFalseAndMovesNothing() public {
        ReturnsFalseToken t = new ReturnsFalseToken("RF", "RF", 0);
        t.mint(alice, 10);
        vm.prank(alice);
        assertFalse(t.transfer(bob, 11));
        vm.prank(bob);
        assertFalse(t.transferFrom(alice, bob, 1));
        assertEq(t.balanceOf(alice), 10);
        vm.prank(alice);
        assertTrue(t.transfer(bob, 10));
        assertEq(t.balanceOf(bob), 10);
    }

    function test_zeroRevert_refusesZeroTransfers() public {
        ZeroRevertToken t = new ZeroRevertToken("Z", "Z", 2);
        vm.expectRevert(ZeroRevertToken.ZeroValueTransfer.selector);
        t.transfer(bob, 0);
        vm.expectRevert(ZeroRevertToken.ZeroValueTransfer.selector);
        t.transferFrom(alice, bob, 0);
    }

    function test_approvalRace_refusesNonZeroOverNonZero() public {
        ApprovalRaceToken t = new ApprovalRaceToken("R", "R", 24);
        vm.startPrank(alice);
        t.approve(bob, 5);
        vm.expectRevert(abi.encodeWithSelector(ApprovalRaceToken.ApprovalFromNonZero.selector, 5));
        t.approve(bob, 6);
        t.approve(bob, 0);
        t.approve(bob, 6);
        vm.stopPrank();
        assertEq(t.allowance(alice, bob), 6);
    }

    // ---- as collateral ----

    /// @dev No revert on failure: SafeERC20 turns the false into SafeERC20FailedOperation(token).
    function test_split_returnsFalseCollateral_refusedWithSafeERC20FailedOperation() public {
        ReturnsFalseToken t = new ReturnsFalseToken("RF", "RF", 0);
        bytes32 id = _create(address(t));
        _split(id, alice, 10);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(t)));
        market.split(id, 1, alice);
        assertEq(_series(id).locked, 10);
    }

    /// @dev Fee on transfer: refused at split, which measures what arrived.
    function test_split_feeOnTransferCollateral_refusedWithCollateralShortfall() public {
        FeeOnTransferToken t = new FeeOnTransferToken("F", "F", 18);
        bytes32 id = _create(address(t));
        _fund(MockERC20(address(t)), alice, address(market), 100);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.CollateralShortfall.selector, address(t), 100, 99));
        market.split(id, 100, alice);
    }

    /// @dev The market never moves zero: a redeem that pays nothing skips the transfer.
    function test_redeem_zeroRevertCollateral_zeroPayoutSucceeds() public {
        ZeroRevertToken t = new ZeroRevertToken("Z", "Z", 2);
        bytes32 id = _create(address(t));
        _split(id, alice, 100);
        _settle(id, STRIKE / 2); // x <= S: N pays nothing
        vm.prank(alice);
        assertEq(market.redeem(id, 0, 100, alice), 0);
        vm.prank(alice);
        assertEq(market.redeem(id, 100, 0, alice), 100);
        assertEq(t.balanceOf(alice), 100);
    }

    function test_pausedCollateral_splitAndMergeRevertUntilUnpaused() public {
        PausableToken t = new PausableToken("P", "P", 6);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e6);
        t.setPaused(true);
        vm.startPrank(alice);
        vm.expectRevert(PausableToken.TokenPaused.selector);
        market.split(id, 1, alice);
        vm.expectRevert(PausableToken.TokenPaused.selector);
        market.merge(id, 1e6, alice);
        vm.stopPrank();
        t.setPaused(false);
        vm.prank(alice);
        market.merge(id, 1e6, alice);
        assertEq(t.balanceOf(alice), 1e6);
    }

    function test_blockedMarket_freezesItsSeries_blockedHolderExitsElsewhere() public {
        BlockListToken t = new BlockListToken("B", "B", 18);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e18);
        t.setBlocked(address(market), true);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(BlockListToken.AccountBlocked.selector, address(market)));
        market.merge(id, 1, alice);
        t.setBlocked(address(market), false);
        t.setBlocked(alice, true);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(BlockListToken.AccountBlocked.selector, alice));
        market.merge(id, 1, alice);
        market.merge(id, 1e18, bob);
        vm.stopPrank();
        assertEq(t.balanceOf(bob), 1e18);
    }

    /// @dev A bytes32 symbol (MKR), an offset of 64 and an empty string all name the claims COLL.
    function test_createSeries_malformedSymbols_nameClaimsColl() public {
        bytes[3] memory data = [
            abi.encodePacked(bytes32("MKR")),
            abi.encodePacked(uint256(64), uint256(0), uint256(4), bytes32("SKEW")),
            abi.encode("")
        ];
        for (uint256 i; i < data.length; ++i) {
            RawSymbolToken t = new RawSymbolToken("Raw", data[i], 18);
            bytes32 id = _create(address(t));
            assertEq(_p(id).symbol(), "P-COLL-2000-1702592000");
        }
    }

    function test_createSeries_decimals255_copiedToClaims() public {
        MockERC20 t = new MockERC20("High", "HI", 255);
        bytes32 id = _create(address(t));
        assertEq(_p(id).decimals(), 255);
        assertEq(_n(id).decimals(), 255);
    }
}
