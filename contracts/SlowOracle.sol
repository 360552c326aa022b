// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IPriceOracle} from "./interfaces/IPriceOracle.sol";
import {ISlowOracle} from "./interfaces/ISlowOracle.sol";

/// @title SlowOracle
/// @notice A contestable oracle shared by any number of series and markets, keyed by (indexId, timestamp).
///         Anyone answers with a bond; each later answer must differ and double the bond; an answer
///         that stands for `liveness` becomes final; once per question anyone may freeze it for the
///         arbitrator, whose ruling is final, and anyone may cancel that freeze after
///         `arbitrationTimeout`. On finalization every bond on the final value is credited back,
///         and all other bonds go to the last answerer of the final value (or to the arbitrator when
///         nobody gave it). Credits are pulled with withdraw.
/// @dev The bond token must be a plain ERC-20 (a missing bool return is fine): fee-on-transfer or
///      rebasing bond tokens would break the bond accounting and are unsupported. Deadlines
///      (lastAnswerAt + liveness, requestedAt + arbitrationTimeout) saturate at type(uint256).max
///      rather than overflow. Every state change is reentrancy-guarded; the oracle's own event is
///      the last log of each call.
contract SlowOracle is ISlowOracle, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev One question. Answers are kept in order: the credit loop and answerAt read them.
    struct Question {
        AnswerInfo[] answers;
        uint256 lastAnswerAt;
        bool arbitrationPending;
        bool arbitrationUsed;
        uint256 arbitrationRequestedAt;
        bool finalized;
        uint256 finalValue;
    }

    /// @inheritdoc ISlowOracle
    address public immutable bondToken;
    /// @inheritdoc ISlowOracle
    uint256 public immutable minBond;
    /// @inheritdoc ISlowOracle
    uint256 public immutable liveness;
    /// @inheritdoc ISlowOracle
    uint256 public immutable arbitrationTimeout;
    /// @inheritdoc ISlowOracle
    address public immutable arbitrator;

    /// @inheritdoc ISlowOracle
    mapping(address account => uint256) public credits;

    mapping(bytes32 indexId => mapping(uint256 timestamp => Question)) private _questions;

    /// @param bondToken_ The ERC-20 bonds are posted in; must have code.
    /// @param minBond_ The smallest first bond; must be non-zero.
    /// @param liveness_ Seconds an answer must stand unchallenged to become final.
    /// @param arbitrationTimeout_ Seconds after a request before anyone may cancel it.
    /// @param arbitrator_ The account whose ruling on a pending arbitration is final; non-zero.
    constructor(
        address bondToken_,
        uint256 minBond_,
        uint256 liveness_,
        uint256 arbitrationTimeout_,
        address arbitrator_
    ) {
        if (minBond_ == 0 || arbitrator_ == address(0) || bondToken_.code.length == 0) {
            revert InvalidConfig();
        }
        bondToken = bondToken_;
        minBond = minBond_;
        liveness = liveness_;
        arbitrationTimeout = arbitrationTimeout_;
        arbitrator = arbitrator_;
    }

    /// @inheritdoc ISlowOracle
    function propose(bytes32 indexId, uint256 timestamp, uint256 value, uint256 bond) external nonReentrant {
        Question storage q = _questions[indexId][timestamp];
        if (q.finalized) revert AlreadyFinalized(indexId, timestamp);
        if (block.timestamp < timestamp) revert TooEarly(indexId, timestamp, block.timestamp);
        if (q.arbitrationPending) revert ArbitrationPending(indexId, timestamp);
        uint256 count = q.answers.length;
        if (count == 0) {
            if (bond < minBond) revert BondTooLow(minBond, bond);
        } else {
            AnswerInfo storage last = q.answers[count - 1];
            uint256 closedAt = _closesAt(q);
            if (block.timestamp >= closedAt) revert LivenessElapsed(indexId, timestamp, closedAt);
            if (value == last.value) revert SameValue(value);
            // bond >= 2 * lastBond, exactly and without overflow.
            if (bond / 2 < last.bond) revert BondTooLow(Math.saturatingMul(last.bond, 2), bond);
        }

        q.answers.push(AnswerInfo({answerer: msg.sender, value: value, bond: bond}));
        q.lastAnswerAt = block.timestamp;
        IERC20(bondToken).safeTransferFrom(msg.sender, address(this), bond);
        emit Proposed(indexId, timestamp, msg.sender, value, bond, count);
    }

    /// @inheritdoc ISlowOracle
    function finalize(bytes32 indexId, uint256 timestamp) external nonReentrant returns (uint256 value) {
        Question storage q = _questions[indexId][timestamp];
        if (q.finalized) revert AlreadyFinalized(indexId, timestamp);
        uint256 count = q.answers.length;
        if (count == 0) revert NoAnswer(indexId, timestamp);
        if (q.arbitrationPending) revert ArbitrationPending(indexId, timestamp);
        uint256 finalizableAt = _closesAt(q);
        if (block.timestamp < finalizableAt) revert LivenessNotElapsed(indexId, timestamp, finalizableAt);

        value = q.answers[count - 1].value;
        _finalize(q, indexId, timestamp, value, false);
    }

    /// @inheritdoc ISlowOracle
    function requestArbitration(bytes32 indexId, uint256 timestamp) external nonReentrant {
        Question storage q = _questions[indexId][timestamp];
        if (q.finalized) revert AlreadyFinalized(indexId, timestamp);
        if (q.answers.length == 0) revert NoAnswer(indexId, timestamp);
        if (q.arbitrationUsed) revert ArbitrationAlreadyUsed(indexId, timestamp);
        uint256 closedAt = _closesAt(q);
        if (block.timestamp >= closedAt) revert LivenessElapsed(indexId, timestamp, closedAt);

        q.arbitrationPending = true;
        q.arbitrationUsed = true;
        q.arbitrationRequestedAt = block.timestamp;
        emit ArbitrationRequested(indexId, timestamp, msg.sender);
    }

    /// @inheritdoc ISlowOracle
    function arbitrate(bytes32 indexId, uint256 timestamp, uint256 value) external nonReentrant {
        if (msg.sender != arbitrator) revert NotArbitrator(msg.sender);
        Question storage q = _questions[indexId][timestamp];
        if (q.finalized) revert AlreadyFinalized(indexId, timestamp);
        if (!q.arbitrationPending) revert NoArbitrationPending(indexId, timestamp);

        q.arbitrationPending = false;
        _finalize(q, indexId, timestamp, value, true);
    }

    /// @inheritdoc ISlowOracle
    /// @dev Sets the question's lastAnswerAt to now, so its liveness window restarts in full.
    function cancelArbitration(bytes32 indexId, uint256 timestamp) external nonReentrant {
        Question storage q = _questions[indexId][timestamp];
        if (q.finalized) revert AlreadyFinalized(indexId, timestamp);
        if (!q.arbitrationPending) revert NoArbitrationPending(indexId, timestamp);
        uint256 cancellableAt = Math.saturatingAdd(q.arbitrationRequestedAt, arbitrationTimeout);
        if (block.timestamp < cancellableAt) {
            revert ArbitrationTimeoutNotElapsed(indexId, timestamp, cancellableAt);
        }

        q.arbitrationPending = false;
        q.lastAnswerAt = block.timestamp;
        emit ArbitrationCancelled(indexId, timestamp, msg.sender);
    }

    /// @inheritdoc ISlowOracle
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = credits[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        credits[msg.sender] = 0;
        IERC20(bondToken).safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    /// @inheritdoc ISlowOracle
    function question(bytes32 indexId, uint256 timestamp) external view returns (QuestionInfo memory info) {
        Question storage q = _questions[indexId][timestamp];
        uint256 count = q.answers.length;
        info.answerCount = count;
        if (count != 0) {
            AnswerInfo storage last = q.answers[count - 1];
            info.lastAnswerer = last.answerer;
            info.lastValue = last.value;
            info.lastBond = last.bond;
        }
        info.lastAnswerAt = q.lastAnswerAt;
        info.arbitrationPending = q.arbitrationPending;
        info.arbitrationUsed = q.arbitrationUsed;
        info.arbitrationRequestedAt = q.arbitrationRequestedAt;
        info.finalized = q.finalized;
        info.finalValue = q.finalValue;
    }

    /// @inheritdoc ISlowOracle
    /// @dev Reverts with Panic(0x32) when `index` is not below the question's answer count.
    function answerAt(bytes32 indexId, uint256 timestamp, uint256 index) external view returns (AnswerInfo memory) {
        return _questions[indexId][timestamp].answers[index];
    }

    /// @inheritdoc IPriceOracle
    function finalValue(bytes32 indexId, uint256 timestamp) external view returns (bool isFinal, uint256 value) {
        Question storage q = _questions[indexId][timestamp];
        return (q.finalized, q.finalValue);
    }

    /// @dev When the last answer stops being challengeable (and becomes finalizable).
    function _closesAt(Question storage q) private view returns (uint256) {
        return Math.saturatingAdd(q.lastAnswerAt, liveness);
    }

    /// @dev Credits every bond, then marks the question final. Bonds on `value` go back to their
    ///      answerers one by one; the rest go, as one credit, to the last answerer of `value`, or to
    ///      the arbitrator when nobody answered `value`. The credits sum to the bonds posted.
    function _finalize(Question storage q, bytes32 indexId, uint256 timestamp, uint256 value, bool byArbitration)
        private
    {
        uint256 forfeited;
        address winner = arbitrator;
        uint256 count = q.answers.length;
        for (uint256 i; i < count; ++i) {
            AnswerInfo storage answer = q.answers[i];
            if (answer.value == value) {
                winner = answer.answerer;
                credits[answer.answerer] += answer.bond;
                emit BondCredited(indexId, timestamp, answer.answerer, answer.bond);
            } else {
                forfeited += answer.bond;
            }
        }
        if (forfeited != 0) {
            credits[winner] += forfeited;
            emit BondCredited(indexId, timestamp, winner, forfeited);
        }
        q.finalized = true;
        q.finalValue = value;
        emit Finalized(indexId, timestamp, value, byArbitration);
    }
}
