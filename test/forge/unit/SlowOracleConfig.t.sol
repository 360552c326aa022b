// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {SlowOracle} from "../../../contracts/SlowOracle.sol";
import {Fixture} from "./Fixture.t.sol";

contract SlowOracleConfigTest is Fixture {
    function test_constructor_storesConfig() public view {
        assertEq(oracle.bondToken(), address(bond));
        assertEq(oracle.minBond(), MIN_BOND);
        assertEq(oracle.liveness(), LIVENESS);
        assertEq(oracle.arbitrationTimeout(), TIMEOUT);
        assertEq(oracle.arbitrator(), arbitrator);
    }

    /// @dev Zero liveness and timeout are allowed: answers are final at once, cancels immediate.
    function test_constructor_allowsZeroLivenessAndTimeout() public {
        SlowOracle o = new SlowOracle(address(bond), 1, 0, 0, arbitrator);
        assertEq(o.liveness(), 0);
        assertEq(o.arbitrationTimeout(), 0);
    }

    function test_constructor_revertsWhen_minBondIsZero() public {
        vm.expectRevert(ISlowOracle.InvalidConfig.selector);
        new SlowOracle(address(bond), 0, LIVENESS, TIMEOUT, arbitrator);
    }

    function test_constructor_revertsWhen_arbitratorIsZero() public {
        vm.expectRevert(ISlowOracle.InvalidConfig.selector);
        new SlowOracle(address(bond), MIN_BOND, LIVENESS, TIMEOUT, address(0));
    }

    function test_constructor_revertsWhen_bondTokenHasNoCode() public {
        vm.expectRevert(ISlowOracle.InvalidConfig.selector);
        new SlowOracle(alice, MIN_BOND, LIVENESS, TIMEOUT, arbitrator);
    }

    function test_views_unaskedQuestionIsEmpty() public view {
        ISlowOracle.QuestionInfo memory q = oracle.question(INDEX, 123);
        assertEq(q.answerCount, 0);
        assertEq(q.lastAnswerer, address(0));
        assertFalse(q.finalized);
        (bool isFinal, uint256 value) = oracle.finalValue(INDEX, 123);
        assertFalse(isFinal);
        assertEq(value, 0);
        assertEq(oracle.credits(alice), 0);
    }

    function test_answerAt_revertsWhen_indexOutOfRange() public {
        vm.expectRevert(abi.encodeWithSignature("Panic(uint256)", 0x32));
        oracle.answerAt(INDEX, 123, 0);
    }
}
