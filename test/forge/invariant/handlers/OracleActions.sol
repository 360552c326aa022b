// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {ISlowOracle} from "contracts/interfaces/ISlowOracle.sol";
import {MockERC20} from "contracts/test-mocks/MockERC20.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {Action, Check, Question, QuestionGhost} from "./Types.sol";

/// @title OracleActions
/// @notice Handlers for the SlowOracle: propose (escalating bonds), finalize, requestArbitration,
///         arbitrate, cancelArbitration, withdraw. Questions are the (indexId, expiry) pairs of the
///         series created; each handler prefers, three times in four, a question on which its action
///         can succeed, and otherwise takes a random one to reach the reverts.
abstract contract OracleActions is HandlerBase {
    /// @dev Bonds are minted to the proposer only below this, so the faucet never overflows.
    uint256 internal constant MAX_MINTABLE_BOND = 2 ** 200;

    /// @notice An actor answers the question of a series with a value around its strike and a bond
    ///         around the minimum (minBond, or twice the last bond), one time in 8 just below it.
    function propose(uint256 actorSeed, uint256 seriesSeed, uint256 valueSeed, uint256 bondSeed)
        external
        tracked(Action.Propose)
    {
        if (_seriesIds.length == 0) return;
        ISplitMarket.SeriesInfo memory s = market.series(_pickProposable(seriesSeed));
        ISlowOracle.QuestionInfo memory info = oracle.question(s.indexId, s.expiry);
        bytes32 key = _key(s.indexId, s.expiry);
        uint256 value = _value(valueSeed, s.strike, key);
        uint256 bond = _bond(bondSeed, info);
        address actor = _actor(actorSeed);
        uint256 held = _balance(bondToken, actor);
        if (held < bond && bond < MAX_MINTABLE_BOND) MockERC20(bondToken).mint(actor, bond - held);
        _permit(actor, bondToken, bond);
        vm.prank(actor);
        oracle.propose(s.indexId, s.expiry, value, bond);
        _recordAnswer(key, s.expiry, ISlowOracle.AnswerInfo(actor, value, bond));
    }

    /// @notice Anyone finalizes a question.
    function finalize(uint256 actorSeed, uint256 questionSeed) external tracked(Action.Finalize) {
        if (_questions.length == 0) return;
        Question memory q = _pickQuestion(questionSeed, _finalizable);
        vm.prank(_actor(actorSeed));
        oracle.finalize(q.indexId, q.timestamp);
    }

    /// @notice Anyone freezes a question for the arbitrator.
    function requestArbitration(uint256 actorSeed, uint256 questionSeed) external tracked(Action.RequestArbitration) {
        if (_questions.length == 0) return;
        Question memory q = _pickQuestion(questionSeed, _disputable);
        QuestionGhost storage g = _questionGhost[_key(q.indexId, q.timestamp)];
        vm.prank(_actor(actorSeed));
        oracle.requestArbitration(q.indexId, q.timestamp);
        if (g.arbitrationUsed) _violate(Check.O2, "a second arbitration request was accepted");
        if (!_isOpenAnswered(q)) _violate(Check.O2, "arbitration requested on a closed question");
        g.pending = true;
        g.arbitrationUsed = true;
        g.requestedAt = block.timestamp;
    }

    /// @notice The arbitrator (one time in 8, an actor instead) rules on a question, for one of the
    ///         values answered or, one time in 4, a value nobody gave.
    function arbitrate(uint256 callerSeed, uint256 questionSeed, uint256 valueSeed) external tracked(Action.Arbitrate) {
        if (_questions.length == 0) return;
        Question memory q = _pickQuestion(questionSeed, _pending);
        bytes32 key = _key(q.indexId, q.timestamp);
        ISlowOracle.AnswerInfo[] storage answers = _answers[key];
        uint256 value = answers.length == 0 || valueSeed % 4 == 0
            ? _bound(valueSeed >> 2, 0, 10_000e18)
            : answers[(valueSeed >> 2) % answers.length].value;
        QuestionGhost storage g = _questionGhost[key];
        vm.prank(callerSeed % 8 == 7 ? _actor(callerSeed >> 3) : arbitrator);
        oracle.arbitrate(q.indexId, q.timestamp, value);
        if (!g.pending) _violate(Check.O2, "a ruling without a pending request was accepted");
        g.pending = false;
        g.arbitrated = true;
        g.arbitratedValue = value;
    }

    /// @notice Anyone cancels a pending arbitration.
    function cancelArbitration(uint256 actorSeed, uint256 questionSeed) external tracked(Action.CancelArbitration) {
        if (_questions.length == 0) return;
        Question memory q = _pickQuestion(questionSeed, _cancellable);
        QuestionGhost storage g = _questionGhost[_key(q.indexId, q.timestamp)];
        vm.prank(_actor(actorSeed));
        oracle.cancelArbitration(q.indexId, q.timestamp);
        if (!g.pending) {
            _violate(Check.O2, "a cancel without a pending request was accepted");
        } else if (block.timestamp - g.requestedAt < arbitrationTimeout) {
            _violate(Check.O2, "an arbitration was cancelled before its timeout");
        }
        g.pending = false;
        g.livenessStart = block.timestamp;
    }

    /// @notice An actor or the arbitrator withdraws its bond credit; three times in four one that has some.
    function withdraw(uint256 callerSeed) external tracked(Action.Withdraw) {
        address caller = _pickCreditor(callerSeed);
        uint256 before = _balance(bondToken, caller);
        vm.prank(caller);
        oracle.withdraw();
        withdrawn[caller] += _balance(bondToken, caller) - before;
    }

    // ---------------------------------------------------------------- ghosts

    function _recordAnswer(bytes32 key, uint256 timestamp, ISlowOracle.AnswerInfo memory answer) internal {
        QuestionGhost storage g = _questionGhost[key];
        if (block.timestamp < timestamp) _violate(Check.O1, "an answer was accepted before the timestamp");
        if (g.finalSeen) _violate(Check.O2, "an answer was accepted after the question was final");
        if (g.pending) _violate(Check.O2, "an answer was accepted while arbitration was pending");
        if (_answers[key].length != 0 && block.timestamp - g.livenessStart >= liveness) {
            _violate(Check.O2, "an answer was accepted after liveness elapsed");
        }
        _answers[key].push(answer);
        g.livenessStart = block.timestamp;
    }

    // ---------------------------------------------------------------- picking

    /// @dev Around the strike: 0, S-1, S, S+1, 2S, S/2, the maximum, an earlier answer (SameValue
    ///      when it is the last one), or a value between 0 and 4S.
    function _value(uint256 seed, uint256 strike, bytes32 key) internal view returns (uint256) {
        uint256 mode = seed % 12;
        if (mode == 0) return 0;
        if (mode == 1) return strike - 1;
        if (mode == 2) return strike;
        if (mode == 3) return _satAdd(strike, 1);
        if (mode == 4) return _satAdd(strike, strike);
        if (mode == 5) return strike / 2;
        if (mode == 6) return type(uint256).max;
        ISlowOracle.AnswerInfo[] storage answers = _answers[key];
        if (mode <= 8 && answers.length != 0) return answers[(seed >> 8) % answers.length].value;
        return _bound(seed >> 8, 0, _satAdd(_satAdd(strike, strike), _satAdd(strike, strike)));
    }

    function _bond(uint256 seed, ISlowOracle.QuestionInfo memory info) internal view returns (uint256) {
        uint256 floor = info.answerCount == 0 ? minBond : _satAdd(info.lastBond, info.lastBond);
        if (seed % 8 == 0) return floor - 1;
        return _satAdd(floor, _bound(seed >> 3, 0, floor / 2));
    }

    function _satAdd(uint256 a, uint256 b) internal pure returns (uint256) {
        unchecked {
            uint256 c = a + b;
            return c < a ? type(uint256).max : c;
        }
    }

    /// @dev Among the actors and the arbitrator (index 4), the first from a random start with credit.
    function _pickCreditor(uint256 seed) internal view returns (address) {
        uint256 n = _actors.length + 1;
        uint256 first = (seed >> 8) % n;
        for (uint256 i; i < n && seed % 4 != 0; ++i) {
            address account = _creditor((first + i) % n);
            if (oracle.credits(account) != 0) return account;
        }
        return _creditor(first);
    }

    function _creditor(uint256 index) internal view returns (address) {
        return index == _actors.length ? arbitrator : _actors[index];
    }

    function _pickProposable(uint256 seed) internal view returns (bytes32) {
        uint256 n = _seriesIds.length;
        uint256 first = (seed >> 8) % n;
        if (seed % 4 != 0) {
            for (uint256 i; i < n; ++i) {
                bytes32 seriesId = _seriesIds[(first + i) % n];
                ISplitMarket.SeriesInfo memory s = market.series(seriesId);
                if (_isProposable(Question(s.indexId, s.expiry))) return seriesId;
            }
        }
        return _seriesIds[first];
    }

    function _pickQuestion(uint256 seed, function(Question memory) internal view returns (bool) wanted)
        internal
        view
        returns (Question memory)
    {
        uint256 n = _questions.length;
        uint256 first = (seed >> 8) % n;
        if (seed % 4 != 0) {
            for (uint256 i; i < n; ++i) {
                Question memory q = _questions[(first + i) % n];
                if (wanted(q)) return q;
            }
        }
        return _questions[first];
    }

    function _isProposable(Question memory q) internal view returns (bool) {
        if (block.timestamp < q.timestamp) return false;
        ISlowOracle.QuestionInfo memory info = oracle.question(q.indexId, q.timestamp);
        if (info.finalized || info.arbitrationPending) return false;
        return info.answerCount == 0 || block.timestamp < _satAdd(info.lastAnswerAt, liveness);
    }

    function _isOpenAnswered(Question memory q) internal view returns (bool) {
        QuestionGhost storage g = _questionGhost[_key(q.indexId, q.timestamp)];
        return _answers[_key(q.indexId, q.timestamp)].length != 0 && !g.finalSeen && !g.pending
            && block.timestamp - g.livenessStart < liveness;
    }

    function _finalizable(Question memory q) internal view returns (bool) {
        ISlowOracle.QuestionInfo memory info = oracle.question(q.indexId, q.timestamp);
        return info.answerCount != 0 && !info.finalized && !info.arbitrationPending
            && block.timestamp >= _satAdd(info.lastAnswerAt, liveness);
    }

    function _disputable(Question memory q) internal view returns (bool) {
        ISlowOracle.QuestionInfo memory info = oracle.question(q.indexId, q.timestamp);
        return info.answerCount != 0 && !info.finalized && !info.arbitrationUsed
            && block.timestamp < _satAdd(info.lastAnswerAt, liveness);
    }

    function _pending(Question memory q) internal view returns (bool) {
        return oracle.question(q.indexId, q.timestamp).arbitrationPending;
    }

    function _cancellable(Question memory q) internal view returns (bool) {
        ISlowOracle.QuestionInfo memory info = oracle.question(q.indexId, q.timestamp);
        return info.arbitrationPending && block.timestamp >= _satAdd(info.arbitrationRequestedAt, arbitrationTimeout);
    }
}
