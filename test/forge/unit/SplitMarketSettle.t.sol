// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {Fixture} from "./Fixture.t.sol";

contract SplitMarketSettleTest is Fixture {
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        id = _create(address(weth));
    }

    function test_settle_fixesOracleFinalValue() public {
        _finalizeOracle(2500e18);
        vm.prank(bob);
        uint256 price = market.settle(id);
        assertEq(price, 2500e18);
        assertTrue(_series(id).settled);
        assertEq(_series(id).settlementPrice, 2500e18);
    }

    function test_settle_emitsSettled() public {
        _finalizeOracle(1234e18);
        vm.expectEmit(address(market));
        emit ISplitMarket.Settled(id, 1234e18);
        market.settle(id);
    }

    /// @dev A zero price is a valid final value ("finalized" is a flag, not a sentinel).
    function test_settle_acceptsZeroPrice() public {
        _settle(id, 0);
        assertTrue(_series(id).settled);
        assertEq(_series(id).settlementPrice, 0);
    }

    function test_settle_seriesSharingTheQuestionSettleAlike() public {
        bytes32 other = market.createSeries(address(usdc), address(oracle), INDEX, 1e18, EXPIRY);
        _settle(id, 3000e18);
        assertEq(market.settle(other), 3000e18);
    }

    function test_settle_revertsWhen_unknownSeries() public {
        bytes32 unknown = keccak256("unknown");
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.UnknownSeries.selector, unknown));
        market.settle(unknown);
    }

    /// @dev M7: a settled price never changes, even if asked again.
    function test_settle_revertsWhen_alreadySettled() public {
        _settle(id, 2500e18);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.AlreadySettled.selector, id));
        market.settle(id);
        assertEq(_series(id).settlementPrice, 2500e18);
    }

    /// @dev M7: no settlement before expiry, even one second before.
    function test_settle_revertsWhen_notExpired() public {
        vm.warp(EXPIRY - 1);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.NotExpired.selector, id, EXPIRY, EXPIRY - 1));
        market.settle(id);
    }

    /// @dev M7: no settlement without a finalized value: unanswered, then answered but still live.
    function test_settle_revertsWhen_notFinalized() public {
        vm.warp(EXPIRY);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.NotFinalized.selector, id, INDEX, EXPIRY));
        market.settle(id);

        vm.prank(alice);
        oracle.propose(INDEX, EXPIRY, 2500e18, MIN_BOND);
        vm.warp(EXPIRY + LIVENESS - 1);
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.NotFinalized.selector, id, INDEX, EXPIRY));
        market.settle(id);
    }
}
