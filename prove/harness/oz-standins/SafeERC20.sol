// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title SafeERC20 (SMTChecker stand-in)
/// @notice OpenZeppelin's SafeERC20 calls the token from inline assembly, which the checker does
///         not see as a call at all. Here the same calls are plain external calls, which the checker
///         treats as untrusted code: it may return anything and call back into any public function
///         of the caller. That allows every behaviour the real token call allows (and more), so an
///         assert proved with this stand-in holds with the real library.
/// @dev Compiled in place of @openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol by `cliffless prove` only.
library SafeERC20 {
    function safeTransfer(IERC20 token, address to, uint256 value) internal {
        token.transfer(to, value);
    }

    function safeTransferFrom(IERC20 token, address from, address to, uint256 value) internal {
        token.transferFrom(from, to, value);
    }
}
