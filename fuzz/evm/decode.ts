import type { Log } from '@ethereumjs/evm';
import { bytesToHex } from '@ethereumjs/util';
import {
  type Abi,
  type AbiEvent,
  type AbiParameter,
  decodeAbiParameters,
  type Hex,
  toEventSelector,
  toFunctionSelector,
} from 'viem';
import type { AbiValue, EventLog, RevertError } from '../../reference/outcome.ts';
import type { Address } from '../../reference/primitives.ts';
import { decodeParams } from './words.ts';

/** An ABI error item (viem does not re-export abitype's `AbiError`). */
export type AbiError = Extract<Abi[number], { type: 'error' }>;

/**
 * Every event and error of every compiled contract (OpenZeppelin's included), indexed by topic
 * and selector once, so decoding a log or a revert is a map lookup and one ABI decode.
 */
export interface AbiRegistry {
  /** topic0 → events with that signature (several only if their `indexed` flags differ). */
  events: Map<Hex, EventDecoder[]>;
  /** 4-byte selector → error. */
  errors: Map<Hex, AbiError>;
}

/** Builds the registry from the ABIs of all artifacts. */
export function buildRegistry(abis: Iterable<Abi>): AbiRegistry {
  const events = new Map<Hex, EventDecoder[]>();
  const errors = new Map<Hex, AbiError>();
  const seenEvents = new Set<string>();
  for (const abi of abis) {
    for (const item of abi) {
      if (item.type === 'event') {
        const shape = `${item.name}(${item.inputs.map((i) => `${i.type}${i.indexed ? ' indexed' : ''}`).join(',')})`;
        if (seenEvents.has(shape)) continue;
        seenEvents.add(shape);
        const topic = toEventSelector(item);
        events.set(topic, [...(events.get(topic) ?? []), eventDecoder(item)]);
      } else if (item.type === 'error') {
        const selector = toFunctionSelector(`${item.name}(${item.inputs.map((i) => i.type).join(',')})`);
        if (!errors.has(selector)) errors.set(selector, item);
      }
    }
  }
  return { events, errors };
}

/**
 * Decodes logs in order through the registry: names and named args, addresses lowercased. A log
 * no compiled event matches decodes as `UnknownEvent` with its raw `topics` and `data`.
 */
export function decodeLogs(registry: AbiRegistry, logs: readonly Log[]): EventLog[] {
  return logs.map((log) => decodeLog(registry, log));
}

/** One log; see {@link decodeLogs}. */
export function decodeLog(registry: AbiRegistry, [emitter, topicBytes, dataBytes]: Log): EventLog {
  const address = bytesToHex(emitter) as Address;
  const topics = topicBytes.map((t) => bytesToHex(t) as Hex);
  const data = bytesToHex(dataBytes) as Hex;
  const [topic0] = topics;
  const candidates = topic0 === undefined ? undefined : registry.events.get(topic0);
  const event = candidates?.find((e) => e.indexedCount === topics.length - 1);
  if (event !== undefined) {
    try {
      return { address, name: event.name, args: decodeEventArgs(event, topics, data) };
    } catch {
      // Matching topic but malformed data: fall through to the raw form rather than hide the log.
    }
  }
  return { address, name: 'UnknownEvent', args: { topics: topics.join(','), data } };
}

/** An event with what decoding it needs worked out once. */
export interface EventDecoder {
  name: string;
  indexedCount: number;
  /** Per input: its arg name, itself as a one-parameter list, whether it is a topic, and whether that topic is only its hash. */
  inputs: { key: string; param: readonly AbiParameter[]; indexed: boolean; hashed: boolean }[];
  /** The non-indexed inputs, ABI-encoded together in the log's data. */
  plain: AbiParameter[];
}

function eventDecoder(event: AbiEvent): EventDecoder {
  const inputs = event.inputs.map((param, i) => ({
    key: param.name === undefined || param.name === '' ? `arg${i}` : param.name,
    param: [param],
    indexed: param.indexed === true,
    hashed: param.indexed === true && isDynamic(param),
  }));
  return {
    name: event.name,
    indexedCount: inputs.filter((i) => i.indexed).length,
    inputs,
    plain: event.inputs.filter((i) => !i.indexed),
  };
}

function decodeEventArgs(event: EventDecoder, topics: Hex[], data: Hex): Record<string, AbiValue> {
  const values = decodeParams(event.plain, data);
  const args: Record<string, AbiValue> = {};
  let topic = 1;
  let datum = 0;
  for (const input of event.inputs) {
    if (input.indexed) {
      const raw = topics[topic++] as Hex;
      args[input.key] = input.hashed ? raw : (decodeParams(input.param, raw)[0] as AbiValue);
    } else {
      args[input.key] = values[datum++] as AbiValue;
    }
  }
  return args;
}

function isDynamic(param: AbiParameter): boolean {
  return param.type === 'string' || param.type === 'bytes' || param.type.endsWith(']') || param.type === 'tuple';
}

const ERROR_STRING: Hex = '0x08c379a0';
const PANIC: Hex = '0x4e487b71';

/**
 * Decodes revert data: a custom error of any compiled contract (by selector, args positional),
 * `Error` with its message, `Panic` with its code, or `UnknownRevert` with the raw data (empty
 * data included: `args: ['0x']`).
 */
export function decodeRevert(registry: AbiRegistry, data: Hex): RevertError {
  const selector = data.slice(0, 10) as Hex;
  const body = `0x${data.slice(10)}` as Hex;
  try {
    if (selector === ERROR_STRING) {
      return { name: 'Error', args: [decodeAbiParameters([{ type: 'string' }], body)[0]] };
    }
    if (selector === PANIC) return { name: 'Panic', args: [decodeAbiParameters([{ type: 'uint256' }], body)[0]] };
    const error = data.length >= 10 ? registry.errors.get(selector) : undefined;
    if (error !== undefined) {
      return { name: error.name, args: decodeParams(error.inputs, body) };
    }
  } catch {
    // Known selector, malformed arguments: report the raw data.
  }
  return { name: 'UnknownRevert', args: [data.toLowerCase()] };
}

/** The name each EVM exception (a halt with no revert data) is reported under. */
const EXCEPTIONS: Record<string, string> = {
  'out of gas': 'OutOfGas',
  'code store out of gas': 'OutOfGas',
  'invalid opcode': 'InvalidOpcode',
  'invalid JUMP': 'InvalidJump',
  'stack underflow': 'StackUnderflow',
  'stack overflow': 'StackOverflow',
  'static state change': 'StaticStateChange',
  'code size to deposit exceeds maximum code size': 'CodeSizeExceeded',
  'initcode exceeds max initcode size': 'InitcodeSizeExceeded',
  'create collision': 'CreateCollision',
  'insufficient balance': 'InsufficientBalance',
  'value out of range': 'ValueOutOfRange',
};

/**
 * A failed call as a `RevertError`: REVERT data decoded by {@link decodeRevert}; any other halt
 * (no revert data exists) as `OutOfGas`, `InvalidOpcode`, … with no args, or `EvmException` with
 * the EVM's message for anything unlisted.
 */
export function decodeFailure(registry: AbiRegistry, exception: string, data: Hex): RevertError {
  if (exception === 'revert') return decodeRevert(registry, data);
  const name = EXCEPTIONS[exception];
  return name === undefined ? { name: 'EvmException', args: [exception] } : { name, args: [] };
}

/** Whether a reported failure is an EVM exception (a halt with no revert data), not a revert. */
export function isEvmException(error: { readonly name: string }): boolean {
  return error.name === 'EvmException' || Object.values(EXCEPTIONS).includes(error.name);
}
