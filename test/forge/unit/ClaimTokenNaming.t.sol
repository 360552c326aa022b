// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {ClaimTokenNaming} from "../../../contracts/libraries/ClaimTokenNaming.sol";

/// @dev symbol() answers with whatever raw bytes it is given.
contract RawSymbol {
    bytes internal raw;
    bool internal fails;

    constructor(bytes memory raw_, bool fails_) {
        raw = raw_;
        fails = fails_;
    }

    fallback() external {
        bytes memory r = raw;
        if (fails) {
            assembly {
                revert(add(r, 32), mload(r))
            }
        }
        assembly {
            return(add(r, 32), mload(r))
        }
    }
}

contract ClaimTokenNamingTest is Test {
    function _symbolOf(bytes memory raw, bool fails) internal returns (string memory) {
        return ClaimTokenNaming.readCollateralSymbol(address(new RawSymbol(raw, fails)));
    }

    function test_wadToDecimal_wholeAndFractional() public pure {
        assertEq(ClaimTokenNaming.wadToDecimal(0), "0");
        assertEq(ClaimTokenNaming.wadToDecimal(2000e18), "2000");
        assertEq(ClaimTokenNaming.wadToDecimal(2500.5e18), "2500.5");
        assertEq(ClaimTokenNaming.wadToDecimal(1), "0.000000000000000001");
        assertEq(ClaimTokenNaming.wadToDecimal(1.05e18), "1.05");
        assertEq(
            ClaimTokenNaming.wadToDecimal(type(uint256).max),
            "115792089237316195423570985008687907853269984665640564039457.584007913129639935"
        );
    }

    function test_nameAndSymbol_format() public pure {
        (string memory name, string memory symbol) = ClaimTokenNaming.nameAndSymbol("N", "USDC", 0.25e18, 42);
        assertEq(name, "cliffless N USDC strike 0.25 expiry 42");
        assertEq(symbol, "N-USDC-0.25-42");
    }

    function test_readCollateralSymbol_wellFormed() public {
        assertEq(_symbolOf(abi.encode("WETH"), false), "WETH");
        assertEq(_symbolOf(abi.encode("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"), false), "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
    }

    function test_readCollateralSymbol_fallsBackToColl() public {
        assertEq(_symbolOf(abi.encode("WETH"), true), "COLL"); // reverts
        assertEq(_symbolOf("", false), "COLL"); // no data
        assertEq(_symbolOf(abi.encode(bytes32("MKR")), false), "COLL"); // bytes32 symbol
        assertEq(_symbolOf(abi.encode(""), false), "COLL"); // empty string
        assertEq(_symbolOf(abi.encode("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"), false), "COLL"); // 33 bytes
        assertEq(_symbolOf(abi.encode(uint256(64), uint256(4)), false), "COLL"); // odd offset
        assertEq(_symbolOf(abi.encode(uint256(32), uint256(31)), false), "COLL"); // truncated
        assertEq(ClaimTokenNaming.readCollateralSymbol(makeAddr("eoa")), "COLL"); // no code
    }
}
