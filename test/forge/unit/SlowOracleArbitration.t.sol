// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {OracleFixture} from "./OracleFixture.t.sol";

contract SlowOracleArbitrationTest is OracleFixture {
    function setUp() public override {
        super.setUp();
        _propose(alice, 1, MIN_BOND);
    }

    function test_requestArbitration_freezesQuestion() public {
        vm.warp(T + 10);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.ArbitrationRequested(INDEX, T, carol);
        _request();
        ISlowOracle.QuestionInfo memory q = _question();
        assertTrue(q.arbitrationPending);
        assertTrue(q.arbitrationUsed);
        assertEq(q.arbitrationRequestedAt, T + 10);
    }

    function test_requestArbitration_revertsWhen_alreadyFinalized() public {
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.AlreadyFinalized.selector, INDEX, T));
        _request();
    }

    function test_requestArbitration_revertsWhen_noAnswer() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NoAnswer.selector, INDEX, T + 1));
        oracle.requestArbitration(INDEX, T + 1);
    }

    /// @dev Once per question: pending counts as used, and so does a cancelled request.
    function test_requestArbitration_revertsWhen_alreadyUsed() public {
        _request();
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.ArbitrationAlreadyUsed.selector, INDEX, T));
        _request();
        vm.warp(T + TIMEOUT);
        oracle.cancelArbitration(INDEX, T);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.ArbitrationAlreadyUsed.selector, INDEX, T));
        _request();
    }

    function test_requestArbitration_revertsWhen_livenessElapsed() public {
        vm.warp(T + LIVENESS);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.LivenessElapsed.selector, INDEX, T, T + LIVENESS));
        _request();
    }

    /// @dev The arbitrator may rule any value at any time while pending, even after the timeout.
    function test_arbitrate_isFinalAtOnce() public {
        _request();
        vm.warp(T + TIMEOUT + 1);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.Finalized(INDEX, T, 99, true);
        _arbitrate(99);
        ISlowOracle.QuestionInfo memory q = _question();
        assertTrue(q.finalized);
        assertEq(q.finalValue, 99);
        assertFalse(q.arbitrationPending);
        assertTrue(q.arbitrationUsed);
        (bool isFinal, uint256 value) = oracle.finalValue(INDEX, T);
        assertTrue(isFinal);
        assertEq(value, 99);
    }

    function test_arbitrate_revertsWhen_callerIsNotArbitrator() public {
        _request();
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NotArbitrator.selector, alice));
        vm.prank(alice);
        oracle.arbitrate(INDEX, T, 1);
    }

    function test_arbitrate_revertsWhen_alreadyFinalized() public {
        _request();
        _arbitrate(5);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.AlreadyFinalized.selector, INDEX, T));
        _arbitrate(6);
    }

    function test_arbitrate_revertsWhen_noArbitrationPending() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NoArbitrationPending.selector, INDEX, T));
        _arbitrate(5);
    }

    /// @dev O5: nothing stays frozen: after the timeout anyone cancels and liveness restarts then.
    function test_cancelArbitration_afterTimeoutRestartsLiveness() public {
        _request();
        uint256 cancelAt = T + TIMEOUT;
        vm.warp(cancelAt);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.ArbitrationCancelled(INDEX, T, bob);
        vm.prank(bob);
        oracle.cancelArbitration(INDEX, T);

        ISlowOracle.QuestionInfo memory q = _question();
        assertFalse(q.arbitrationPending);
        assertTrue(q.arbitrationUsed);
        assertEq(q.lastAnswerAt, cancelAt);
        assertEq(q.arbitrationRequestedAt, T);

        // Open again: a new answer is accepted, and finality waits a full liveness from now.
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.LivenessNotElapsed.selector, INDEX, T, cancelAt + LIVENESS));
        oracle.finalize(INDEX, T);
        vm.warp(cancelAt + LIVENESS - 1);
        _propose(bob, 2, 2 * MIN_BOND);
        vm.warp(block.timestamp + LIVENESS);
        assertEq(oracle.finalize(INDEX, T), 2);
    }

    function test_cancelArbitration_revertsWhen_alreadyFinalized() public {
        _request();
        _arbitrate(5);
        vm.warp(T + TIMEOUT);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.AlreadyFinalized.selector, INDEX, T));
        oracle.cancelArbitration(INDEX, T);
    }

    function test_cancelArbitration_revertsWhen_noArbitrationPending() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.NoArbitrationPending.selector, INDEX, T));
        oracle.cancelArbitration(INDEX, T);
    }

    function test_cancelArbitration_revertsWhen_timeoutNotElapsed() public {
        vm.warp(T + 5);
        _request();
        vm.warp(T + 5 + TIMEOUT - 1);
        vm.expectRevert(
            abi.encodeWithSelector(ISlowOracle.ArbitrationTimeoutNotElapsed.selector, INDEX, T, T + 5 + TIMEOUT)
        );
        oracle.cancelArbitration(INDEX, T);
    }
}
