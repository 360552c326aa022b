// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title ReentrancyGuardTransient (SMTChecker stand-in)
/// @notice OpenZeppelin's guard keeps its flag in transient storage (tload/tstore in assembly),
///         which the checker does not model. This guard keeps it in a storage slot instead: within
///         a transaction it behaves the same (set on entry, cleared on exit, a nested guarded call
///         reverts), which is all the checker's call-back model can observe.
/// @dev Compiled in place of @openzeppelin/contracts/utils/ReentrancyGuardTransient.sol by `cliffless prove` only.
abstract contract ReentrancyGuardTransient {
    bool private _entered;

    error ReentrancyGuardReentrantCall();

    modifier nonReentrant() {
        // require with a custom error, not `if (..) revert E()`: the checker models only the former.
        require(!_entered, ReentrancyGuardReentrantCall());
        _entered = true;
        _;
        _entered = false;
    }
}
