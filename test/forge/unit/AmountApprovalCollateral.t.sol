// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Uint96Token} from "../../../contracts/test-mocks/Uint96Token.sol";
import {ZeroApprovalRevertToken} from "../../../contracts/test-mocks/ZeroApprovalRevertToken.sol";
import {SelfTransferFromToken} from "../../../contracts/test-mocks/SelfTransferFromToken.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice The uint96 (UNI, COMP), zero-approval (BNB) and self-transferFrom (DSToken) kinds of
///         docs/collateral.md: the mocks' own rules, then what split and merge do with each.
contract AmountApprovalCollateralTest is Fixture {
    uint256 internal constant MAX96 = type(uint96).max;

    function test_uint96_refusesAmountsAbove96Bits_approveMaxIsInfinite96() public {
        Uint96Token t = new Uint96Token("U", "U", 18);
        t.mint(alice, 10);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(Uint96Token.AmountExceedsUint96.selector, MAX96 + 1));
        t.transfer(bob, MAX96 + 1);
        vm.expectRevert(abi.encodeWithSelector(Uint96Token.AmountExceedsUint96.selector, MAX96 + 1));
        t.approve(bob, MAX96 + 1);
        t.approve(bob, type(uint256).max);
        vm.stopPrank();
        assertEq(t.allowance(alice, bob), MAX96);
        vm.prank(bob);
        t.transferFrom(alice, bob, 4);
        assertEq(t.allowance(alice, bob), MAX96, "an allowance of 2^96 - 1 is never spent");
    }

    /// @dev The token's refusal bubbles up through SafeERC20 unchanged.
    function test_split_uint96Collateral_amountAbove96BitsRevertsWithTheTokensError() public {
        Uint96Token t = new Uint96Token("U", "U", 18);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Uint96Token.AmountExceedsUint96.selector, MAX96 + 1));
        market.split(id, MAX96 + 1, alice);
        vm.prank(alice);
        market.merge(id, 1e18, alice);
        assertEq(t.balanceOf(alice), 1e18);
    }

    function test_zeroApproval_refused_marketNeverApproves() public {
        ZeroApprovalRevertToken t = new ZeroApprovalRevertToken("Z", "Z", 18);
        vm.prank(alice);
        vm.expectRevert(ZeroApprovalRevertToken.ZeroValueApproval.selector);
        t.approve(bob, 0);
        bytes32 id = _create(address(t));
        _split(id, alice, 1e18);
        vm.prank(alice);
        market.merge(id, 1e18, alice);
        assertEq(t.balanceOf(alice), 1e18);
    }

    function test_selfTransferFrom_sourceNeedsNoAllowance_othersDo() public {
        SelfTransferFromToken t = new SelfTransferFromToken("S", "S", 18);
        t.mint(alice, 10);
        vm.prank(alice);
        t.transferFrom(alice, bob, 3);
        assertEq(t.balanceOf(bob), 3);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, 1));
        t.transferFrom(alice, bob, 1);
        bytes32 id = _create(address(t));
        _split(id, carol, 100);
        assertEq(t.allowance(carol, address(market)), type(uint256).max);
        vm.prank(carol);
        market.merge(id, 100, carol);
        assertEq(t.balanceOf(carol), 100);
    }
}
