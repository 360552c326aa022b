// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SlowOracle} from "../../contracts/SlowOracle.sol";

/// @title SlowOracleProperties
/// @notice O1, O2, O3 and the arbitration rules of docs/design.md as assertions for solc's SMTChecker.
///         Never deployed. It inherits the oracle and wraps each function that changes a question:
///         the wrapper reads the question before the call, calls the real function, and asserts
///         what a successful call may have done. BMC checks each wrapper from an arbitrary storage
///         state (reachable or not), so a proved assert holds for every successful call.
/// @dev Compiled against prove/oracle-source.ts's view of the oracle (`_questions` internal,
///      the wrapped functions public, storage pointers inlined, `if (c) revert E()` as require) and
///      the OpenZeppelin stand-ins in ./oz-standins. No storage pointers here either: the checker
///      forgets every mapping when one is assigned. Each assert carries its property id in a
///      trailing comment; `cliffless prove` reports by it. Withdraw has no wrapper: that it leaves
///      every question alone rests on the reentrancy guard across the bond-token call, which BMC
///      does not follow (it forgets all state after an external call).
contract SlowOracleProperties is SlowOracle {
    constructor(address bondToken_, uint256 minBond_, uint256 liveness_, uint256 timeout_, address arbitrator_)
        SlowOracle(bondToken_, minBond_, liveness_, timeout_, arbitrator_)
    {}

    function checkedPropose(bytes32 indexId, uint256 timestamp, uint256 value, uint256 bond) external {
        uint256 count = _questions[indexId][timestamp].answers.length;
        uint256 lastBond = count == 0 ? 0 : _questions[indexId][timestamp].answers[count - 1].bond;
        bool wasPending = _questions[indexId][timestamp].arbitrationPending;
        bool wasFinal = _questions[indexId][timestamp].finalized;
        uint256 firstBond = minBond; // read before the call: BMC forgets all state after an external call
        propose(indexId, timestamp, value, bond);
        assert(block.timestamp >= timestamp); // O1 no answer before the question's timestamp
        assert(count == 0 ? bond >= firstBond : bond / 2 >= lastBond); // O3 a later answer at least doubles the bond
        assert(!wasPending); // O2 no answer while arbitration is pending
        assert(!wasFinal); // O2 no answer after finalization
    }

    function checkedFinalize(bytes32 indexId, uint256 timestamp) external {
        uint256 answeredAt = _questions[indexId][timestamp].lastAnswerAt;
        bool wasPending = _questions[indexId][timestamp].arbitrationPending;
        bool wasFinal = _questions[indexId][timestamp].finalized;
        uint256 value = finalize(indexId, timestamp);
        assert(!wasPending); // O2 a pending arbitration blocks finalize
        assert(reached(answeredAt, liveness)); // O2 final only after liveness
        assert(
            !wasFinal && _questions[indexId][timestamp].finalized && _questions[indexId][timestamp].finalValue == value
        ); // O2 finalize fixes the value once
    }

    function checkedRequestArbitration(bytes32 indexId, uint256 timestamp) external {
        bool wasUsed = _questions[indexId][timestamp].arbitrationUsed;
        bool wasFinal = _questions[indexId][timestamp].finalized;
        requestArbitration(indexId, timestamp);
        assert(!wasUsed && !wasFinal && _questions[indexId][timestamp].arbitrationPending); // O5 arbitration requested once per question, before final
    }

    function checkedArbitrate(bytes32 indexId, uint256 timestamp, uint256 value) external {
        bool wasPending = _questions[indexId][timestamp].arbitrationPending;
        bool wasFinal = _questions[indexId][timestamp].finalized;
        arbitrate(indexId, timestamp, value);
        assert(msg.sender == arbitrator && wasPending); // O2 only the arbitrator rules, only when asked
        assert(
            !wasFinal && _questions[indexId][timestamp].finalized && _questions[indexId][timestamp].finalValue == value
        ); // O2 the ruling is final once
    }

    function checkedCancelArbitration(bytes32 indexId, uint256 timestamp) external {
        uint256 requestedAt = _questions[indexId][timestamp].arbitrationRequestedAt;
        bool wasFinal = _questions[indexId][timestamp].finalized;
        cancelArbitration(indexId, timestamp);
        assert(reached(requestedAt, arbitrationTimeout)); // O5 cancel only after the arbitration timeout
        assert(
            !wasFinal && !_questions[indexId][timestamp].arbitrationPending
                && _questions[indexId][timestamp].lastAnswerAt == block.timestamp
        ); // O5 cancel unfreezes and restarts liveness
    }

    /// @dev `now >= start + duration`, the sum saturating at type(uint256).max as the oracle's deadlines do.
    function reached(uint256 start, uint256 duration) private view returns (bool) {
        return block.timestamp >= start && (block.timestamp - start >= duration || block.timestamp == type(uint256).max);
    }
}
