// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {Fixture} from "./Fixture.t.sol";

/// @notice One oracle question (INDEX, T) whose timestamp has just arrived. Abstract: no tests here.
abstract contract OracleFixture is Fixture {
    uint256 internal constant T = START + 1 days;
    uint256 internal constant FUNDS = 1_000_000e18;

    function setUp() public virtual override {
        super.setUp();
        vm.warp(T);
    }

    function _propose(address who, uint256 value, uint256 amount) internal {
        vm.prank(who);
        oracle.propose(INDEX, T, value, amount);
    }

    function _question() internal view returns (ISlowOracle.QuestionInfo memory) {
        return oracle.question(INDEX, T);
    }

    function _request() internal {
        vm.prank(carol);
        oracle.requestArbitration(INDEX, T);
    }

    function _arbitrate(uint256 value) internal {
        vm.prank(arbitrator);
        oracle.arbitrate(INDEX, T, value);
    }

    /// @dev O4: the oracle holds exactly the open bonds of unfinalized questions plus unwithdrawn
    ///      credits; here only (INDEX, T) is ever answered.
    function _assertBondsAccounted(address[4] memory accounts) internal view {
        uint256 held;
        ISlowOracle.QuestionInfo memory q = _question();
        if (!q.finalized) {
            for (uint256 i; i < q.answerCount; ++i) {
                held += oracle.answerAt(INDEX, T, i).bond;
            }
        }
        for (uint256 i; i < accounts.length; ++i) {
            held += oracle.credits(accounts[i]);
        }
        assertEq(bond.balanceOf(address(oracle)), held);
    }

    function _everyone() internal view returns (address[4] memory) {
        return [alice, bob, carol, arbitrator];
    }
}
