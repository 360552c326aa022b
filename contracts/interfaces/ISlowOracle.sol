// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IPriceOracle} from "./IPriceOracle.sol";

/// @title ISlowOracle
/// @notice A contestable oracle keyed by (indexId, timestamp): escalating bonded answers, a liveness
///         window, one arbitration per question with a timeout, and pull-based bond credits.
/// @dev A question is *open* from `timestamp` until it is final: unanswered, or answered with
///      block.timestamp < lastAnswerAt + liveness, and no arbitration pending. Checks happen in the
///      order listed on each function so the reference model can predict the exact revert.
interface ISlowOracle is IPriceOracle {
    /// @notice One question's state.
    struct QuestionInfo {
        uint256 answerCount;
        address lastAnswerer;
        uint256 lastValue;
        uint256 lastBond;
        uint256 lastAnswerAt;
        bool arbitrationPending;
        bool arbitrationUsed;
        uint256 arbitrationRequestedAt;
        bool finalized;
        uint256 finalValue;
    }

    /// @notice One answer given to a question.
    struct AnswerInfo {
        address answerer;
        uint256 value;
        uint256 bond;
    }

    /// @notice Thrown by the constructor when minBond is 0 or the arbitrator is the zero address.
    error InvalidConfig();
    /// @notice Thrown when a question is already final.
    error AlreadyFinalized(bytes32 indexId, uint256 timestamp);
    /// @notice Thrown by propose before the question's timestamp.
    error TooEarly(bytes32 indexId, uint256 timestamp, uint256 blockTimestamp);
    /// @notice Thrown while an arbitration is pending on the question.
    error ArbitrationPending(bytes32 indexId, uint256 timestamp);
    /// @notice Thrown by propose and requestArbitration once the last answer's liveness has elapsed.
    error LivenessElapsed(bytes32 indexId, uint256 timestamp, uint256 closedAt);
    /// @notice Thrown by propose when the value equals the current answer.
    error SameValue(uint256 value);
    /// @notice Thrown by propose when the bond is below minBond (first answer) or twice the last bond.
    /// @dev `minimum` saturates at type(uint256).max when twice the last bond does not fit in 256 bits.
    error BondTooLow(uint256 minimum, uint256 bond);
    /// @notice Thrown by finalize and requestArbitration on a question with no answer.
    error NoAnswer(bytes32 indexId, uint256 timestamp);
    /// @notice Thrown by finalize before the last answer's liveness has elapsed.
    error LivenessNotElapsed(bytes32 indexId, uint256 timestamp, uint256 finalizableAt);
    /// @notice Thrown by requestArbitration when the question already had its one arbitration.
    error ArbitrationAlreadyUsed(bytes32 indexId, uint256 timestamp);
    /// @notice Thrown by arbitrate when the caller is not the arbitrator.
    error NotArbitrator(address caller);
    /// @notice Thrown by arbitrate and cancelArbitration when no arbitration is pending.
    error NoArbitrationPending(bytes32 indexId, uint256 timestamp);
    /// @notice Thrown by cancelArbitration before the arbitration timeout.
    error ArbitrationTimeoutNotElapsed(bytes32 indexId, uint256 timestamp, uint256 cancellableAt);
    /// @notice Thrown by withdraw when the caller has no credit.
    error NothingToWithdraw(address account);

    /// @notice An answer was posted with its bond; `answerIndex` counts from 0 per question.
    event Proposed(
        bytes32 indexed indexId,
        uint256 indexed timestamp,
        address indexed answerer,
        uint256 value,
        uint256 bond,
        uint256 answerIndex
    );
    /// @notice Arbitration was requested; the question is frozen until arbitrated or cancelled.
    event ArbitrationRequested(bytes32 indexed indexId, uint256 indexed timestamp, address indexed requester);
    /// @notice A pending arbitration was cancelled after its timeout; liveness restarts now.
    event ArbitrationCancelled(bytes32 indexed indexId, uint256 indexed timestamp, address indexed caller);
    /// @notice The question became final with `value`, by liveness or by arbitration.
    event Finalized(bytes32 indexed indexId, uint256 indexed timestamp, uint256 value, bool byArbitration);
    /// @notice `amount` of bond token was credited to `account` when a question became final.
    event BondCredited(bytes32 indexed indexId, uint256 indexed timestamp, address indexed account, uint256 amount);
    /// @notice `account` withdrew `amount` of credited bond token.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Posts an answer with a bond pulled from the caller.
    /// @dev Checks, in order: not finalized, block.timestamp >= timestamp, no arbitration pending,
    ///      (if answered) liveness not elapsed, (if answered) value differs from the current answer,
    ///      bond >= minBond (first) or bond >= 2 * last bond (later); then pulls the bond.
    function propose(bytes32 indexId, uint256 timestamp, uint256 value, uint256 bond) external;

    /// @notice Makes the last answer final once its liveness has elapsed, and credits the bonds.
    /// @dev Checks, in order: not finalized, answered, no arbitration pending,
    ///      block.timestamp >= lastAnswerAt + liveness. Bond credits (same for arbitrate): for each answer
    ///      in order whose value equals the final value, one BondCredited(answerer, its bond); then, if
    ///      any bond was forfeited, one BondCredited(winner, sum of forfeited bonds), where the winner
    ///      is the last answerer of the final value, or the arbitrator when nobody gave it; then
    ///      Finalized.
    function finalize(bytes32 indexId, uint256 timestamp) external returns (uint256 value);

    /// @notice Freezes an open, answered question for the arbitrator; once per question, by anyone.
    /// @dev Checks, in order: not finalized, answered, not already used (pending counts as used),
    ///      liveness not elapsed.
    function requestArbitration(bytes32 indexId, uint256 timestamp) external;

    /// @notice The arbitrator's final ruling on a pending arbitration: any value, final at once.
    /// @dev Checks, in order: caller is the arbitrator, not finalized, arbitration pending.
    function arbitrate(bytes32 indexId, uint256 timestamp, uint256 value) external;

    /// @notice Unfreezes a question whose arbitration was not given in time; liveness restarts now.
    /// @dev Checks, in order: not finalized, arbitration pending,
    ///      block.timestamp >= arbitrationRequestedAt + arbitrationTimeout.
    function cancelArbitration(bytes32 indexId, uint256 timestamp) external;

    /// @notice Pays the caller all bond credit owed to it.
    function withdraw() external returns (uint256 amount);

    /// @notice One question's state.
    function question(bytes32 indexId, uint256 timestamp) external view returns (QuestionInfo memory);

    /// @notice The `index`-th answer to a question.
    function answerAt(bytes32 indexId, uint256 timestamp, uint256 index) external view returns (AnswerInfo memory);

    /// @notice Bond token credited to `account` and not yet withdrawn.
    function credits(address account) external view returns (uint256);

    /// @notice The token bonds are posted in.
    function bondToken() external view returns (address);
    /// @notice The smallest first bond.
    function minBond() external view returns (uint256);
    /// @notice Seconds an answer must stand unchallenged to become final.
    function liveness() external view returns (uint256);
    /// @notice Seconds after a request before anyone may cancel a pending arbitration.
    function arbitrationTimeout() external view returns (uint256);
    /// @notice The account whose ruling on a pending arbitration is final.
    function arbitrator() external view returns (address);
}
