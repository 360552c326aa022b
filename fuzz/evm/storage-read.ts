import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { SlotRef } from './layout.ts';

/** One account's slots (a store's `slots`), or undefined for an account without storage. */
export type Slots = ReadonlyMap<string, Uint8Array> | undefined;

/** The state's key for a slot: `0x` + 64 lowercase hex digits. */
export function slotKey(slot: bigint): string {
  return `0x${slot.toString(16).padStart(64, '0')}`;
}

/**
 * The slot of `mapping[key]` for a mapping at `base`: keccak256(key . base), both 32-byte words.
 * `key` is the key's 32-byte word as 64 hex digits without `0x` (see {@link keyWord}).
 */
export function mappingSlot(key: string, base: bigint): bigint {
  return BigInt(bytesToHex(keccak_256(hexToBytes(`0x${key}${base.toString(16).padStart(64, '0')}`))));
}

/** An address, bytes32 or uint as a mapping key: 64 hex digits, no `0x`. */
export function keyWord(value: string | bigint): string {
  return typeof value === 'bigint' ? value.toString(16).padStart(64, '0') : value.slice(2).padStart(64, '0');
}

/** The slot of element `index` of a dynamic array whose length is at `slot`: keccak256(slot) + index × size. */
export function arrayElementSlot(slot: bigint, index: bigint, elementSlots: bigint): bigint {
  return BigInt(bytesToHex(keccak_256(hexToBytes(slotKey(slot) as `0x${string}`)))) + index * elementSlots;
}

/** The whole word at a slot key (0 for a slot never written). */
export function readWord(slots: Slots, key: string): bigint {
  const value = slots?.get(key);
  return value === undefined || value.length === 0 ? 0n : BigInt(bytesToHex(value));
}

/** The field `ref` of the struct (or variable) whose first slot is `base`. */
export function readField(slots: Slots, base: bigint, ref: SlotRef): bigint {
  const word = readWord(slots, slotKey(base + ref.slot));
  if (ref.offset === 0 && ref.bytes === 32) return word;
  return (word >> BigInt(8 * ref.offset)) & ((1n << BigInt(8 * ref.bytes)) - 1n);
}

/** A 20-byte address value as lowercase hex. */
export function wordToAddress(word: bigint): `0x${string}` {
  return `0x${word.toString(16).padStart(40, '0')}`;
}

/** A 32-byte value as lowercase hex. */
export function wordToBytes32(word: bigint): `0x${string}` {
  return `0x${word.toString(16).padStart(64, '0')}`;
}
