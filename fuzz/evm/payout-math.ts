import type { PayoutMath } from '../../properties/payout-math.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { staticCall } from './chain.ts';
import { decodeReturn, encodeCall, functionCodec } from './codec.ts';
import { ContractCallError } from './contract-call-error.ts';
import { decodeFailure } from './decode.ts';
import type { EvmHost } from './host.ts';

/** One input of the payout functions. */
export interface PayoutInput {
  amount: bigint;
  strike: bigint;
  price: bigint;
}

const key = (p: PayoutInput) => `${p.amount}/${p.strike}/${p.price}`;

/**
 * The contract's payout math, `SplitMarket.payoutOf`, evaluated in the EVM at the given inputs and
 * handed back as the synchronous {@link PayoutMath} the M3/M4 checkers take. Asking it for an input
 * it was not evaluated at throws (the checker reports that), rather than guessing.
 *
 * @throws {ContractCallError} when `payoutOf` reverts, halts (out of gas) or returns data that is
 *   not two uint256: the contract's payout math must be defined wherever a series can settle, and
 *   the checks report this as M3 failing at the redeem that asked.
 */
export async function contractPayoutMath(host: EvmHost, inputs: readonly PayoutInput[]): Promise<PayoutMath> {
  const codec = functionCodec(getArtifact(host.artifacts, 'SplitMarket').abi, 'payoutOf');
  const from = host.setup.actors[0] ?? host.deployer;
  const results = new Map<string, [bigint, bigint]>();
  for (const input of inputs) {
    if (results.has(key(input))) continue;
    const data = encodeCall(codec, [input.strike, input.price, input.amount, input.amount]);
    const result = await staticCall(host.chain, { from, to: host.setup.market, data });
    const what = `payoutOf(strike ${input.strike}, price ${input.price}, ${input.amount}, ${input.amount})`;
    if (!result.success) {
      const error = decodeFailure(host.registry, result.exception ?? 'revert', result.returnData);
      throw new ContractCallError(what, `reverted with ${error.name}(${error.args.join(', ')})`);
    }
    let decoded: readonly unknown[];
    try {
      decoded = decodeReturn(codec, result.returnData);
    } catch {
      throw new ContractCallError(what, `returned data that is not two uint256: ${shown(result.returnData)}`);
    }
    const [p, n] = decoded;
    if (typeof p !== 'bigint' || typeof n !== 'bigint') {
      throw new ContractCallError(what, `returned data that is not two uint256: ${shown(result.returnData)}`);
    }
    results.set(key(input), [p, n]);
  }
  const lookup = (amount: bigint, strike: bigint, price: bigint): [bigint, bigint] => {
    const found = results.get(key({ amount, strike, price }));
    if (found === undefined) throw new Error(`payoutOf was not evaluated at ${amount}/${strike}/${price}`);
    return found;
  };
  return { payoutP: (a, s, x) => lookup(a, s, x)[0], payoutN: (a, s, x) => lookup(a, s, x)[1] };
}

/** Return data as a report shows it: `0x (empty)` rather than a bare `0x`. */
function shown(data: string): string {
  return data === '0x' || data === '' ? '0x (empty)' : data;
}
