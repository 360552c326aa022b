import type { StorageLayout } from '../compile/artifacts.ts';

/** Where a value lives: a slot (absolute, or relative to a struct's base) and a byte offset in it. */
export interface SlotRef {
  slot: bigint;
  /** Bytes from the right of the word (solc packs from the low-order end). */
  offset: number;
  /** Size in bytes; 32 for a whole word, and for mappings and dynamic arrays (their slot). */
  bytes: number;
  type: string;
}

/**
 * The top-level variable `label` of a storage layout.
 *
 * @throws if the contract has no such variable: the observer reads storage by name, so a renamed
 *   variable must fail loudly, not read zeros.
 */
export function variable(layout: StorageLayout, contract: string, label: string): SlotRef {
  const entry = layout.storage.find((s) => s.label === label);
  if (entry === undefined) {
    const known = layout.storage.map((s) => s.label).join(', ') || 'none';
    throw new Error(`storage layout of ${contract} has no variable ${label} (has: ${known})`);
  }
  return { slot: BigInt(entry.slot), offset: entry.offset, bytes: typeBytes(layout, entry.type), type: entry.type };
}

/** The members of struct type `type`, by label, with slots relative to the struct's first slot. */
export function structMembers(layout: StorageLayout, contract: string, type: string): Record<string, SlotRef> {
  const members = layout.types?.[type]?.members as
    | { label: string; slot: string; offset: number; type: string }[]
    | undefined;
  if (members === undefined) throw new Error(`storage layout of ${contract} has no struct type ${type}`);
  const refs: Record<string, SlotRef> = {};
  for (const m of members) {
    refs[m.label] = { slot: BigInt(m.slot), offset: m.offset, bytes: typeBytes(layout, m.type), type: m.type };
  }
  return refs;
}

/** The member `label` of a struct, or a clear error naming the struct. */
export function member(members: Record<string, SlotRef>, contract: string, label: string): SlotRef {
  const ref = members[label];
  if (ref === undefined) throw new Error(`a struct in ${contract}'s storage has no member ${label}`);
  return ref;
}

/** The value type of a mapping type (for `mapping(k => v)`, `v`). */
export function mappingValue(layout: StorageLayout, contract: string, type: string): string {
  const value = layout.types?.[type]?.value;
  if (typeof value !== 'string') throw new Error(`storage type ${type} of ${contract} is not a mapping`);
  return value;
}

/** The element type of a dynamic array type. */
export function arrayBase(layout: StorageLayout, contract: string, type: string): string {
  const base = layout.types?.[type]?.base;
  if (typeof base !== 'string') throw new Error(`storage type ${type} of ${contract} is not an array`);
  return base;
}

/** Slots one value of `type` occupies (structs span several). */
export function typeSlots(layout: StorageLayout, type: string): bigint {
  return BigInt(Math.ceil(Number(layout.types?.[type]?.numberOfBytes ?? '32') / 32));
}

function typeBytes(layout: StorageLayout, type: string): number {
  const bytes = Number(layout.types?.[type]?.numberOfBytes ?? '32');
  return Math.min(bytes, 32);
}
