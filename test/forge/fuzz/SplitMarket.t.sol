// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PayoutMath} from "../../../contracts/libraries/PayoutMath.sol";
import {Fixture} from "../unit/Fixture.t.sol";

/// @notice The market's accounting under fuzzed amounts, strikes and prices.
contract SplitMarketFuzzTest is Fixture {
    uint256 internal constant MAX_AMOUNT = type(uint128).max;

    /// @dev M1 + M6: split then merge of any amount returns exactly the collateral, supplies track locked.
    function testFuzz_M6_splitThenMergeRoundTrips(uint256 amount, uint256 back) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        back = bound(back, 1, amount);
        bytes32 id = _create(address(weth));
        _split(id, alice, amount);
        assertEq(_p(id).totalSupply(), _series(id).locked);
        assertEq(_n(id).totalSupply(), _series(id).locked);

        vm.prank(alice);
        market.merge(id, back, bob);
        assertEq(weth.balanceOf(bob), back);
        assertEq(_series(id).locked, amount - back);
        assertEq(_p(id).totalSupply(), amount - back);
        assertEq(_n(id).totalSupply(), amount - back);
        assertEq(weth.balanceOf(address(market)), amount - back);
    }

    /// @dev M2 + M8 after settlement: two holders redeem everything in two calls each; the market
    ///      pays each what PayoutMath says, never more than was split, and keeps only the dust of
    ///      the floors. The P and N floors of one amount lose at most one unit together (M3), and
    ///      three amounts are paired here (pFirst, amountA - pFirst, amountB): dust <= 3.
    function testFuzz_M2_redeemAllLeavesOnlyDust(
        uint256 amountA,
        uint256 amountB,
        uint256 strike,
        uint256 price,
        uint256 pFirst
    ) public {
        amountA = bound(amountA, 1, MAX_AMOUNT);
        amountB = bound(amountB, 1, MAX_AMOUNT);
        strike = bound(strike, 1, type(uint256).max);
        pFirst = bound(pFirst, 0, amountA);
        bytes32 id = market.createSeries(address(weth), address(oracle), INDEX, strike, EXPIRY);
        _split(id, alice, amountA);
        _split(id, bob, amountB);
        _settle(id, price);

        // alice redeems in two uneven calls (all P and all N in total); bob in one.
        vm.startPrank(alice);
        uint256 paidA = market.redeem(id, pFirst, amountA - pFirst, alice);
        paidA += market.redeem(id, amountA - pFirst, pFirst, alice);
        vm.stopPrank();
        vm.prank(bob);
        uint256 paidB = market.redeem(id, amountB, amountB, bob);

        assertEq(paidB, PayoutMath.payoutP(amountB, strike, price) + PayoutMath.payoutN(amountB, strike, price));
        uint256 total = amountA + amountB;
        assertLe(paidA + paidB, total);
        uint256 locked = _series(id).locked;
        assertEq(locked, total - paidA - paidB);
        assertLe(locked, 3);
        assertEq(weth.balanceOf(address(market)), locked);
        assertEq(_p(id).totalSupply(), 0);
        assertEq(_n(id).totalSupply(), 0);
    }

    /// @dev M2: after settlement, merge and redeem in any order never touch more than `locked`, and
    ///      locked stays >= what the remaining claims are owed.
    function testFuzz_M2_mergeAfterSettlementStaysSolvent(
        uint256 amount,
        uint256 strike,
        uint256 price,
        uint256 pRedeem,
        uint256 nRedeem
    ) public {
        amount = bound(amount, 2, MAX_AMOUNT);
        strike = bound(strike, 1, type(uint256).max);
        pRedeem = bound(pRedeem, 0, amount - 1);
        nRedeem = bound(nRedeem, pRedeem == 0 ? 1 : 0, amount - 1);
        bytes32 id = market.createSeries(address(weth), address(oracle), INDEX, strike, EXPIRY);
        _split(id, alice, amount);
        _settle(id, price);

        vm.startPrank(alice);
        market.redeem(id, pRedeem, nRedeem, alice);
        uint256 both = amount - (pRedeem > nRedeem ? pRedeem : nRedeem);
        if (both != 0) market.merge(id, both, alice);
        vm.stopPrank();

        uint256 supplyP = _p(id).totalSupply();
        uint256 supplyN = _n(id).totalSupply();
        uint256 owed = PayoutMath.payoutP(supplyP, strike, price) + PayoutMath.payoutN(supplyN, strike, price);
        assertGe(_series(id).locked, owed);
        assertEq(weth.balanceOf(address(market)), _series(id).locked);
    }
}
