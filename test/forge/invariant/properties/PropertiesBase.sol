// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Setup} from "../Setup.sol";
import {Check} from "../handlers/Types.sol";

/// @title PropertiesBase
/// @notice Spec twins and helpers shared by the property predicates.
abstract contract PropertiesBase is Setup {
    /// @dev DESIGN §2, written from the spec: x <= S pays `a` in full, else floor(a * S / x).
    function _payoutP(uint256 a, uint256 strike, uint256 x) internal pure returns (uint256) {
        return x <= strike ? a : Math.mulDiv(a, strike, x);
    }

    /// @dev DESIGN §2: x <= S pays nothing, else floor(a * (x - S) / x).
    function _payoutN(uint256 a, uint256 strike, uint256 x) internal pure returns (uint256) {
        return x <= strike ? 0 : Math.mulDiv(a, x - strike, x);
    }

    /// @dev Everyone who can hold oracle credit: the actors, then the arbitrator.
    function _accounts() internal view returns (address[] memory accounts) {
        accounts = new address[](actorList.length + 1);
        for (uint256 a; a < actorList.length; ++a) {
            accounts[a] = actorList[a];
        }
        accounts[actorList.length] = arbitrator;
    }

    function _indexOf(address[] memory accounts, address account) internal pure returns (uint256) {
        for (uint256 a; a < accounts.length; ++a) {
            if (accounts[a] == account) return a;
        }
        revert("Properties: unknown account");
    }

    function _noViolation(Check check) internal view returns (bool, string memory) {
        string memory why = handler.violation(check);
        return (bytes(why).length == 0, why);
    }

    function _three(uint256 a, uint256 b, uint256 c) internal pure returns (string memory) {
        return string.concat(vm.toString(a), " / ", vm.toString(b), " / ", vm.toString(c));
    }
}
