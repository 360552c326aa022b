// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {ClaimToken} from "../../../contracts/ClaimToken.sol";
import {Fixture} from "./Fixture.t.sol";

/// @dev A collateral whose decimals() and symbol() answer with junk: 300 and a non-ABI string.
contract JunkMetadataToken {
    function decimals() external pure returns (uint256) {
        return 300;
    }

    function symbol() external pure returns (bytes32) {
        return "JUNK";
    }
}

contract SplitMarketCreateSeriesTest is Fixture {
    function test_createSeries_returnsIdAndStoresSeries() public {
        bytes32 expected = keccak256(abi.encode(address(weth), address(oracle), INDEX, STRIKE, EXPIRY));
        bytes32 id = _create(address(weth));
        assertEq(id, expected);
        assertEq(market.seriesIdOf(address(weth), address(oracle), INDEX, STRIKE, EXPIRY), expected);

        ISplitMarket.SeriesInfo memory s = _series(id);
        assertEq(s.collateral, address(weth));
        assertEq(s.oracle, address(oracle));
        assertEq(s.indexId, INDEX);
        assertEq(s.strike, STRIKE);
        assertEq(s.expiry, EXPIRY);
        assertEq(s.pToken, vm.computeCreateAddress(address(market), 1));
        assertEq(s.nToken, vm.computeCreateAddress(address(market), 2));
        assertEq(s.locked, 0);
        assertFalse(s.settled);
        assertEq(s.settlementPrice, 0);
    }

    function test_createSeries_emitsSeriesCreated() public {
        bytes32 id = market.seriesIdOf(address(weth), address(oracle), INDEX, STRIKE, EXPIRY);
        vm.expectEmit(address(market));
        emit ISplitMarket.SeriesCreated(
            id,
            address(weth),
            address(oracle),
            INDEX,
            STRIKE,
            EXPIRY,
            vm.computeCreateAddress(address(market), 1),
            vm.computeCreateAddress(address(market), 2)
        );
        _create(address(weth));
    }

    /// @dev The model predicts claim addresses from CREATE nonces: P at 1 + 2k, N at 2 + 2k, and a
    ///      reverted createSeries consumes no nonce.
    function test_createSeries_claimAddressesFollowNonces() public {
        _create(address(weth));
        vm.expectRevert(ISplitMarket.ZeroStrike.selector);
        market.createSeries(address(usdc), address(oracle), INDEX, 0, EXPIRY);
        bytes32 second = market.createSeries(address(usdc), address(oracle), INDEX, STRIKE, EXPIRY);
        assertEq(_series(second).pToken, vm.computeCreateAddress(address(market), 3));
        assertEq(_series(second).nToken, vm.computeCreateAddress(address(market), 4));
    }

    function test_createSeries_claimTokensCarryCollateralDecimalsAndNames() public {
        bytes32 id18 = _create(address(weth));
        bytes32 id6 = market.createSeries(address(usdc), address(oracle), INDEX, 2500.5e18, EXPIRY);
        assertEq(_p(id18).decimals(), 18);
        assertEq(_n(id18).decimals(), 18);
        assertEq(_p(id6).decimals(), 6);
        assertEq(_n(id6).decimals(), 6);
        assertEq(_p(id18).market(), address(market));
        assertEq(_p(id18).symbol(), "P-WETH-2000-1702592000");
        assertEq(_n(id18).symbol(), "N-WETH-2000-1702592000");
        assertEq(_p(id18).name(), "cliffless P WETH strike 2000 expiry 1702592000");
        assertEq(_n(id6).name(), "cliffless N USDC strike 2500.5 expiry 1702592000");
        assertEq(_p(id18).totalSupply(), 0);
    }

    function test_createSeries_defaultsWhenMetadataMissing() public {
        // The oracle has code but neither decimals() nor symbol().
        bytes32 id = _create(address(oracle));
        assertEq(_p(id).decimals(), 18);
        assertEq(_p(id).symbol(), "P-COLL-2000-1702592000");
    }

    function test_createSeries_defaultsWhenMetadataIsJunk() public {
        bytes32 id = _create(address(new JunkMetadataToken()));
        assertEq(_p(id).decimals(), 18);
        assertEq(_n(id).symbol(), "N-COLL-2000-1702592000");
    }

    function test_createSeries_anyoneMayCreate() public {
        vm.prank(alice);
        bytes32 id = _create(address(weth));
        assertEq(_series(id).collateral, address(weth));
    }

    function test_createSeries_revertsWhen_collateralHasNoCode() public {
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.CollateralHasNoCode.selector, alice));
        // Checked first: the oracle, strike and expiry are bad too.
        market.createSeries(alice, bob, INDEX, 0, 0);
    }

    function test_createSeries_revertsWhen_oracleHasNoCode() public {
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.OracleHasNoCode.selector, bob));
        market.createSeries(address(weth), bob, INDEX, 0, 0);
    }

    function test_createSeries_revertsWhen_strikeIsZero() public {
        vm.expectRevert(ISplitMarket.ZeroStrike.selector);
        market.createSeries(address(weth), address(oracle), INDEX, 0, 0);
    }

    function test_createSeries_revertsWhen_expiryIsNow() public {
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.ExpiryNotInFuture.selector, START, START));
        market.createSeries(address(weth), address(oracle), INDEX, STRIKE, START);
    }

    function test_createSeries_revertsWhen_expiryIsPast() public {
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.ExpiryNotInFuture.selector, START - 1, START));
        market.createSeries(address(weth), address(oracle), INDEX, STRIKE, START - 1);
    }

    function test_createSeries_revertsWhen_seriesExists() public {
        bytes32 id = _create(address(weth));
        vm.expectRevert(abi.encodeWithSelector(ISplitMarket.SeriesExists.selector, id));
        _create(address(weth));
    }

    function test_series_unknownIdReadsAsZeros() public view {
        ISplitMarket.SeriesInfo memory s = _series(keccak256("nothing"));
        assertEq(s.collateral, address(0));
        assertEq(s.pToken, address(0));
        assertEq(s.nToken, address(0));
        assertEq(s.strike, 0);
        assertEq(s.locked, 0);
        assertFalse(s.settled);
    }

    function test_payoutOf_matchesPayoutMath() public view {
        (uint256 p, uint256 n) = market.payoutOf(STRIKE, 4000e18, 10e18, 10e18);
        assertEq(p, 5e18);
        assertEq(n, 5e18);
        (p, n) = market.payoutOf(STRIKE, 1000e18, 10e18, 10e18);
        assertEq(p, 10e18);
        assertEq(n, 0);
        (p, n) = market.payoutOf(3, 7, 10, 10);
        assertEq(p, 4); // floor(30 / 7)
        assertEq(n, 5); // floor(40 / 7)
    }

    function test_claimToken_constructorRecordsDeployerAsMarket() public {
        vm.prank(alice);
        ClaimToken token = new ClaimToken("n", "s", 6);
        assertEq(token.market(), alice);
        assertEq(token.decimals(), 6);
    }
}
