// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {ISlowOracle} from "contracts/interfaces/ISlowOracle.sol";

import {System, Question, QuestionGhost, SettlementGhost, Check, Action} from "./Types.sol";

/// @title HandlerBase
/// @notice State, ghost variables and bookkeeping shared by the invariant handlers.
/// @dev An action that fails reverts the handler call (nothing it did could have changed state), so
///      forge's metrics table reports each action's attempts and failures over the whole campaign.
///      Every action runs inside `tracked`, which (1) re-applies the handler's clock, (2) snapshots
///      every actor's balance of each token the action can move, (3) after the action, flags any
///      decrease not covered by a permit the action registered for its own caller or for an
///      allowance the owner granted (M5), and (4) observes settlements (M7) and finalizations (O2)
///      the moment they happen, so the read-only properties can check when.
abstract contract HandlerBase is CommonBase, StdUtils {
    /// @notice Thrown when a token call returned false instead of reverting.
    error TokenReturnedFalse(address token);

    /// @dev The number of Action members (a literal: array lengths need one).
    uint256 internal constant ACTION_COUNT = 21;
    uint256 internal constant MAX_SERIES = 12;

    ISplitMarket public immutable market;
    ISlowOracle public immutable oracle;
    address public immutable bondToken;
    address public immutable arbitrator;
    address public immutable callbackToken;
    uint256 internal immutable liveness;
    uint256 internal immutable arbitrationTimeout;
    uint256 internal immutable minBond;
    /// @dev The deployment time: series expiries are drawn from a grid anchored here.
    uint256 internal immutable start;

    address[] internal _collaterals;
    address[] internal _actors;
    bytes32[] internal _seriesIds;
    Question[] internal _questions;
    mapping(bytes32 key => bool) internal _questionKnown;

    /// @notice The handler's clock; every action warps to it first, so time only moves through warp().
    uint256 public ghostTime;
    /// @notice Whether the callback token is armed (ghost of CallbackToken.armed).
    bool public ghostArmed;

    /// @notice Collateral the market's balance grew by through split, per token (M8).
    mapping(address token => uint256) public paidIn;
    /// @notice Collateral the market's balance shrank by through merge and redeem, per token (M8).
    mapping(address token => uint256) public paidOut;
    /// @notice Collateral sent to the market directly, per token (M2, M8).
    mapping(address token => uint256) public donated;
    /// @notice Collateral received by split into one series.
    mapping(bytes32 seriesId => uint256) public seriesIn;
    /// @notice Collateral paid out of one series by merge and redeem.
    mapping(bytes32 seriesId => uint256) public seriesOut;
    /// @notice Bond token withdrawn from the oracle by an account (O4).
    mapping(address account => uint256) public withdrawn;

    mapping(bytes32 seriesId => SettlementGhost) internal _settlement;
    mapping(bytes32 key => QuestionGhost) internal _questionGhost;
    mapping(bytes32 key => ISlowOracle.AnswerInfo[]) internal _answers;

    /// @dev The first violation seen by the in-handler checks, per Check; empty while none.
    mapping(Check => string) internal _violations;

    /// @notice Successful calls per Action in the current run. A failed action reverts the whole
    ///         handler call, so forge's own metrics table counts attempts and failures over all runs.
    uint256[ACTION_COUNT] public successes;

    /// @dev Balance decreases the current action may cause: its caller's own spending, or spending
    ///      through an allowance the owner granted. Cleared after every action.
    struct Permit {
        address account;
        address token;
        uint256 amount;
    }

    Permit[] internal _permits;
    Action internal _current;

    /// @dev Every actor's balance of one token, taken before the current action.
    struct Watch {
        address token;
        uint256[] balances;
    }

    Watch[] internal _watched;
    /// @dev The P and N token of every series, in creation order.
    address[] internal _claimTokens;

    constructor(System memory system) {
        market = system.market;
        oracle = system.oracle;
        bondToken = system.bondToken;
        arbitrator = system.arbitrator;
        callbackToken = system.callbackToken;
        _collaterals = system.collaterals;
        _actors = system.actors;
        liveness = system.oracle.liveness();
        arbitrationTimeout = system.oracle.arbitrationTimeout();
        minBond = system.oracle.minBond();
        start = block.timestamp;
        ghostTime = block.timestamp;
    }

    /// @dev Market actions snapshot every collateral and claim token, since the market can move any
    ///      of them, and observe settlements; token and oracle actions watch the one token they can
    ///      move (an OpenZeppelin ERC20, the mocks included, only ever changes its own balances, and
    ///      actors approve the oracle for the bond token only) and oracle actions observe finality.
    modifier tracked(Action action) {
        vm.warp(ghostTime);
        _current = action;
        bool marketAction = action <= Action.Redeem;
        bool oracleAction = action >= Action.Propose && action <= Action.Withdraw;
        // Memory, not storage: a market action reads ~100 balances and this runs on every call.
        Watch[] memory pre = marketAction ? _marketSnapshot() : new Watch[](oracleAction ? 1 : 0);
        if (oracleAction) pre[0] = _snapshotOf(bondToken);
        _;
        for (uint256 w; w < pre.length; ++w) {
            _checkForeignDecreases(pre[w]);
        }
        for (uint256 w; w < _watched.length; ++w) {
            _checkForeignDecreases(_watched[w]);
        }
        if (marketAction) _observeSettlements();
        if (oracleAction) _observeFinality();
        delete _permits;
        delete _watched;
        successes[uint256(action)]++;
    }

    // ---------------------------------------------------------------- views for the properties

    /// @notice The first violation of `check` seen by the handlers, or "" when none.
    function violation(Check check) external view returns (string memory) {
        return _violations[check];
    }

    function seriesIds() external view returns (bytes32[] memory) {
        return _seriesIds;
    }

    function questions() external view returns (Question[] memory) {
        return _questions;
    }

    function answersOf(bytes32 indexId, uint256 timestamp) external view returns (ISlowOracle.AnswerInfo[] memory) {
        return _answers[_key(indexId, timestamp)];
    }

    function questionGhost(bytes32 indexId, uint256 timestamp) external view returns (QuestionGhost memory) {
        return _questionGhost[_key(indexId, timestamp)];
    }

    function settlementGhost(bytes32 seriesId) external view returns (SettlementGhost memory) {
        return _settlement[seriesId];
    }

    function actionName(uint256 action) public pure returns (string memory) {
        string[ACTION_COUNT] memory names = [
            "createSeries",
            "split",
            "merge",
            "settle",
            "redeem",
            "donate",
            "transferClaim",
            "approveClaim",
            "transferFromClaim",
            "transferCollateral",
            "approveCollateral",
            "transferFromCollateral",
            "propose",
            "finalize",
            "requestArbitration",
            "arbitrate",
            "cancelArbitration",
            "withdraw",
            "armCallback",
            "disarmCallback",
            "warp"
        ];
        return names[action];
    }

    function actionCount() external pure returns (uint256) {
        return ACTION_COUNT;
    }

    // ---------------------------------------------------------------- picking inputs

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev Mostly an actor; one time in 16 the zero address, to reach the InvalidRecipient paths.
    function _recipient(uint256 seed) internal view returns (address) {
        return seed % 16 == 15 ? address(0) : _actor(seed >> 4);
    }

    /// @dev An amount shaped around `max` (a balance or allowance): usually within it, sometimes all
    ///      of it, sometimes zero or one more than it, to reach both the success and the revert paths.
    function _amount(uint256 seed, uint256 max) internal pure returns (uint256) {
        uint256 mode = seed % 16;
        if (mode == 0) return 0;
        if (mode == 1) return max == type(uint256).max ? max : max + 1;
        if (mode <= 4 || max <= 1) return max;
        return _bound(seed >> 4, 1, max);
    }

    function _balance(address token, address account) internal view returns (uint256) {
        return IERC20(token).balanceOf(account);
    }

    function _key(bytes32 indexId, uint256 timestamp) internal pure returns (bytes32) {
        return keccak256(abi.encode(indexId, timestamp));
    }

    function _permit(address account, address token, uint256 amount) internal {
        _permits.push(Permit(account, token, amount));
    }

    /// @dev A token call as `caller` that must succeed (a revert bubbles, a `false` return reverts);
    ///      low-level because NoReturnToken returns no bool.
    function _tokenCall(address caller, address token, bytes memory data) internal {
        vm.prank(caller);
        (bool ok, bytes memory ret) = token.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        if (ret.length != 0 && !abi.decode(ret, (bool))) revert TokenReturnedFalse(token);
    }

    /// @dev Books a change of the market's collateral balance made by split, merge or redeem.
    function _bookFlow(bytes32 seriesId, address collateral, uint256 before) internal {
        uint256 afterwards = _balance(collateral, address(market));
        if (afterwards >= before) {
            paidIn[collateral] += afterwards - before;
            seriesIn[seriesId] += afterwards - before;
        } else {
            paidOut[collateral] += before - afterwards;
            seriesOut[seriesId] += before - afterwards;
        }
    }

    function _registerSeries(bytes32 seriesId, bytes32 indexId, uint256 expiry) internal {
        _seriesIds.push(seriesId);
        ISplitMarket.SeriesInfo memory info = market.series(seriesId);
        _claimTokens.push(info.pToken);
        _claimTokens.push(info.nToken);
        bytes32 key = _key(indexId, expiry);
        if (!_questionKnown[key]) {
            _questionKnown[key] = true;
            _questions.push(Question(indexId, expiry));
        }
    }

    function _violate(Check check, string memory message) internal {
        if (bytes(_violations[check]).length == 0) {
            _violations[check] = string.concat(actionName(uint256(_current)), ": ", message);
        }
    }

    // ---------------------------------------------------------------- M5: balance snapshots

    function _snapshotOf(address token) internal view returns (Watch memory watch) {
        watch.token = token;
        watch.balances = new uint256[](_actors.length);
        for (uint256 a; a < _actors.length; ++a) {
            watch.balances[a] = _balance(token, _actors[a]);
        }
    }

    /// @dev Every collateral and claim token: what a market action could move.
    function _marketSnapshot() internal view returns (Watch[] memory watches) {
        uint256 n = _collaterals.length;
        watches = new Watch[](n + _claimTokens.length);
        for (uint256 i; i < n; ++i) {
            watches[i] = _snapshotOf(_collaterals[i]);
        }
        for (uint256 i; i < _claimTokens.length; ++i) {
            watches[n + i] = _snapshotOf(_claimTokens[i]);
        }
    }

    /// @dev Snapshots every actor's balance of `token` from inside an action that only then knows
    ///      which token it moves; checked after the action like the modifier's own snapshot.
    function _watch(address token) internal {
        _watched.push(_snapshotOf(token));
    }

    function _permitted(address account, address token) internal view returns (uint256 total) {
        for (uint256 i; i < _permits.length; ++i) {
            if (_permits[i].account == account && _permits[i].token == token) total += _permits[i].amount;
        }
    }

    function _checkForeignDecreases(Watch memory watch) internal {
        for (uint256 a; a < _actors.length; ++a) {
            uint256 was = watch.balances[a];
            uint256 now_ = _balance(watch.token, _actors[a]);
            if (now_ >= was) continue;
            uint256 allowed = _permitted(_actors[a], watch.token);
            if (was - now_ > allowed) {
                _violate(
                    Check.M5,
                    string.concat(
                        "balance of ",
                        vm.toString(_actors[a]),
                        " in token ",
                        vm.toString(watch.token),
                        " fell by ",
                        vm.toString(was - now_),
                        ", permitted ",
                        vm.toString(allowed)
                    )
                );
            }
        }
    }

    // ---------------------------------------------------------------- M7 and O2: observations

    function _observeSettlements() internal {
        for (uint256 i; i < _seriesIds.length; ++i) {
            ISplitMarket.SeriesInfo memory info = market.series(_seriesIds[i]);
            SettlementGhost storage g = _settlement[_seriesIds[i]];
            if (!info.settled) {
                if (g.seen) _violate(Check.M7, "a settled series became unsettled");
                continue;
            }
            if (g.seen) {
                if (info.settlementPrice != g.price) _violate(Check.M7, "a settled price changed");
                continue;
            }
            g.seen = true;
            g.price = info.settlementPrice;
            g.settledAt = block.timestamp;
            if (block.timestamp < info.expiry) _violate(Check.M7, "settled before expiry");
            (bool isFinal, uint256 value) = oracle.finalValue(info.indexId, info.expiry);
            if (!isFinal) _violate(Check.M7, "settled without a final value");
            else if (value != info.settlementPrice) _violate(Check.M7, "settled at a price other than the final value");
        }
    }

    function _observeFinality() internal {
        for (uint256 i; i < _questions.length; ++i) {
            Question memory q = _questions[i];
            bytes32 key = _key(q.indexId, q.timestamp);
            ISlowOracle.QuestionInfo memory info = oracle.question(q.indexId, q.timestamp);
            QuestionGhost storage g = _questionGhost[key];
            (bool isFinal, uint256 value) = oracle.finalValue(q.indexId, q.timestamp);
            if (isFinal != info.finalized || value != info.finalValue) {
                _violate(Check.O2, "finalValue() disagrees with question()");
            }
            if (!info.finalized) {
                if (g.finalSeen) _violate(Check.O2, "a final question became open");
                continue;
            }
            if (g.finalSeen) {
                if (info.finalValue != g.finalValue) _violate(Check.O2, "a final value changed");
                continue;
            }
            g.finalSeen = true;
            g.finalValue = info.finalValue;
            g.finalSeenAt = block.timestamp;
            if (g.arbitrated) {
                if (info.finalValue != g.arbitratedValue) _violate(Check.O2, "final value is not the ruling");
                continue;
            }
            ISlowOracle.AnswerInfo[] storage answers = _answers[key];
            if (answers.length == 0) {
                _violate(Check.O2, "final without an answer or a ruling");
            } else if (g.pending) {
                _violate(Check.O2, "final while an arbitration was pending");
            } else if (block.timestamp - g.livenessStart < liveness) {
                _violate(Check.O2, "final before liveness elapsed");
            } else if (info.finalValue != answers[answers.length - 1].value) {
                _violate(Check.O2, "final value is not the last answer");
            }
        }
    }
}
