// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {OracleFixture} from "./OracleFixture.t.sol";

/// @notice O4: on finalization every bond on the final value returns to its answerer, the rest goes
///         to the last answerer of the final value (or the arbitrator), and credits are withdrawn.
contract SlowOracleCreditsTest is OracleFixture {
    uint256 internal constant B = MIN_BOND;

    /// @dev A(1, B) -> B(2, 2B) -> A(1, 4B).
    function _aba() internal {
        _propose(alice, 1, B);
        _propose(bob, 2, 2 * B);
        _propose(alice, 1, 4 * B);
    }

    function test_credits_abaFinalizedByLiveness() public {
        _aba();
        vm.warp(T + LIVENESS);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, alice, B);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, alice, 4 * B);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, alice, 2 * B);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.Finalized(INDEX, T, 1, false);
        oracle.finalize(INDEX, T);
        assertEq(oracle.credits(alice), 7 * B);
        assertEq(oracle.credits(bob), 0);
        _assertBondsAccounted(_everyone());
    }

    function test_credits_abaArbitratedToB() public {
        _aba();
        _request();
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, bob, 2 * B);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, bob, 5 * B);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.Finalized(INDEX, T, 2, true);
        _arbitrate(2);
        assertEq(oracle.credits(alice), 0);
        assertEq(oracle.credits(bob), 7 * B);
        _assertBondsAccounted(_everyone());
    }

    /// @dev The forfeit goes to the LAST answerer of the final value: carol, not alice.
    function test_credits_forfeitGoesToLastAnswererOfFinalValue() public {
        _propose(alice, 1, B);
        _propose(bob, 2, 2 * B);
        _propose(carol, 1, 4 * B);
        _request();
        _arbitrate(1);
        assertEq(oracle.credits(alice), B);
        assertEq(oracle.credits(carol), 6 * B);
        assertEq(oracle.credits(bob), 0);
        _assertBondsAccounted(_everyone());
    }

    /// @dev Nobody gave the final value: every bond is forfeited to the arbitrator, in one credit.
    function test_credits_arbitratorGetsForfeitsWhenNobodyGaveFinalValue() public {
        _aba();
        _request();
        vm.recordLogs();
        _arbitrate(3);
        assertEq(vm.getRecordedLogs().length, 2); // one BondCredited, then Finalized
        assertEq(oracle.credits(arbitrator), 7 * B);
        assertEq(oracle.credits(alice), 0);
        assertEq(oracle.credits(bob), 0);
        _assertBondsAccounted(_everyone());
    }

    /// @dev A single undisputed answer: its bond comes back and nothing is forfeited (one credit).
    function test_credits_undisputedAnswerGetsBondBack() public {
        _propose(alice, 1, B);
        vm.warp(T + LIVENESS);
        vm.recordLogs();
        oracle.finalize(INDEX, T);
        assertEq(vm.getRecordedLogs().length, 2); // BondCredited(alice, B), Finalized
        assertEq(oracle.credits(alice), B);
    }

    function test_withdraw_paysAllCredit() public {
        _aba();
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T);
        vm.expectEmit(address(bond));
        emit IERC20.Transfer(address(oracle), alice, 7 * B);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.Withdrawn(alice, 7 * B);
        vm.prank(alice);
        assertEq(oracle.withdraw(), 7 * B);
        assertEq(oracle.credits(alice), 0);
        assertEq(bond.balanceOf(alice), FUNDS + 2 * B);
        assertEq(bond.balanceOf(bob), FUNDS - 2 * B);
        assertEq(bond.balanceOf(address(oracle)), 0);
    }

    function test_withdraw_accumulatesAcrossQuestions() public {
        _propose(alice, 1, B);
        vm.prank(alice);
        oracle.propose(INDEX, T - 1, 1, 3 * B);
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T);
        oracle.finalize(INDEX, T - 1);
        vm.prank(alice);
        assertEq(oracle.withdraw(), 4 * B);
    }

    function test_withdraw_revertsWhen_nothingToWithdraw() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NothingToWithdraw.selector, bob));
        vm.prank(bob);
        oracle.withdraw();
        _aba();
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NothingToWithdraw.selector, bob));
        vm.prank(bob);
        oracle.withdraw();
        vm.prank(alice);
        oracle.withdraw();
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NothingToWithdraw.selector, alice));
        vm.prank(alice);
        oracle.withdraw();
    }
}
