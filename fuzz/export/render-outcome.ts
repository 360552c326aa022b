import type { AbiParameter } from 'viem';
import type { AbiValue, EventLog, RevertError } from '../../reference/outcome.ts';
import { CliflessError } from '../errors.ts';
import { isEvmException } from '../evm/decode.ts';
import type { AbiLookup } from './abi-lookup.ts';
import { signatureOf } from './abi-lookup.ts';
import type { SolidityNames } from './solidity-names.ts';
import { stringLiteral } from './solidity-names.ts';

/** A value encoded as the ABI parameter `param` (integers wrapped in their exact type). */
function typedValue(value: AbiValue, param: AbiParameter | undefined, names: SolidityNames): string {
  const type = param?.type ?? 'uint256';
  if (typeof value === 'bigint') return names.value(value, true, /^u?int\d+$/.test(type) ? type : 'uint256');
  return names.value(value, true);
}

/**
 * The exact revert data the model predicts, as a Solidity `bytes` expression: a selector of the
 * frozen interfaces when they declare the error (`ISplitMarket.ZeroAmount.selector`), otherwise the
 * error's signature (OpenZeppelin's ERC-20 and reentrancy errors, Panic, Error). Returns undefined
 * for an EVM exception (out of gas, invalid opcode), whose revert data is empty.
 */
export function revertData(error: RevertError, abi: AbiLookup, names: SolidityNames): string | undefined {
  const args = (params: readonly (AbiParameter | undefined)[]) =>
    error.args.map((v, i) => `, ${typedValue(v, params[i], names)}`).join('');
  if (isEvmException(error)) return undefined;
  if (error.name === 'UnknownRevert') return `hex"${String(error.args[0] ?? '0x').slice(2)}"`;
  if (error.name === 'Error')
    return `abi.encodeWithSignature("Error(string)", ${stringLiteral(String(error.args[0]))})`;
  if (error.name === 'Panic') return `abi.encodeWithSignature("Panic(uint256)"${args([])})`;
  const known = abi.error(error.name, error.args.length);
  if (known === undefined) {
    throw new CliflessError(`the model predicts a revert ${error.name}, which no compiled contract declares`, {
      details:
        'The exported test could not encode its revert data; check the contracts folder passed with --contracts.',
    });
  }
  const declared = ['ISplitMarket', 'ISlowOracle'].find((i) => known.declaredIn.includes(i));
  const head =
    declared === undefined
      ? `abi.encodeWithSignature("${signatureOf(known.error)}"`
      : `abi.encodeWithSelector(${declared}.${error.name}.selector`;
  return `${head}${args(known.error.inputs)})`;
}

/** One recorded log's expected emitter, topics and data, or undefined when the ABI does not know it. */
export function logAssertion(
  log: EventLog,
  abi: AbiLookup,
  names: SolidityNames,
): { emitter: string; topics: string[]; data: string } | undefined {
  const event = abi.event(log.name, Object.keys(log.args));
  if (event === undefined || event.anonymous === true) return undefined;
  const topics = [`keccak256("${signatureOf(event)}")`];
  const data: string[] = [];
  for (const input of event.inputs) {
    const value = log.args[input.name as string] as AbiValue;
    if (!input.indexed) {
      data.push(typedValue(value, input, names));
      continue;
    }
    if (typeof value === 'bigint') topics.push(`bytes32(${names.value(value, true)})`);
    else if (typeof value === 'boolean') topics.push(`bytes32(uint256(${value ? 1 : 0}))`);
    else if (input.type === 'address') topics.push(`_w(${names.value(value)})`);
    else if (input.type === 'bytes32') topics.push(names.value(value));
    else return undefined;
  }
  return {
    emitter: names.address(log.address),
    topics,
    data: data.length === 0 ? '""' : `abi.encode(${data.join(', ')})`,
  };
}
