import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  encodeAbiParameters,
  type Hex,
  hexToBytes,
  toFunctionSelector,
} from 'viem';
import type { AbiValue } from '../../reference/outcome.ts';
import { decodeParams } from './words.ts';

/**
 * One function, prepared once: its selector and parameter lists, so that encoding a call is one
 * `encodeAbiParameters` and no ABI search or hashing.
 */
export interface FunctionCodec {
  name: string;
  selector: Hex;
  inputs: readonly AbiParameter[];
  outputs: readonly AbiParameter[];
}

/** The codec of function `name` (a name, or a full signature for an overloaded one) in `abi`. */
export function functionCodec(abi: Abi, name: string): FunctionCodec {
  const candidates = abi.filter(
    (item): item is AbiFunction =>
      item.type === 'function' && (item.name === name || signature(item) === name.replace(/\s/g, '')),
  );
  const [fn, other] = candidates;
  if (fn === undefined) throw new Error(`ABI has no function ${name}`);
  if (other !== undefined) throw new Error(`function ${name} is overloaded: give its signature`);
  return { name: fn.name, selector: toFunctionSelector(fn), inputs: fn.inputs, outputs: fn.outputs };
}

/** Calldata for `codec` with positional `args`. */
export function encodeCall(codec: FunctionCodec, args: readonly unknown[]): Uint8Array {
  const encoded =
    codec.inputs.length === 0
      ? ''
      : (encodeStaticWords(codec.inputs, args) ?? encodeAbiParameters(codec.inputs, args as never).slice(2));
  return hexToBytes(`${codec.selector}${encoded}`);
}

const LOWER_ADDRESS = /^0x[0-9a-f]{40}$/;
const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const UINT_BITS = /^uint(\d*)$/;

/**
 * The encoding of the common case without viem: every parameter a `uint*`, `bool`, lowercase
 * `address` or `bytes32` holding a value viem would accept as is, each one word. Anything else
 * (another type, a value out of range, a checksummed address) gives undefined, and viem encodes
 * it, or reports it as it always did. Same bytes as viem for every value it takes.
 */
function encodeStaticWords(params: readonly AbiParameter[], args: readonly unknown[]): string | undefined {
  if (args.length !== params.length) return undefined;
  let out = '';
  for (let i = 0; i < params.length; i++) {
    const type = (params[i] as AbiParameter).type;
    const value = args[i];
    if (type === 'address') {
      if (typeof value !== 'string' || !LOWER_ADDRESS.test(value)) return undefined;
      out += value.slice(2).padStart(64, '0');
    } else if (type === 'bytes32') {
      if (typeof value !== 'string' || !BYTES32.test(value)) return undefined;
      out += value.slice(2).toLowerCase();
    } else if (type === 'bool') {
      if (typeof value !== 'boolean') return undefined;
      out += value ? ONE_WORD : ZERO_WORD;
    } else {
      const bits = UINT_BITS.exec(type);
      if (bits === null || typeof value !== 'bigint') return undefined;
      const size = bits[1] === '' ? 256n : BigInt(bits[1] as string);
      if (value < 0n || value >= 1n << size) return undefined;
      out += value.toString(16).padStart(64, '0');
    }
  }
  return out;
}

const ZERO_WORD = '0'.repeat(64);
const ONE_WORD = `${'0'.repeat(63)}1`;

/**
 * Return values, positional and normalised. Empty return data gives `[]` whatever the ABI
 * declares: that is how a token that returns no bool (NoReturnToken) reads.
 */
export function decodeReturn(codec: FunctionCodec, data: Hex): AbiValue[] {
  if (data === '0x' || codec.outputs.length === 0) return [];
  return decodeParams(codec.outputs, data);
}

function signature(fn: AbiFunction): string {
  return `${fn.name}(${fn.inputs.map((i) => i.type).join(',')})`;
}
