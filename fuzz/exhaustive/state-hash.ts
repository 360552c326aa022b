import { createHash } from 'node:crypto';
import type { ObservedState } from '../../properties/observed-state.ts';

/**
 * A hash of an observed state that does not depend on the order keys were inserted in (a state
 * reached along two paths may list its questions or balances in different orders): objects are
 * written with sorted keys, bigints as decimal strings.
 */
export function stateHash(state: ObservedState): string {
  return createHash('sha256').update(canonical(state)).digest('base64');
}

function canonical(value: unknown): string {
  if (typeof value === 'bigint') return `n${value}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'u';
}
