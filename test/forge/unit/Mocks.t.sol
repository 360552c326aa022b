// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {NoReturnToken} from "../../../contracts/test-mocks/NoReturnToken.sol";
import {FeeOnTransferToken} from "../../../contracts/test-mocks/FeeOnTransferToken.sol";
import {CallbackToken} from "../../../contracts/test-mocks/CallbackToken.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";

/// @dev A callback target that reverts with a custom error, or with no data at all.
contract Reverter {
    error Boom(uint256 code);

    function boom() external pure {
        revert Boom(7);
    }

    function silent() external pure {
        revert();
    }
}

/// @notice The mocks' quirks, which the TypeScript model mirrors exactly.
contract MocksTest is Test {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function test_mockERC20_faucetAndDecimals() public {
        MockERC20 token = new MockERC20("Mock", "MCK", 6);
        vm.expectEmit(address(token));
        emit IERC20.Transfer(address(0), alice, 3);
        vm.prank(bob);
        token.mint(alice, 3);
        assertEq(token.balanceOf(alice), 3);
        assertEq(token.decimals(), 6);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        token.mint(address(0), 1);
    }

    function test_noReturnToken_returnsNoDataButMovesTokens() public {
        NoReturnToken token = new NoReturnToken("No", "NO", 6);
        token.mint(alice, 10);
        vm.prank(alice);
        (bool ok, bytes memory ret) = address(token).call(abi.encodeCall(IERC20.approve, (bob, 5)));
        assertTrue(ok);
        assertEq(ret.length, 0);
        vm.prank(bob);
        (ok, ret) = address(token).call(abi.encodeCall(IERC20.transferFrom, (alice, bob, 5)));
        assertTrue(ok);
        assertEq(ret.length, 0);
        vm.prank(alice);
        (ok, ret) = address(token).call(abi.encodeCall(IERC20.transfer, (bob, 4)));
        assertTrue(ok);
        assertEq(ret.length, 0);
        assertEq(token.balanceOf(bob), 9);
        assertEq(token.allowance(alice, bob), 0);
    }

    function test_noReturnToken_keepsOpenZeppelinErrors() public {
        NoReturnToken token = new NoReturnToken("No", "NO", 6);
        token.mint(alice, 1);
        vm.prank(alice);
        (bool ok, bytes memory ret) = address(token).call(abi.encodeCall(IERC20.transfer, (bob, 2)));
        assertFalse(ok);
        assertEq(ret, abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 1, 2));
    }

    function test_feeOnTransfer_burnsCeilOnePercent() public {
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18);
        token.mint(alice, 1000);
        vm.expectEmit(address(token));
        emit IERC20.Transfer(alice, bob, 247);
        vm.expectEmit(address(token));
        emit IERC20.Transfer(alice, address(0), 3);
        vm.prank(alice);
        token.transfer(bob, 250);
        assertEq(token.balanceOf(alice), 750);
        assertEq(token.balanceOf(bob), 247);
        assertEq(token.totalSupply(), 997);
    }

    function test_feeOnTransfer_zeroTransferChargesNothing() public {
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18);
        vm.recordLogs();
        vm.prank(alice);
        token.transfer(bob, 0);
        assertEq(vm.getRecordedLogs().length, 1);
    }

    function test_feeOnTransfer_shortBalanceRevertsWithFullValue() public {
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18);
        token.mint(alice, 100);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 100, 101));
        vm.prank(alice);
        token.transfer(bob, 101);
    }

    function test_feeOnTransfer_transferFromChecksAllowanceFirst() public {
        FeeOnTransferToken token = new FeeOnTransferToken("Fee", "FEE", 18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, 5));
        vm.prank(bob);
        token.transferFrom(alice, bob, 5);
    }

    function test_callbackToken_armedCallsTargetFirstAndBubblesRevert() public {
        CallbackToken token = new CallbackToken("Cb", "CB", 18);
        Reverter target = new Reverter();
        token.mint(address(target), 10);
        vm.prank(alice);
        token.arm(address(target), abi.encodeCall(Reverter.boom, ()));
        assertTrue(token.armed());
        assertEq(token.target(), address(target));
        vm.expectRevert(abi.encodeWithSelector(Reverter.Boom.selector, 7));
        vm.prank(address(target));
        token.transfer(bob, 1);

        token.arm(address(target), abi.encodeCall(Reverter.silent, ()));
        vm.expectRevert(bytes(""));
        vm.prank(address(target));
        token.transfer(bob, 1);
    }

    function test_callbackToken_transferFromByTargetCallsBack() public {
        CallbackToken token = new CallbackToken("Cb", "CB", 18);
        Reverter target = new Reverter();
        token.arm(address(target), abi.encodeCall(Reverter.boom, ()));
        vm.expectRevert(abi.encodeWithSelector(Reverter.Boom.selector, 7));
        vm.prank(address(target));
        token.transferFrom(alice, bob, 1);
    }

    function test_callbackToken_disarmedOrOtherCallerIsPlain() public {
        CallbackToken token = new CallbackToken("Cb", "CB", 18);
        Reverter target = new Reverter();
        token.mint(address(target), 10);
        token.mint(alice, 10);
        token.arm(address(target), abi.encodeCall(Reverter.boom, ()));
        vm.prank(alice);
        token.transfer(bob, 1);
        token.disarm();
        assertFalse(token.armed());
        vm.prank(address(target));
        token.transfer(bob, 1);
        assertEq(token.balanceOf(bob), 2);
    }

    /// @dev A callback that succeeds lets the transfer go ahead; here the target is this test.
    function test_callbackToken_successfulCallbackThenTransfers() public {
        CallbackToken token = new CallbackToken("Cb", "CB", 18);
        token.mint(address(this), 5);
        token.arm(address(this), abi.encodeCall(this.noop, ()));
        token.transfer(bob, 5);
        assertEq(token.balanceOf(bob), 5);
        assertEq(noopCalls, 1);
    }

    uint256 public noopCalls;

    function noop() external {
        ++noopCalls;
    }
}
