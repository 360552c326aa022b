// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISlowOracle} from "../../../contracts/interfaces/ISlowOracle.sol";
import {OracleFixture} from "../unit/OracleFixture.t.sol";

/// @notice The oracle's bond rules under fuzzed bonds and answer sequences.
contract SlowOracleFuzzTest is OracleFixture {
    /// @dev O3: a later answer is accepted iff bond >= 2 * last bond, compared exactly; the error's
    ///      minimum saturates at type(uint256).max.
    function testFuzz_O3_escalationExactlyDouble(uint256 first, uint256 second) public {
        first = bound(first, MIN_BOND, type(uint256).max - 3 * FUNDS);
        second = bound(second, 0, type(uint256).max - 3 * FUNDS - first);
        _fund(bond, alice, address(oracle), first);
        _fund(bond, bob, address(oracle), second);
        _propose(alice, 1, first);

        bool doubles = first <= type(uint256).max / 2 && second >= 2 * first;
        if (!doubles) {
            uint256 minimum = first > type(uint256).max / 2 ? type(uint256).max : 2 * first;
            vm.expectRevert(abi.encodeWithSelector(ISlowOracle.BondTooLow.selector, minimum, second));
        }
        _propose(bob, 2, second);
        assertEq(_question().answerCount, doubles ? 2 : 1);
    }

    /// @dev O4: whatever the answer sequence and the final value, credits sum to the bonds posted,
    ///      every answerer of the final value gets at least its own bonds back, and the oracle's
    ///      balance equals the credits outstanding.
    function testFuzz_O4_creditsConserveBonds(uint256 seed, uint8 count, uint8 finalPick, bool byArbitration) public {
        count = uint8(bound(count, 1, 8));
        address[3] memory who = [alice, bob, carol];
        uint256 posted;
        uint256 lastBond;
        uint256 lastValue = type(uint256).max;
        uint256[3] memory onFinal;
        uint256 finalValue = byArbitration ? bound(finalPick, 0, 3) : 0;
        for (uint256 i; i < count; ++i) {
            uint256 value = uint256(keccak256(abi.encode(seed, i))) % 3;
            if (value == lastValue) value = (value + 1) % 3;
            uint256 amount = i == 0 ? MIN_BOND : 2 * lastBond + (uint256(keccak256(abi.encode(seed, i, 1))) % 3);
            address answerer = who[uint256(keccak256(abi.encode(seed, i, 2))) % 3];
            _propose(answerer, value, amount);
            posted += amount;
            (lastBond, lastValue) = (amount, value);
        }
        if (byArbitration) {
            _request();
            _arbitrate(finalValue);
        } else {
            finalValue = lastValue;
            vm.warp(block.timestamp + LIVENESS);
            oracle.finalize(INDEX, T);
        }
        for (uint256 i; i < count; ++i) {
            ISlowOracle.AnswerInfo memory a = oracle.answerAt(INDEX, T, i);
            if (a.value == finalValue) {
                for (uint256 j; j < 3; ++j) {
                    if (who[j] == a.answerer) onFinal[j] += a.bond;
                }
            }
        }
        uint256 credited = oracle.credits(arbitrator);
        for (uint256 j; j < 3; ++j) {
            assertGe(oracle.credits(who[j]), onFinal[j]);
            credited += oracle.credits(who[j]);
        }
        assertEq(credited, posted);
        assertEq(bond.balanceOf(address(oracle)), posted);
    }
}
