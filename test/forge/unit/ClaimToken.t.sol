// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ClaimToken} from "../../../contracts/ClaimToken.sol";

contract ClaimTokenTest is Test {
    ClaimToken internal token;
    address internal market = makeAddr("market");
    address internal alice = makeAddr("alice");

    function setUp() public {
        vm.prank(market);
        token = new ClaimToken("cliffless P WETH strike 1 expiry 2", "P-WETH-1-2", 6);
    }

    function test_constructor_setsMetadataAndMarket() public view {
        assertEq(token.name(), "cliffless P WETH strike 1 expiry 2");
        assertEq(token.symbol(), "P-WETH-1-2");
        assertEq(token.decimals(), 6);
        assertEq(token.market(), market);
        assertEq(token.totalSupply(), 0);
    }

    function test_mint_byMarket() public {
        vm.expectEmit(address(token));
        emit IERC20.Transfer(address(0), alice, 5);
        vm.prank(market);
        token.mint(alice, 5);
        assertEq(token.balanceOf(alice), 5);
        assertEq(token.totalSupply(), 5);
    }

    function test_burn_byMarketNeedsNoAllowance() public {
        vm.startPrank(market);
        token.mint(alice, 5);
        vm.expectEmit(address(token));
        emit IERC20.Transfer(alice, address(0), 2);
        token.burn(alice, 2);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 3);
        assertEq(token.totalSupply(), 3);
    }

    function test_mint_revertsWhen_callerIsNotMarket() public {
        vm.expectRevert(abi.encodeWithSelector(ClaimToken.OnlyMarket.selector, alice));
        vm.prank(alice);
        token.mint(alice, 1);
    }

    function test_burn_revertsWhen_callerIsNotMarket() public {
        vm.prank(market);
        token.mint(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(ClaimToken.OnlyMarket.selector, alice));
        vm.prank(alice);
        token.burn(alice, 1);
    }

    function test_burn_revertsWhen_balanceShort() public {
        vm.startPrank(market);
        token.mint(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 1, 2));
        token.burn(alice, 2);
        vm.stopPrank();
    }

    function test_mint_revertsWhen_recipientIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        vm.prank(market);
        token.mint(address(0), 1);
    }

    function test_transfer_isPlainERC20() public {
        vm.prank(market);
        token.mint(alice, 4);
        vm.prank(alice);
        assertTrue(token.transfer(market, 3));
        assertEq(token.balanceOf(market), 3);
    }
}
