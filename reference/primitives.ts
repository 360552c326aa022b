/**
 * The value types shared by the model, the properties and the harness.
 *
 * Addresses and 32-byte words are lowercase `0x` hex strings so that values from the model and
 * values decoded from the EVM compare with `===`. Amounts are `bigint`, never `number`.
 */

/** A 20-byte address, lowercase hex with `0x`. */
export type Address = `0x${string}`;

/** A 32-byte word (series ids, index ids), lowercase hex with `0x`. */
export type Bytes32 = `0x${string}`;

/** The zero address, which OpenZeppelin's ERC-20 and our market reject as a recipient. */
export const ZERO_ADDRESS: Address = '0x0000000000000000000000000000000000000000';

/** The largest uint256. */
export const MAX_UINT256: bigint = (1n << 256n) - 1n;

/** 1.0 in WAD fixed point: strikes and prices are index units per whole collateral unit. */
export const WAD: bigint = 10n ** 18n;
