// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {OracleFixture} from "./OracleFixture.t.sol";

contract SlowOracleFinalizeTest is OracleFixture {
    /// @dev O2/O5: final exactly `liveness` after the last answer, by anyone.
    function test_finalize_afterLivenessMakesLastAnswerFinal() public {
        _propose(alice, 1, MIN_BOND);
        _propose(bob, 2, 2 * MIN_BOND);
        vm.warp(T + LIVENESS);
        vm.prank(carol);
        assertEq(oracle.finalize(INDEX, T), 2);

        ISlowOracle.QuestionInfo memory q = _question();
        assertTrue(q.finalized);
        assertEq(q.finalValue, 2);
        (bool isFinal, uint256 value) = oracle.finalValue(INDEX, T);
        assertTrue(isFinal);
        assertEq(value, 2);
    }

    /// @dev Logs: bob's own bond back, then alice's forfeited bond to bob, then Finalized.
    function test_finalize_emitsCreditsThenFinalized() public {
        _propose(alice, 1, MIN_BOND);
        _propose(bob, 2, 2 * MIN_BOND);
        vm.warp(T + LIVENESS);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, bob, 2 * MIN_BOND);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.BondCredited(INDEX, T, bob, MIN_BOND);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.Finalized(INDEX, T, 2, false);
        oracle.finalize(INDEX, T);
    }

    function test_finalize_zeroValueIsFinal() public {
        _propose(alice, 0, MIN_BOND);
        vm.warp(T + LIVENESS);
        assertEq(oracle.finalize(INDEX, T), 0);
        (bool isFinal, uint256 value) = oracle.finalValue(INDEX, T);
        assertTrue(isFinal);
        assertEq(value, 0);
    }

    /// @dev O2: the final value never changes after.
    function test_finalize_revertsWhen_alreadyFinalized() public {
        _propose(alice, 1, MIN_BOND);
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.AlreadyFinalized.selector, INDEX, T));
        oracle.finalize(INDEX, T);
        assertEq(_question().finalValue, 1);
    }

    function test_finalize_revertsWhen_noAnswer() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NoAnswer.selector, INDEX, T));
        oracle.finalize(INDEX, T);
    }

    function test_finalize_revertsWhen_arbitrationPending() public {
        _propose(alice, 1, MIN_BOND);
        _request();
        vm.warp(T + LIVENESS);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.ArbitrationPending.selector, INDEX, T));
        oracle.finalize(INDEX, T);
    }

    function test_finalize_revertsWhen_livenessNotElapsed() public {
        _propose(alice, 1, MIN_BOND);
        vm.warp(T + LIVENESS - 1);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.LivenessNotElapsed.selector, INDEX, T, T + LIVENESS));
        oracle.finalize(INDEX, T);
    }

    function test_finalize_questionsAreIndependent() public {
        _propose(alice, 1, MIN_BOND);
        vm.prank(bob);
        oracle.propose(INDEX, T - 1, 5, MIN_BOND);
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T - 1);
        assertFalse(_question().finalized);
        assertEq(_question().answerCount, 1);
        (, uint256 value) = oracle.finalValue(INDEX, T - 1);
        assertEq(value, 5);
    }
}
