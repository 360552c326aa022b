import { type AbiParameter, decodeAbiParameters, type Hex } from 'viem';
import type { AbiValue } from '../../reference/outcome.ts';
import { normalizeValues } from './normalize.ts';

const STATIC = /^(uint\d*|int\d*|address|bool|bytes([1-9]|[12]\d|3[0-2]))$/;
const ZERO_WORD = '0'.repeat(64);
const staticLists = new WeakMap<readonly AbiParameter[], boolean>();

/** Whether every parameter is a single-word static type (no arrays, tuples, strings or bytes); memoised per list. */
export function allStatic(params: readonly AbiParameter[]): boolean {
  let result = staticLists.get(params);
  if (result === undefined) {
    result = params.every((p) => STATIC.test(p.type));
    staticLists.set(params, result);
  }
  return result;
}

/**
 * One 32-byte word (64 hex digits, no `0x`) as the normalised value of a static type, without
 * viem: viem checksums every address it decodes (a keccak each), which made decoding a call's
 * logs cost more than the rest of the host's per-call work together.
 */
export function decodeWord(type: string, word: string): AbiValue {
  if (type === 'address') return `0x${word.slice(24)}`;
  if (type === 'bool') return word !== ZERO_WORD;
  if (type.startsWith('uint')) return BigInt(`0x${word}`);
  if (type.startsWith('int')) {
    const bits = BigInt(type === 'int' ? 256 : Number(type.slice(3)));
    const raw = BigInt(`0x${word}`) & ((1n << bits) - 1n);
    return raw >= 1n << (bits - 1n) ? raw - (1n << bits) : raw;
  }
  const size = Number(type.slice(5)); // bytesN, left-aligned
  return `0x${word.slice(0, 2 * size)}`;
}

/** ABI-encoded `data` as normalised positional values: word by word when all static, else through viem. */
export function decodeParams(params: readonly AbiParameter[], data: Hex): AbiValue[] {
  if (allStatic(params) && data.length >= 2 + 64 * params.length) {
    return params.map((p, i) => decodeWord(p.type, data.slice(2 + 64 * i, 66 + 64 * i)));
  }
  return normalizeValues(params, decodeAbiParameters(params, data) as readonly unknown[]);
}
