// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {ISlowOracle} from "contracts/interfaces/ISlowOracle.sol";
import {SplitMarket} from "contracts/SplitMarket.sol";
import {SlowOracle} from "contracts/SlowOracle.sol";
import {MockERC20} from "contracts/test-mocks/MockERC20.sol";
import {CallbackToken} from "contracts/test-mocks/CallbackToken.sol";
import {NoReturnToken} from "contracts/test-mocks/NoReturnToken.sol";
import {FeeOnTransferToken} from "contracts/test-mocks/FeeOnTransferToken.sol";
import {Handler} from "./Handler.sol";
import {System} from "./handlers/Types.sol";

/// @title Setup
/// @notice Deploys the system the invariant suite runs on: a SlowOracle with its bond token, a
///         SplitMarket, four collaterals (a plain 18-decimal token, a callback token the handlers arm
///         and disarm, a 6-decimal token returning no bool, a fee-on-transfer token that split must
///         reject), four funded actors with every approval given, and a seeded history (see
///         _seedState) made through the handler itself, so the ghosts account for it.
/// @dev `_newMarket` and `_newOracle` are virtual so BrokenMarket.t.sol can run the same suite on a
///      deliberately broken market.
abstract contract Setup is Test {
    /// @dev 2026-01-01T00:00:00Z: a realistic clock, far from zero.
    uint256 internal constant START = 1_767_225_600;
    uint256 internal constant MIN_BOND = 1e18;
    uint256 internal constant LIVENESS = 1 hours;
    uint256 internal constant ARBITRATION_TIMEOUT = 3 hours;
    /// @dev Each actor's starting balance of each collateral.
    uint256 internal constant FUNDS = 1e30;

    Handler internal handler;
    ISplitMarket internal market;
    ISlowOracle internal oracle;
    MockERC20 internal bondToken;
    MockERC20 internal plain;
    CallbackToken internal callback;
    NoReturnToken internal noReturn;
    FeeOnTransferToken internal feeToken;
    address internal arbitrator;
    address[] internal actorList;
    address[] internal collateralList;

    function _setUpSystem() internal {
        vm.warp(START);
        arbitrator = makeAddr("arbitrator");
        bondToken = new MockERC20("Bond", "BOND", 18);
        oracle = _newOracle(address(bondToken));
        market = _newMarket();
        plain = new MockERC20("Wrapped Ether", "WETH", 18);
        callback = new CallbackToken("Callback Ether", "CBETH", 18);
        noReturn = new NoReturnToken("Tether USD", "USDT", 6);
        feeToken = new FeeOnTransferToken("Fee Token", "FEE", 18);
        // The handler picks collaterals by index in this order; _seedState relies on it.
        collateralList = [address(plain), address(callback), address(noReturn), address(feeToken)];
        actorList = [makeAddr("alice"), makeAddr("bob"), makeAddr("carol"), makeAddr("dave")];

        for (uint256 a; a < actorList.length; ++a) {
            for (uint256 c; c < collateralList.length; ++c) {
                MockERC20(collateralList[c]).mint(actorList[a], FUNDS);
                _approveAs(actorList[a], collateralList[c], address(market));
            }
            _approveAs(actorList[a], address(bondToken), address(oracle));
        }

        handler = new Handler(
            System({
                market: market,
                oracle: oracle,
                bondToken: address(bondToken),
                arbitrator: arbitrator,
                callbackToken: address(callback),
                collaterals: collateralList,
                actors: actorList
            })
        );
        _seedState();
        handler.resetCounters();
    }

    function _newMarket() internal virtual returns (ISplitMarket) {
        return new SplitMarket();
    }

    function _newOracle(address bond) internal virtual returns (ISlowOracle) {
        return new SlowOracle(bond, MIN_BOND, LIVENESS, ARBITRATION_TIMEOUT, arbitrator);
    }

    /// @dev Seeds, through the handler (seeds decoded as in the handlers) so the ghosts see it all:
    ///      five series — WETH/ETH-USD and CBETH/ETH-USD at 2500 and FEE/ETH-USD at 2500 sharing the
    ///      2-hour ETH-USD question, USDT/US-CPI at 1 on the 2-hour CPI question, WETH/US-CPI at 1 wei
    ///      on the 4-hour one — with every actor splitting 1000 units into each of the first four
    ///      (FEE's split must fail). At the 2-hour mark alice answers ETH-USD with 1250 and bob
    ///      challenges with 5000 at twice the bond; carol answers CPI and dave has it arbitrated.
    ///      An hour later ETH-USD finalizes at 5000 (alice's bond to bob) and WETH/ETH-USD settles.
    ///      So every run starts three hours in with a series to redeem, two to settle, credit to
    ///      withdraw, an arbitration to rule on or (from the 5-hour mark) cancel, and a fresh
    ///      question an hour from its timestamp; its 64 calls go to what comes next.
    function _seedState() internal {
        uint256 slot2h = (0 << 4) | 1;
        uint256 slot4h = (1 << 4) | 1;
        handler.createSeries(0, 0, 4, slot2h); // series 0: WETH, ETH-USD, 2500e18, +2h
        handler.createSeries(1, 0, 4, slot2h); // series 1: CBETH, ETH-USD, 2500e18, +2h
        handler.createSeries(2, 1, 7, slot2h); // series 2: USDT, US-CPI, 1e18, +2h
        handler.createSeries(0, 1, 1, slot4h); // series 3: WETH, US-CPI, 1 wei, +4h
        handler.createSeries(3, 0, 4, slot2h); // series 4: FEE, ETH-USD, 2500e18, +2h
        bytes32[] memory ids = handler.seriesIds();
        require(ids.length == 5, "Setup: seed series not created");
        uint256 amountSeed = (1000e18 << 4) | 5; // _amount: a bounded draw that lands on 1000e18
        for (uint256 a; a < actorList.length; ++a) {
            for (uint256 s; s < 4; ++s) {
                handler.split(a, s, amountSeed, a << 4);
            }
        }

        handler.warp(3, 0, 0); // to series 0's expiry, +2h
        handler.propose(0, 1, 5, 1); // alice: first proposable from series 0 (ETH-USD), strike / 2, minBond
        handler.propose(1, 1, 4, 1); // bob: the same question, 2 * strike, twice alice's bond
        handler.propose(2, (2 << 8) | 1, 2, 1); // carol: first proposable from series 2 (CPI), strike, minBond
        handler.requestArbitration(3, (1 << 8) | 1); // dave: first disputable from question 1 (CPI +2h)
        handler.warp(5, 0, 0); // to the end of question 0's (ETH-USD) liveness, +3h
        handler.finalize(2, 1); // carol: the first finalizable question, ETH-USD
        handler.settle(3, 1); // dave: the first settleable series, WETH/ETH-USD
        ISplitMarket.SeriesInfo memory settled = market.series(ids[0]);
        require(settled.settled && settled.settlementPrice == 5000e18, "Setup: seed settlement failed");
        bytes32 cpi = market.series(ids[2]).indexId;
        require(oracle.question(cpi, START + 2 hours).arbitrationPending, "Setup: seed arbitration failed");
    }

    /// @dev Approves `spender` for everything, by a low-level call: NoReturnToken returns no bool.
    function _approveAs(address owner, address token, address spender) internal {
        vm.prank(owner);
        (bool ok,) = token.call(abi.encodeCall(IERC20.approve, (spender, type(uint256).max)));
        require(ok, "Setup: approve failed");
    }
}
