import { decodeAbiParameters, type Hex } from 'viem';
import type { Address } from '../../reference/primitives.ts';
import { staticCall } from './chain.ts';
import { encodeCall, type FunctionCodec } from './codec.ts';
import { decodeFailure } from './decode.ts';
import type { EvmHost } from './host.ts';

/**
 * One read-only call of a view from the deployer: its return values as viem decodes them (tuples as
 * objects, addresses checksummed), or its revert (decoded like an action's, `Panic(50)`), or return
 * data the ABI cannot decode. Nothing it does changes the state.
 */
export type ViewCall =
  | { kind: 'returned'; values: readonly unknown[] }
  | { kind: 'reverted'; error: string }
  | { kind: 'undecodable'; data: Hex };

/** Calls `codec` on `to` with `args`, read-only. */
export async function callView(
  host: EvmHost,
  to: Address,
  codec: FunctionCodec,
  args: readonly unknown[],
): Promise<ViewCall> {
  const result = await staticCall(host.chain, { from: host.deployer, to, data: encodeCall(codec, args) });
  if (!result.success) {
    const error = decodeFailure(host.registry, result.exception ?? 'revert', result.returnData);
    return { kind: 'reverted', error: `${error.name}(${error.args.join(', ')})` };
  }
  try {
    return { kind: 'returned', values: decodeAbiParameters(codec.outputs, result.returnData) as readonly unknown[] };
  } catch {
    return { kind: 'undecodable', data: result.returnData };
  }
}
