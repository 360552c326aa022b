import type { Action } from '../../reference/action.ts';
import { ACTION_DECLARATIONS, type ActionAbiCall, type FieldType } from '../../reference/actions/declarations.ts';
import type { AbiCallAction } from '../evm/encode-action.ts';
import type { SolidityNames } from './solidity-names.ts';
import { uintLiteral } from './solidity-names.ts';

/** The call an action makes, as Solidity: who calls, which address, and the calldata expression. */
export interface SolidityCall {
  caller: string;
  target: string;
  calldata: string;
  /** Wei sent with the call (`sendNative`), as a Solidity literal; absent for none. */
  value?: string;
}

/** A field's value as a Solidity expression of the generated test, by the field's declared type. */
function solidityValue(type: FieldType, value: unknown, names: SolidityNames): string {
  switch (type) {
    case 'address':
      return names.address(value as `0x${string}`);
    case 'series':
    case 'indexId':
      return names.bytes32(value as `0x${string}`);
    case 'uint':
      return uintLiteral(value as bigint, false);
    case 'bool':
      return String(value);
  }
}

/**
 * The Solidity call of an action from its declared ABI call alone, the same function and arguments
 * as the harness's encoder makes from it: `abi.encodeCall(Contract.function, (args))` on the market,
 * the oracle or the address in the named field, each argument written by its field's type. Exported
 * for any declaration, so a test can add a kind without touching this file.
 */
export function renderDeclaredCall(
  call: ActionAbiCall,
  fields: Readonly<Record<string, FieldType>>,
  action: { readonly caller: `0x${string}` },
  names: SolidityNames,
): SolidityCall {
  const values = action as Readonly<Record<string, unknown>>;
  const value = (field: string) => {
    const type = fields[field];
    if (type === undefined)
      throw new Error(`internal: ${call.function} passes ${field}, which is not a declared field`);
    return solidityValue(type, values[field], names);
  };
  const { target } = call;
  return {
    caller: names.address(action.caller),
    target: target === 'market' ? 'address(market)' : target === 'oracle' ? 'address(oracle)' : value(target.field),
    calldata: `abi.encodeCall(${call.contract}.${call.function}, (${call.args.map(value).join(', ')}))`,
  };
}

/**
 * The calldata of an action, with the same function and arguments as the harness's encodeAction:
 * every kind whose declaration gives its ABI call is rendered from that; `armCallback` arms the
 * token with `(market, settle(bytes32(0)))` or disarms it; `sendNative` sends its amount with no calldata. Every call is low-level so that a token
 * that returns no data (NoReturnToken) and a revert are both observed, not decoded by Solidity.
 */
export function renderCall(action: Exclude<Action, { kind: 'warp' }>, names: SolidityNames): SolidityCall {
  const a = (v: `0x${string}`) => names.address(v);
  const call = (target: string, fn: string, args: string[]): SolidityCall => ({
    caller: a(action.caller),
    target,
    calldata: `abi.encodeCall(${fn}, (${args.join(', ')}))`,
  });
  switch (action.kind) {
    case 'sendNative':
      // A plain value transfer: no calldata.
      return {
        caller: a(action.caller),
        target: a(action.to),
        calldata: '""',
        value: uintLiteral(action.amount, false),
      };
    case 'armCallback':
      return action.armed
        ? call(a(action.token), 'CallbackToken.arm', [
            'address(market)',
            'abi.encodeCall(ISplitMarket.settle, (bytes32(0)))',
          ])
        : call(a(action.token), 'CallbackToken.disarm', []);
    default: {
      const declaration = ACTION_DECLARATIONS[action.kind];
      return renderDeclaredCall(declaration.abi, declaration.fields, action satisfies AbiCallAction, names);
    }
  }
}
