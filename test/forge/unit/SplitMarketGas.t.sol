// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./Fixture.t.sol";

/// @notice Gas of split, merge and redeem in named scenarios, for the README. Each test makes one
///         measured market call and logs `vm.lastCallGas().gasTotalUsed`. Run with `--isolate`:
///         each top-level call is then its own transaction with cold storage, as on chain, and the
///         figure is that transaction's gas used (21,000 base and calldata included, refunds
///         applied). Without `--isolate` it is only the call frame's gas, in a warmer state.
contract SplitMarketGasTest is Fixture {
    bytes32 internal id;

    function setUp() public override {
        super.setUp();
        id = _create(address(weth));
        _fund(weth, alice, address(market), 100e18);
        _fund(weth, bob, address(market), 100e18);
        vm.prank(bob);
        market.split(id, 10e18, bob);
    }

    function _logGas(string memory scenario) internal {
        emit log_named_uint(scenario, vm.lastCallGas().gasTotalUsed);
    }

    /// @dev First split by an account: its P and N balances go from zero to non-zero.
    function test_gas_split_firstPosition() public {
        vm.prank(alice);
        market.split(id, 10e18, alice);
        _logGas("split, first position");
        assertEq(_p(id).balanceOf(alice), 10e18);
    }

    /// @dev A split that adds to an existing position.
    function test_gas_split_addToPosition() public {
        vm.prank(bob);
        market.split(id, 10e18, bob);
        _logGas("split, add to position");
        assertEq(_p(id).balanceOf(bob), 20e18);
    }

    function test_gas_merge_partial() public {
        vm.prank(bob);
        market.merge(id, 4e18, bob);
        _logGas("merge, partial");
        assertEq(_p(id).balanceOf(bob), 6e18);
    }

    function test_gas_merge_wholePosition() public {
        vm.prank(bob);
        market.merge(id, 10e18, bob);
        _logGas("merge, whole position");
        assertEq(_series(id).locked, 0);
    }

    function test_gas_redeem_bothSides() public {
        _settle(id, 2500e18);
        vm.prank(bob);
        market.redeem(id, 10e18, 10e18, bob);
        _logGas("redeem, both sides, whole position");
        assertEq(_series(id).locked, 0);
    }

    function test_gas_redeem_pOnly() public {
        _settle(id, 2500e18);
        vm.prank(bob);
        market.redeem(id, 4e18, 0, bob);
        _logGas("redeem, P only, partial");
        assertEq(_series(id).locked, 10e18 - 3.2e18);
    }
}
