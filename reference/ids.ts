import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { addressWord, uintWord } from './hex.ts';
import type { Address, Bytes32 } from './primitives.ts';
import { bigEndian, encodeRlp } from './rlp.ts';

/**
 * `keccak256(abi.encode(collateral, oracle, indexId, strike, expiry))`: five 32-byte words.
 *
 * @example
 * seriesIdOf(weth, oracle, indexId, 2000n * WAD, 1_700_000_000n) // '0x…' (lowercase)
 */
export function seriesIdOf(
  collateral: Address,
  oracle: Address,
  indexId: Bytes32,
  strike: bigint,
  expiry: bigint,
): Bytes32 {
  const encoded =
    addressWord(collateral) + addressWord(oracle) + indexId.slice(2) + uintWord(strike) + uintWord(expiry);
  return `0x${bytesToHex(keccak_256(hexToBytes(encoded)))}`;
}

/** The address CREATE gives the contract `deployer` deploys at `nonce`: `keccak256(rlp([deployer, nonce]))[12:]`. */
export function createAddress(deployer: Address, nonce: bigint): Address {
  const rlp = encodeRlp([hexToBytes(deployer.slice(2)), bigEndian(nonce)]);
  return `0x${bytesToHex(keccak_256(rlp).subarray(12))}`;
}

/**
 * The claim tokens of the market's series number `k` (0-based, counting successful createSeries):
 * the market's nonce starts at 1 (EIP-161) and each series deploys P, then N.
 */
export function claimTokenAddresses(market: Address, k: number): { pToken: Address; nToken: Address } {
  const first = 1n + 2n * BigInt(k);
  return { pToken: createAddress(market, first), nToken: createAddress(market, first + 1n) };
}
