import type { Hex } from 'viem';
import type { Action, SendNativeAction } from '../../reference/action.ts';
import type { AbiValue, Outcome } from '../../reference/outcome.ts';
import { call, warp } from './chain.ts';
import { decodeReturn, encodeCall, type FunctionCodec } from './codec.ts';
import { decodeFailure, decodeLogs } from './decode.ts';
import { encodeAction } from './encode-action.ts';
import type { EvmHost } from './host.ts';
import { readNewMetadata } from './metadata.ts';
import { trackEvents } from './track.ts';

/**
 * Runs one action on the contracts and reports it as the model does.
 *
 * - `warp`: moves block time by `seconds`; `{ ok: true, returns: [], events: [] }`.
 * - success: return values positional and normalised (empty return data gives `[]`, as for
 *   NoReturnToken), and every log in emission order, decoded with names and named args.
 * - failure: the revert decoded (custom error of any contract, `Error`, `Panic`, `UnknownRevert`)
 *   or the halt named (`OutOfGas`, `InvalidOpcode`, …); a failed call changes no state.
 *
 * The call's gas is left in `host.lastGas`; series, questions and flows are tracked from the logs.
 *
 * @example
 * const outcome = await executeAction(host, { kind: 'split', caller: alice, seriesId, amount: 10n ** 18n, to: alice });
 * if (!outcome.ok) console.log(outcome.error.name, outcome.error.args);
 */
export async function executeAction(host: EvmHost, action: Action): Promise<Outcome> {
  if (action.kind === 'warp') {
    warp(host.chain, action.seconds);
    host.lastGas = undefined;
    return { ok: true, returns: [], events: [] };
  }
  if (action.kind === 'sendNative') return sendNative(host, action);
  const encoded = encodeAction(host, action);
  const result = await call(host.chain, {
    from: encoded.caller,
    to: encoded.to,
    data: encodeCall(encoded.codec, encoded.args),
  });
  host.lastGas = result.gas;
  if (!result.success) {
    return { ok: false, error: decodeFailure(host.registry, result.exception ?? 'revert', result.returnData) };
  }
  const events = decodeLogs(host.registry, result.logs);
  trackEvents(host, events);
  if (host.tracked.metadata.size < host.tracked.tokens.length) await readNewMetadata(host);
  return { ok: true, returns: safeDecodeReturn(encoded.codec, result.returnData), events };
}

/** Return data that does not fit the ABI (a call to a non-token, say) is reported raw rather than thrown. */
function safeDecodeReturn(codec: FunctionCodec, data: Hex): AbiValue[] {
  try {
    return decodeReturn(codec, data);
  } catch {
    return [data];
  }
}

/**
 * A plain value transfer: no calldata, `amount` wei from the caller. It logs nothing and returns
 * nothing; a receiver that refuses ether reverts, more than the caller holds fails before anything
 * runs (`InsufficientBalance`).
 */
async function sendNative(host: EvmHost, action: SendNativeAction): Promise<Outcome> {
  const result = await call(host.chain, {
    from: action.caller,
    to: action.to,
    data: new Uint8Array(),
    value: action.amount,
  });
  host.lastGas = result.gas;
  if (!result.success) {
    return { ok: false, error: decodeFailure(host.registry, result.exception ?? 'revert', result.returnData) };
  }
  const events = decodeLogs(host.registry, result.logs);
  trackEvents(host, events);
  return { ok: true, returns: [], events };
}
