// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISplitMarket} from "contracts/interfaces/ISplitMarket.sol";
import {PropertiesBase} from "./PropertiesBase.sol";
import {Check, SettlementGhost} from "../handlers/Types.sol";

/// @title MarketProperties
/// @notice The SplitMarket properties of docs/design.md §4 (M1, M2, M5, M6, M7, M8) as predicates over the
///         chain and the handler's ghosts, each returning (holds, why).
abstract contract MarketProperties is PropertiesBase {
    /// @notice M1: before settlement, supply(P) == supply(N) == locked for every series.
    function propM1Pairs() public view returns (bool, string memory) {
        bytes32[] memory ids = handler.seriesIds();
        for (uint256 i; i < ids.length; ++i) {
            ISplitMarket.SeriesInfo memory s = market.series(ids[i]);
            if (s.settled) continue;
            uint256 p = IERC20(s.pToken).totalSupply();
            uint256 n = IERC20(s.nToken).totalSupply();
            if (p != n || p != s.locked) {
                return (false, string.concat("M1: series ", vm.toString(i), " has P/N/locked ", _three(p, n, s.locked)));
            }
        }
        return (true, "");
    }

    /// @notice M2: per collateral, the market holds at least the sum of `locked` (exactly that plus
    ///         the donations, since every mock is non-rebasing); per series, `locked` is what split
    ///         put in minus what merge and redeem paid out; after settlement,
    ///         locked >= payoutP(supply P) + payoutN(supply N).
    function propM2Solvency() public view returns (bool, string memory) {
        bytes32[] memory ids = handler.seriesIds();
        for (uint256 c; c < collateralList.length; ++c) {
            address collateral = collateralList[c];
            uint256 sumLocked;
            for (uint256 i; i < ids.length; ++i) {
                ISplitMarket.SeriesInfo memory s = market.series(ids[i]);
                if (s.collateral == collateral) sumLocked += s.locked;
            }
            uint256 held = IERC20(collateral).balanceOf(address(market));
            if (held < sumLocked || held != sumLocked + handler.donated(collateral)) {
                return (
                    false,
                    string.concat(
                        "M2: collateral ",
                        vm.toString(c),
                        " held/sumLocked/donated ",
                        _three(held, sumLocked, handler.donated(collateral))
                    )
                );
            }
        }
        for (uint256 i; i < ids.length; ++i) {
            ISplitMarket.SeriesInfo memory s = market.series(ids[i]);
            uint256 put = handler.seriesIn(ids[i]);
            uint256 taken = handler.seriesOut(ids[i]);
            if (taken > put || s.locked != put - taken) {
                return
                    (
                        false,
                        string.concat("M2: series ", vm.toString(i), " locked/in/out ", _three(s.locked, put, taken))
                    );
            }
            if (!s.settled) continue;
            uint256 owed = _payoutP(IERC20(s.pToken).totalSupply(), s.strike, s.settlementPrice)
                + _payoutN(IERC20(s.nToken).totalSupply(), s.strike, s.settlementPrice);
            if (s.locked < owed) {
                return (
                    false,
                    string.concat("M2: settled series ", vm.toString(i), " locked/owed ", _three(s.locked, owed, 0))
                );
            }
        }
        return (true, "");
    }

    /// @notice M5: no action lowered an actor's P, N, collateral (or bond token) balance except the
    ///         actor's own call or a spend of an allowance it granted (checked inside every handler).
    function propM5NoLiquidation() public view returns (bool, string memory) {
        return _noViolation(Check.M5);
    }

    /// @notice M6 (and M2 as a bank run): every actor at once merges all the pairs it holds, and on a
    ///         settled series then redeems what is left; each call succeeds and pays exactly `pairs`,
    ///         or the DESIGN §2 payout. The callback token's series are skipped while it is armed: it
    ///         then refuses every transfer the market makes, which no market can get around.
    /// @dev Acts, so not view: forge discards the changes an invariant check makes.
    function propM6Exit() public returns (bool, string memory) {
        bytes32[] memory ids = handler.seriesIds();
        for (uint256 i; i < ids.length; ++i) {
            ISplitMarket.SeriesInfo memory s = market.series(ids[i]);
            if (handler.ghostArmed() && s.collateral == address(callback)) continue;
            for (uint256 a; a < actorList.length; ++a) {
                (bool ok, string memory why) = _exit(ids[i], s, actorList[a]);
                if (!ok) return (false, string.concat("M6: series ", vm.toString(i), ": ", why));
            }
        }
        return (true, "");
    }

    function _exit(bytes32 seriesId, ISplitMarket.SeriesInfo memory s, address actor)
        internal
        returns (bool, string memory)
    {
        IERC20 collateral = IERC20(s.collateral);
        uint256 p = IERC20(s.pToken).balanceOf(actor);
        uint256 n = IERC20(s.nToken).balanceOf(actor);
        uint256 pairs = p < n ? p : n;
        uint256 before = collateral.balanceOf(actor);
        if (pairs != 0) {
            vm.prank(actor);
            try market.merge(seriesId, pairs, actor) {}
            catch {
                return (false, "merge of the pairs held reverted");
            }
            uint256 got = collateral.balanceOf(actor) - before;
            if (got != pairs) return (false, string.concat("merge pairs/sent ", _three(pairs, got, 0)));
        }
        if (!s.settled || p + n == 2 * pairs) return (true, "");
        uint256 owed =
            _payoutP(p - pairs, s.strike, s.settlementPrice) + _payoutN(n - pairs, s.strike, s.settlementPrice);
        before = collateral.balanceOf(actor);
        vm.prank(actor);
        try market.redeem(seriesId, p - pairs, n - pairs, actor) returns (uint256 payout) {
            uint256 received = collateral.balanceOf(actor) - before;
            if (payout != owed || received != owed) {
                return (false, string.concat("redeem returned/owed/sent ", _three(payout, owed, received)));
            }
        } catch {
            return (false, "redeem of the claims held reverted");
        }
        return (true, "");
    }

    /// @notice M7: no settlement before expiry or without a final value (checked when it happened);
    ///         a settled series stays settled at the price first seen, which is the oracle's final value.
    function propM7Settlement() public view returns (bool, string memory) {
        (bool ok, string memory why) = _noViolation(Check.M7);
        if (!ok) return (ok, why);
        bytes32[] memory ids = handler.seriesIds();
        for (uint256 i; i < ids.length; ++i) {
            ISplitMarket.SeriesInfo memory s = market.series(ids[i]);
            SettlementGhost memory g = handler.settlementGhost(ids[i]);
            if (s.settled != g.seen || s.settlementPrice != g.price) {
                return (false, string.concat("M7: series ", vm.toString(i), " settlement differs from the one seen"));
            }
            if (!s.settled) continue;
            (bool isFinal, uint256 value) = oracle.finalValue(s.indexId, s.expiry);
            if (!isFinal || value != s.settlementPrice || g.settledAt < s.expiry) {
                return (false, string.concat("M7: series ", vm.toString(i), " price is not the final value at expiry"));
            }
        }
        return (true, "");
    }

    /// @notice M8: per collateral, the market paid out no more than split and donations put in; per
    ///         series, merge and redeem paid out no more than split put in.
    function propM8NoValueCreated() public view returns (bool, string memory) {
        for (uint256 c; c < collateralList.length; ++c) {
            address collateral = collateralList[c];
            uint256 inflow = handler.paidIn(collateral) + handler.donated(collateral);
            if (handler.paidOut(collateral) > inflow) {
                return (
                    false,
                    string.concat(
                        "M8: collateral ", vm.toString(c), " out/in ", _three(handler.paidOut(collateral), inflow, 0)
                    )
                );
            }
        }
        bytes32[] memory ids = handler.seriesIds();
        for (uint256 i; i < ids.length; ++i) {
            if (handler.seriesOut(ids[i]) > handler.seriesIn(ids[i])) {
                return (
                    false,
                    string.concat(
                        "M8: series ",
                        vm.toString(i),
                        " out/in ",
                        _three(handler.seriesOut(ids[i]), handler.seriesIn(ids[i]), 0)
                    )
                );
            }
        }
        return (true, "");
    }
}
