// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {SlowOracle} from "../../../contracts/SlowOracle.sol";
import {OracleFixture} from "./OracleFixture.t.sol";

contract SlowOracleProposeTest is OracleFixture {
    function test_propose_firstAnswerRecordsAndPullsBond() public {
        _propose(alice, 2500e18, MIN_BOND);

        ISlowOracle.QuestionInfo memory q = _question();
        assertEq(q.answerCount, 1);
        assertEq(q.lastAnswerer, alice);
        assertEq(q.lastValue, 2500e18);
        assertEq(q.lastBond, MIN_BOND);
        assertEq(q.lastAnswerAt, T);
        assertFalse(q.finalized);
        ISlowOracle.AnswerInfo memory a = oracle.answerAt(INDEX, T, 0);
        assertEq(a.answerer, alice);
        assertEq(a.value, 2500e18);
        assertEq(a.bond, MIN_BOND);
        assertEq(bond.balanceOf(address(oracle)), MIN_BOND);
        assertEq(bond.balanceOf(alice), FUNDS - MIN_BOND);
    }

    /// @dev Logs, in order: the bond Transfer in, then Proposed with the 0-based answer index.
    function test_propose_emitsTransferThenProposed() public {
        _propose(alice, 2500e18, MIN_BOND);
        vm.expectEmit(address(bond));
        emit IERC20.Transfer(bob, address(oracle), 3e18);
        vm.expectEmit(address(oracle));
        emit ISlowOracle.Proposed(INDEX, T, bob, 2400e18, 3e18, 1);
        _propose(bob, 2400e18, 3e18);
    }

    /// @dev O3: a later answer posts at least twice the bond before it; exactly twice is enough.
    function test_propose_escalationAtExactlyDoubleBond() public {
        _propose(alice, 1, MIN_BOND);
        _propose(bob, 2, 2 * MIN_BOND);
        _propose(alice, 1, 4 * MIN_BOND);
        assertEq(_question().answerCount, 3);
        assertEq(_question().lastBond, 4 * MIN_BOND);
        assertEq(bond.balanceOf(address(oracle)), 7 * MIN_BOND);
    }

    function test_propose_zeroValueIsAnAnswer() public {
        _propose(alice, 0, MIN_BOND);
        assertEq(_question().answerCount, 1);
        assertEq(_question().lastValue, 0);
    }

    /// @dev Each answer restarts the liveness clock.
    function test_propose_restartsLiveness() public {
        _propose(alice, 1, MIN_BOND);
        vm.warp(T + LIVENESS - 1);
        _propose(bob, 2, 2 * MIN_BOND);
        vm.warp(T + LIVENESS);
        _propose(alice, 1, 4 * MIN_BOND);
        assertEq(_question().lastAnswerAt, T + LIVENESS);
    }

    function test_propose_revertsWhen_alreadyFinalized() public {
        _propose(alice, 1, MIN_BOND);
        vm.warp(T + LIVENESS);
        oracle.finalize(INDEX, T);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.AlreadyFinalized.selector, INDEX, T));
        _propose(bob, 2, 2 * MIN_BOND);
    }

    /// @dev O1: no answer before the question's timestamp.
    function test_propose_revertsWhen_tooEarly() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.TooEarly.selector, INDEX, T + 1, T));
        vm.prank(alice);
        oracle.propose(INDEX, T + 1, 1, MIN_BOND);
    }

    function test_propose_revertsWhen_arbitrationPending() public {
        _propose(alice, 1, MIN_BOND);
        _request();
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.ArbitrationPending.selector, INDEX, T));
        _propose(bob, 2, 2 * MIN_BOND);
    }

    function test_propose_revertsWhen_livenessElapsed() public {
        _propose(alice, 1, MIN_BOND);
        vm.warp(T + LIVENESS);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.LivenessElapsed.selector, INDEX, T, T + LIVENESS));
        _propose(bob, 2, 2 * MIN_BOND);
    }

    function test_propose_revertsWhen_sameValue() public {
        _propose(alice, 7, MIN_BOND);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.SameValue.selector, 7));
        _propose(bob, 7, 2 * MIN_BOND);
    }

    function test_propose_revertsWhen_firstBondBelowMinimum() public {
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.BondTooLow.selector, MIN_BOND, MIN_BOND - 1));
        _propose(alice, 1, MIN_BOND - 1);
    }

    function test_propose_revertsWhen_laterBondBelowDouble() public {
        _propose(alice, 1, MIN_BOND);
        _propose(bob, 2, 2 * MIN_BOND + 1);
        // An odd last bond: 2 * (2e18 + 1) - 1 is one short of the exact minimum.
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.BondTooLow.selector, 4 * MIN_BOND + 2, 4 * MIN_BOND + 1));
        _propose(alice, 1, 4 * MIN_BOND + 1);
        _propose(alice, 1, 4 * MIN_BOND + 2);
    }

    /// @dev `minimum` saturates at type(uint256).max when twice the last bond overflows.
    function test_propose_revertsWhen_doubleBondOverflows() public {
        uint256 huge = (type(uint256).max >> 1) + 1; // 2^255
        _fund(bond, alice, address(oracle), huge);
        _propose(alice, 1, huge);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.BondTooLow.selector, type(uint256).max, type(uint256).max));
        _propose(bob, 2, type(uint256).max);
    }

    function test_propose_bubblesBondTokenErrors() public {
        address dave = makeAddr("dave");
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(oracle), 0, MIN_BOND)
        );
        _propose(dave, 1, MIN_BOND);
    }

    /// @dev A liveness near type(uint256).max saturates instead of overflowing: the answer never closes.
    function test_propose_saturatingLivenessNeverCloses() public {
        SlowOracle slow = new SlowOracle(address(bond), MIN_BOND, type(uint256).max, TIMEOUT, arbitrator);
        vm.prank(alice);
        bond.approve(address(slow), type(uint256).max);
        vm.prank(bob);
        bond.approve(address(slow), type(uint256).max);
        vm.prank(alice);
        slow.propose(INDEX, T, 1, MIN_BOND);
        vm.warp(T + 365 days);
        vm.prank(bob);
        slow.propose(INDEX, T, 2, 2 * MIN_BOND);
        vm.expectRevert(abi.encodeWithSelector(ISlowOracle.LivenessNotElapsed.selector, INDEX, T, type(uint256).max));
        slow.finalize(INDEX, T);
    }
}
