// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {SlowOracle} from "../../../contracts/SlowOracle.sol";
import {CallbackToken} from "../../../contracts/test-mocks/CallbackToken.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice A bond token that calls back into the oracle mid-transfer cannot re-enter it.
contract SlowOracleReentrancyTest is Fixture {
    CallbackToken internal cb;
    SlowOracle internal cbOracle;

    function setUp() public override {
        super.setUp();
        cb = new CallbackToken("Callback", "CB", 18);
        cbOracle = new SlowOracle(address(cb), MIN_BOND, LIVENESS, TIMEOUT, arbitrator);
        _fund(MockERC20(address(cb)), alice, address(cbOracle), 10e18);
        vm.prank(alice);
        cbOracle.propose(INDEX, START, 1, MIN_BOND);
        vm.warp(START + LIVENESS);
        cbOracle.finalize(INDEX, START);
    }

    function test_withdraw_revertsWhen_bondTokenReenters() public {
        cb.arm(address(cbOracle), abi.encodeCall(ISlowOracle.withdraw, ()));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        cbOracle.withdraw();
        assertEq(cbOracle.credits(alice), MIN_BOND);
        assertEq(cb.balanceOf(address(cbOracle)), MIN_BOND);
    }

    function test_propose_revertsWhen_bondTokenReenters() public {
        cb.arm(address(cbOracle), abi.encodeCall(ISlowOracle.withdraw, ()));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        cbOracle.propose(INDEX, START + 1, 1, MIN_BOND);
        assertEq(cbOracle.question(INDEX, START + 1).answerCount, 0);
    }
}
