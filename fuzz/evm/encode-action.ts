import type { Action } from '../../reference/action.ts';
import {
  type AbiCallKind,
  ACTION_DECLARATIONS,
  type ActionAbiCall,
  type CallContract,
} from '../../reference/actions/declarations.ts';
import type { Address } from '../../reference/primitives.ts';
import type { Artifacts } from '../compile/artifacts.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { type FunctionCodec, functionCodec } from './codec.ts';
import type { EvmHost } from './host.ts';

/** The call an action makes: target, function and positional arguments. */
export interface EncodedAction {
  caller: Address;
  to: Address;
  codec: FunctionCodec;
  args: readonly unknown[];
}

/**
 * Every action that calls a function: all but `warp`, which makes no call, and `sendNative`, a
 * plain value transfer with no calldata (fuzz/evm/execute.ts sends it).
 */
export type CallAction = Exclude<Action, { kind: 'warp' | 'sendNative' }>;

/** An action whose declaration gives its ABI call (every kind the encoder has no case for). */
export type AbiCallAction = Extract<Action, { kind: AbiCallKind }>;

/**
 * The compiled contract whose ABI encodes each declared contract's calls: the deployed contract
 * itself, never its interface, so a contracts folder under audit or mutation is encoded with its
 * own ABI (an ERC-20 call is encoded with MockERC20's, which every token mock shares).
 */
export const ABI_OF: Readonly<Record<CallContract, string>> = {
  ISplitMarket: 'SplitMarket',
  ISlowOracle: 'SlowOracle',
  IERC20: 'MockERC20',
  ClaimToken: 'ClaimToken',
  PausableToken: 'PausableToken',
  BlockListToken: 'BlockListToken',
  RebasingToken: 'RebasingToken',
  UpgradableToken: 'UpgradableToken',
  FlashMintToken: 'FlashMintToken',
};

/** Prepared codecs per compiled contract set and `contract.function`: built once, looked up per call. */
const prepared = new WeakMap<Artifacts, Map<string, FunctionCodec>>();

function codecFor(artifacts: Artifacts, call: ActionAbiCall): FunctionCodec {
  let codecs = prepared.get(artifacts);
  if (codecs === undefined) {
    codecs = new Map();
    prepared.set(artifacts, codecs);
  }
  const key = `${call.contract}.${call.function}`;
  let codec = codecs.get(key);
  if (codec === undefined) {
    codec = functionCodec(getArtifact(artifacts, ABI_OF[call.contract]).abi, call.function);
    codecs.set(key, codec);
  }
  return codec;
}

/**
 * The call of an action from its declared ABI call alone: the function of `call.contract`, sent to
 * the market, the oracle or the address in the named field, with the named fields as arguments in
 * order (the model's values are already the ABI's: lowercase addresses, bytes32 hex, bigints,
 * booleans). Exported for any declaration, so a test can add a kind without touching this file.
 */
export function encodeDeclaredCall(
  host: EvmHost,
  call: ActionAbiCall,
  action: { readonly caller: Address },
): EncodedAction {
  const fields = action as Readonly<Record<string, unknown>>;
  const { target } = call;
  const to =
    target === 'market'
      ? host.setup.market
      : target === 'oracle'
        ? host.setup.oracle.address
        : (fields[target.field] as Address);
  return {
    caller: action.caller,
    to,
    codec: codecFor(host.artifacts, call),
    args: call.args.map((field) => fields[field]),
  };
}

/**
 * Maps an action to its call. Every kind whose declaration (reference/actions/declarations.ts)
 * gives its ABI call is encoded from that; the cases below are the kinds the ABI cannot describe
 * as "one function, fields as arguments": `armCallback` calls
 * `arm(market, abi.encodeCall(settle, (bytes32(0))))` when `armed` and `disarm()` otherwise.
 */
export function encodeAction(host: EvmHost, action: CallAction): EncodedAction {
  const { codecs } = host;
  const market = host.setup.market;
  const caller = action.caller;
  switch (action.kind) {
    case 'armCallback':
      return action.armed
        ? { caller, to: action.token, codec: codecs.arm, args: [market, codecs.settleZeroCalldata] }
        : { caller, to: action.token, codec: codecs.disarm, args: [] };
    default:
      return encodeDeclaredCall(host, ACTION_DECLARATIONS[action.kind].abi, action satisfies AbiCallAction);
  }
}
