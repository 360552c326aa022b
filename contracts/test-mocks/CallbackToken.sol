// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {MockERC20} from "./MockERC20.sol";

/// @title CallbackToken
/// @notice TEST MOCK, not for deployment: MockERC20 that, while armed, calls `target` with `data`
///         before every transfer or transferFrom made by `target`, so a contract moving it is
///         re-entered mid-call. A reverting callback's revert data bubbles up unchanged.
/// @dev Armed with target = a SplitMarket and data = settle(0), any market-initiated transfer
///      reverts with the market's ReentrancyGuardReentrantCall(). arm and disarm emit no event.
contract CallbackToken is MockERC20 {
    /// @notice Whether transfers by `target` call back.
    bool public armed;
    /// @notice The contract called back, and whose transfers trigger the call.
    address public target;
    /// @notice The calldata of the callback.
    bytes public data;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    constructor(string memory name_, string memory symbol_, uint8 decimals_) MockERC20(name_, symbol_, decimals_) {}

    /// @notice Arms the callback; anyone may call.
    function arm(address target_, bytes calldata data_) external {
        armed = true;
        target = target_;
        data = data_;
    }

    /// @notice Disarms the callback; anyone may call.
    function disarm() external {
        armed = false;
    }

    /// @notice ERC20 transfer, after the callback when armed and called by the target.
    function transfer(address to, uint256 value) public override returns (bool) {
        _callBack();
        return super.transfer(to, value);
    }

    /// @notice ERC20 transferFrom, after the callback when armed and called by the target.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        _callBack();
        return super.transferFrom(from, to, value);
    }

    function _callBack() private {
        if (!armed || msg.sender != target) return;
        if (!LowLevelCall.callNoReturn(target, data)) LowLevelCall.bubbleRevert();
    }
}
