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
  const encoded = codec.inputs.length === 0 ? '' : encodeAbiParameters(codec.inputs, args as never).slice(2);
  return hexToBytes(`${codec.selector}${encoded}`);
}

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
