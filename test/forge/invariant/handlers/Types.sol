// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {ISlowOracle} from "contracts/interfaces/ISlowOracle.sol";

/// @notice Everything a handler acts on, deployed by Setup.
struct System {
    ISplitMarket market;
    ISlowOracle oracle;
    address bondToken;
    address arbitrator;
    address callbackToken;
    address[] collaterals;
    address[] actors;
}

/// @notice One oracle question, (indexId, timestamp).
struct Question {
    bytes32 indexId;
    uint256 timestamp;
}

/// @notice What the handlers saw happen to one question (the oracle's own state is read separately).
struct QuestionGhost {
    uint256 livenessStart; // time of the last successful propose or cancelArbitration
    bool pending; // an arbitration request succeeded and was neither arbitrated nor cancelled
    bool arbitrationUsed;
    uint256 requestedAt;
    bool arbitrated;
    uint256 arbitratedValue;
    bool finalSeen;
    uint256 finalValue;
    uint256 finalSeenAt;
}

/// @notice What the handlers saw happen to one series' settlement.
struct SettlementGhost {
    bool seen;
    uint256 price;
    uint256 settledAt;
}

/// @notice The properties checked inside the handlers, at the moment of each action.
enum Check {
    M5,
    M7,
    O1,
    O2
}

/// @notice Every handler action, for the call counters.
enum Action {
    CreateSeries,
    Split,
    Merge,
    Settle,
    Redeem,
    Donate,
    TransferClaim,
    ApproveClaim,
    TransferFromClaim,
    TransferCollateral,
    ApproveCollateral,
    TransferFromCollateral,
    Propose,
    Finalize,
    RequestArbitration,
    Arbitrate,
    CancelArbitration,
    Withdraw,
    ArmCallback,
    DisarmCallback,
    Warp
}
