// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MarketProperties} from "./properties/MarketProperties.sol";
import {OracleProperties} from "./properties/OracleProperties.sol";

/// @title Properties
/// @notice The docs/design.md §4 properties as predicates over the chain and the handler's ghosts. Each
///         returns (holds, why) rather than asserting, so BrokenMarket.t.sol can show a property
///         failing on a broken market without failing the build. All are read-only except M6 and
///         O5, which act (merge, redeem, cancel, finalize) to show an exit or a deadline works; forge
///         discards whatever an invariant check changes, and O5 also reverts its own snapshots.
abstract contract Properties is MarketProperties, OracleProperties {}
