// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISlowOracle} from "contracts/interfaces/ISlowOracle.sol";
import {PropertiesBase} from "./PropertiesBase.sol";
import {Check, Question, QuestionGhost} from "../handlers/Types.sol";

/// @title OracleProperties
/// @notice The SlowOracle properties of docs/design.md §4 (O1 to O5) as predicates over the chain and the
///         handler's ghosts, each returning (holds, why).
abstract contract OracleProperties is PropertiesBase {
    /// @notice O1: no answer was accepted before its question's timestamp (checked at each propose).
    function propO1Timing() public view returns (bool, string memory) {
        return _noViolation(Check.O1);
    }

    /// @notice O2: a question became final only `liveness` after its last answer (or cancel) with no
    ///         arbitration pending, with the last answer's value, or by a ruling with the ruled value;
    ///         nothing was accepted once it was final or frozen; its value never changes.
    function propO2Finality() public view returns (bool, string memory) {
        (bool ok, string memory why) = _noViolation(Check.O2);
        if (!ok) return (ok, why);
        Question[] memory qs = handler.questions();
        for (uint256 i; i < qs.length; ++i) {
            QuestionGhost memory g = handler.questionGhost(qs[i].indexId, qs[i].timestamp);
            (bool isFinal, uint256 value) = oracle.finalValue(qs[i].indexId, qs[i].timestamp);
            if (isFinal != g.finalSeen || value != g.finalValue) {
                return (false, string.concat("O2: question ", vm.toString(i), " finality differs from the one seen"));
            }
        }
        return (true, "");
    }

    /// @notice O3: the first answer posts at least minBond and every later one at least twice the bond
    ///         before it; the oracle's answer list is exactly the answers the handlers saw accepted.
    function propO3Escalation() public view returns (bool, string memory) {
        Question[] memory qs = handler.questions();
        for (uint256 i; i < qs.length; ++i) {
            ISlowOracle.AnswerInfo[] memory seen = handler.answersOf(qs[i].indexId, qs[i].timestamp);
            if (oracle.question(qs[i].indexId, qs[i].timestamp).answerCount != seen.length) {
                return (false, string.concat("O3: question ", vm.toString(i), " answer count differs"));
            }
            for (uint256 k; k < seen.length; ++k) {
                ISlowOracle.AnswerInfo memory a = oracle.answerAt(qs[i].indexId, qs[i].timestamp, k);
                if (a.answerer != seen[k].answerer || a.value != seen[k].value || a.bond != seen[k].bond) {
                    return
                        (false, string.concat("O3: question ", vm.toString(i), " answer ", vm.toString(k), " changed"));
                }
                bool escalated = k == 0 ? a.bond >= oracle.minBond() : a.bond / 2 >= seen[k - 1].bond;
                if (!escalated) {
                    return (
                        false,
                        string.concat("O3: question ", vm.toString(i), " answer ", vm.toString(k), " bond too low")
                    );
                }
            }
        }
        return (true, "");
    }

    /// @notice O4: the oracle's bond-token balance equals the bonds of open questions plus the unwithdrawn
    ///         credits; each account was credited (credits + withdrawn) exactly what the DESIGN rule
    ///         gives it, so no bond is lost or double-paid and an answerer of the final value always
    ///         gets its own bond back.
    function propO4Bonds() public view returns (bool, string memory) {
        address[] memory accounts = _accounts();
        uint256[] memory expected = new uint256[](accounts.length);
        uint256 openBonds;
        Question[] memory qs = handler.questions();
        for (uint256 i; i < qs.length; ++i) {
            ISlowOracle.AnswerInfo[] memory answers = handler.answersOf(qs[i].indexId, qs[i].timestamp);
            (bool isFinal, uint256 value) = oracle.finalValue(qs[i].indexId, qs[i].timestamp);
            if (!isFinal) {
                for (uint256 k; k < answers.length; ++k) {
                    openBonds += answers[k].bond;
                }
                continue;
            }
            _creditFinalized(answers, value, accounts, expected);
        }
        uint256 unwithdrawn;
        for (uint256 a; a < accounts.length; ++a) {
            uint256 credit = oracle.credits(accounts[a]);
            unwithdrawn += credit;
            if (credit + handler.withdrawn(accounts[a]) != expected[a]) {
                return (
                    false,
                    string.concat(
                        "O4: account ",
                        vm.toString(accounts[a]),
                        " credited/expected ",
                        _three(credit + handler.withdrawn(accounts[a]), expected[a], 0)
                    )
                );
            }
        }
        uint256 held = bondToken.balanceOf(address(oracle));
        if (held != openBonds + unwithdrawn) {
            return (false, string.concat("O4: oracle holds/open/credits ", _three(held, openBonds, unwithdrawn)));
        }
        return (true, "");
    }

    /// @notice O5: no question is frozen for ever. On every answered, unfinalized question: a pending
    ///         arbitration can be cancelled at requestedAt + arbitrationTimeout, and then (or at once,
    ///         with none pending) the question can be finalized `liveness` after its last answer or
    ///         the cancel, exactly at that second.
    /// @dev Acts on a snapshot per question, reverted after, so the questions stay independent.
    function propO5Liveness() public returns (bool, string memory) {
        Question[] memory qs = handler.questions();
        for (uint256 i; i < qs.length; ++i) {
            ISlowOracle.QuestionInfo memory info = oracle.question(qs[i].indexId, qs[i].timestamp);
            if (info.finalized || info.answerCount == 0) continue;
            uint256 snapshot = vm.snapshotState();
            string memory why = _unfreeze(qs[i], info.arbitrationPending);
            vm.revertToState(snapshot);
            if (bytes(why).length != 0) return (false, string.concat("O5: question ", vm.toString(i), " ", why));
        }
        return (true, "");
    }

    /// @dev Cancels (if pending) and finalizes `q` at the earliest second each is due; "" if both work.
    function _unfreeze(Question memory q, bool pending) internal returns (string memory) {
        QuestionGhost memory g = handler.questionGhost(q.indexId, q.timestamp);
        uint256 livenessStart = g.livenessStart;
        if (pending) {
            vm.warp(_later(block.timestamp, g.requestedAt + ARBITRATION_TIMEOUT));
            try oracle.cancelArbitration(q.indexId, q.timestamp) {}
            catch {
                return "cannot be cancelled at its arbitration timeout";
            }
            livenessStart = block.timestamp;
        }
        vm.warp(_later(block.timestamp, livenessStart + LIVENESS));
        try oracle.finalize(q.indexId, q.timestamp) {}
        catch {
            return "cannot be finalized when its liveness ends";
        }
        return "";
    }

    function _later(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }

    /// @dev DESIGN §3 credit rule: each answer on the final value gets its bond back; all other bonds
    ///      go to the last answerer of the final value, or to the arbitrator when nobody gave it.
    function _creditFinalized(
        ISlowOracle.AnswerInfo[] memory answers,
        uint256 value,
        address[] memory accounts,
        uint256[] memory expected
    ) internal pure {
        address winner = accounts[accounts.length - 1]; // the arbitrator
        uint256 forfeited;
        for (uint256 k; k < answers.length; ++k) {
            if (answers[k].value == value) {
                expected[_indexOf(accounts, answers[k].answerer)] += answers[k].bond;
                winner = answers[k].answerer;
            } else {
                forfeited += answers[k].bond;
            }
        }
        expected[_indexOf(accounts, winner)] += forfeited;
    }
}
