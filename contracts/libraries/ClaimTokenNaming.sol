// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title ClaimTokenNaming
/// @notice Names and symbols for a series' claim tokens, so a wallet shows what a claim is.
/// @dev For side "P", a collateral whose symbol is "WETH", strike 2500.5e18 and expiry 1767225600:
///        symbol "P-WETH-2500.5-1767225600", name "cliffless P WETH strike 2500.5 expiry 1767225600".
///      The strike is printed as a decimal number (WAD, trailing zeros dropped); the expiry as unix
///      seconds. The collateral symbol is read with a raw staticcall and used only if it is a well
///      formed ABI string of 1 to 32 bytes; otherwise (reverts, bytes32 symbols, junk) it is "COLL",
///      so no collateral can make createSeries revert here. Names are cosmetic: the series id and
///      the token addresses identify a series, never these strings.
library ClaimTokenNaming {
    uint256 private constant WAD = 1e18;
    uint256 private constant MAX_SYMBOL_LENGTH = 32;

    /// @notice The name and symbol of one side's claim token.
    function nameAndSymbol(string memory side, string memory collateralSymbol, uint256 strike, uint256 expiry)
        internal
        pure
        returns (string memory name, string memory symbol)
    {
        string memory strikeText = wadToDecimal(strike);
        string memory expiryText = Strings.toString(expiry);
        name = string.concat("cliffless ", side, " ", collateralSymbol, " strike ", strikeText, " expiry ", expiryText);
        symbol = string.concat(side, "-", collateralSymbol, "-", strikeText, "-", expiryText);
    }

    /// @notice The collateral's symbol if it returns a well-formed short string, else "COLL".
    function readCollateralSymbol(address collateral) internal view returns (string memory) {
        (bool ok, bytes memory ret) = collateral.staticcall(abi.encodeCall(IERC20Metadata.symbol, ()));
        // A well-formed ABI string here is: offset word 0x20, length word, then the bytes.
        if (!ok || ret.length < 64) return "COLL";
        (uint256 offset, uint256 length) = abi.decode(ret, (uint256, uint256));
        if (offset != 32 || length == 0 || length > MAX_SYMBOL_LENGTH || ret.length < 64 + length) return "COLL";
        return abi.decode(ret, (string));
    }

    /// @notice `value / 1e18` in decimal, with the fractional part's trailing zeros dropped.
    function wadToDecimal(uint256 value) internal pure returns (string memory) {
        uint256 fraction = value % WAD;
        string memory whole = Strings.toString(value / WAD);
        if (fraction == 0) return whole;
        // WAD + fraction has 19 digits: a leading 1, then the fraction zero-padded to 18 digits.
        bytes memory digits = bytes(Strings.toString(WAD + fraction));
        uint256 end = digits.length;
        while (digits[end - 1] == "0") --end;
        bytes memory fractionText = new bytes(end - 1);
        for (uint256 i = 1; i < end; ++i) {
            fractionText[i - 1] = digits[i];
        }
        return string.concat(whole, ".", string(fractionText));
    }
}
