// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SplitMarket} from "../../../contracts/SplitMarket.sol";
import {SlowOracle} from "../../../contracts/SlowOracle.sol";
import {ClaimToken} from "../../../contracts/ClaimToken.sol";
import {ISplitMarket} from "../../../contracts/interfaces/ISplitMarket.sol";
import {MockERC20} from "../../../contracts/test-mocks/MockERC20.sol";

/// @notice Shared world for the unit tests: a bond token, a SlowOracle, a SplitMarket, two
///         collaterals (18 and 6 decimals) and three funded actors. Abstract: forge runs no tests here.
abstract contract Fixture is Test {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant MIN_BOND = 1e18;
    uint256 internal constant LIVENESS = 2 hours;
    uint256 internal constant TIMEOUT = 3 days;
    uint256 internal constant STRIKE = 2000e18;
    uint256 internal constant EXPIRY = START + 30 days;
    bytes32 internal constant INDEX = keccak256("ETH/USD");

    MockERC20 internal bond;
    MockERC20 internal weth;
    MockERC20 internal usdc;
    SlowOracle internal oracle;
    SplitMarket internal market;

    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal arbitrator = makeAddr("arbitrator");

    function setUp() public virtual {
        vm.warp(START);
        bond = new MockERC20("Bond", "BOND", 18);
        weth = new MockERC20("Wrapped Ether", "WETH", 18);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        oracle = new SlowOracle(address(bond), MIN_BOND, LIVENESS, TIMEOUT, arbitrator);
        market = new SplitMarket();
        address[3] memory actors = [alice, bob, carol];
        for (uint256 i; i < actors.length; ++i) {
            _fund(bond, actors[i], address(oracle), 1_000_000e18);
        }
    }

    /// @dev Mints `amount` of `token` to `who` and approves `spender` for all of it. The approval is
    ///      a raw call so that it also works for NoReturnToken, whose approve returns no data.
    function _fund(MockERC20 token, address who, address spender, uint256 amount) internal {
        token.mint(who, amount);
        vm.prank(who);
        (bool ok,) = address(token).call(abi.encodeCall(IERC20.approve, (spender, type(uint256).max)));
        assertTrue(ok, "approve failed");
    }

    function _create(address collateral) internal returns (bytes32) {
        return market.createSeries(collateral, address(oracle), INDEX, STRIKE, EXPIRY);
    }

    function _series(bytes32 id) internal view returns (ISplitMarket.SeriesInfo memory) {
        return market.series(id);
    }

    function _p(bytes32 id) internal view returns (ClaimToken) {
        return ClaimToken(market.series(id).pToken);
    }

    function _n(bytes32 id) internal view returns (ClaimToken) {
        return ClaimToken(market.series(id).nToken);
    }

    /// @dev Funds `who` with collateral and splits `amount` to itself.
    function _split(bytes32 id, address who, uint256 amount) internal {
        MockERC20 collateral = MockERC20(market.series(id).collateral);
        _fund(collateral, who, address(market), amount);
        vm.prank(who);
        market.split(id, amount, who);
    }

    /// @dev Makes `value` final for (INDEX, EXPIRY) by an undisputed answer, warping past expiry.
    function _finalizeOracle(uint256 value) internal {
        if (block.timestamp < EXPIRY) vm.warp(EXPIRY);
        vm.prank(carol);
        oracle.propose(INDEX, EXPIRY, value, MIN_BOND);
        vm.warp(block.timestamp + LIVENESS);
        oracle.finalize(INDEX, EXPIRY);
    }

    /// @dev Finalizes the oracle at `value` and settles the series.
    function _settle(bytes32 id, uint256 value) internal {
        _finalizeOracle(value);
        market.settle(id);
    }
}
