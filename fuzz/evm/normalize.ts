import type { AbiParameter } from 'viem';
import type { AbiValue } from '../../reference/outcome.ts';

/**
 * One decoded ABI value as the model writes it: uints and ints as bigint (viem returns `number`
 * for types of 48 bits or fewer), addresses and all hex lowercase, bools as is, strings as is.
 * Arrays and tuples have no `AbiValue` form: no action returns or logs one, so meeting one is a
 * harness bug and throws.
 */
export function normalizeValue(param: AbiParameter, value: unknown): AbiValue {
  if (typeof value === 'bigint' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'string') return param.type === 'string' ? value : value.toLowerCase();
  throw new Error(`cannot normalise a ${param.type} value (${param.name ?? 'unnamed'}): no AbiValue form`);
}

/** Positional values, normalised. */
export function normalizeValues(params: readonly AbiParameter[], values: readonly unknown[]): AbiValue[] {
  return params.map((param, i) => normalizeValue(param, values[i]));
}
