import type { PayoutMath } from '../../properties/payout-math.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { staticCall } from './chain.ts';
import { decodeReturn, encodeCall, functionCodec } from './codec.ts';
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
 */
export async function contractPayoutMath(host: EvmHost, inputs: readonly PayoutInput[]): Promise<PayoutMath> {
  const codec = functionCodec(getArtifact(host.artifacts, 'SplitMarket').abi, 'payoutOf');
  const from = host.setup.actors[0] ?? host.deployer;
  const results = new Map<string, [bigint, bigint]>();
  for (const input of inputs) {
    if (results.has(key(input))) continue;
    const data = encodeCall(codec, [input.strike, input.price, input.amount, input.amount]);
    const result = await staticCall(host.chain, { from, to: host.setup.market, data });
    if (!result.success) throw new Error(`payoutOf(${key(input)}) did not return: ${result.exception}`);
    results.set(key(input), decodeReturn(codec, result.returnData) as [bigint, bigint]);
  }
  const lookup = (amount: bigint, strike: bigint, price: bigint): [bigint, bigint] => {
    const found = results.get(key({ amount, strike, price }));
    if (found === undefined) throw new Error(`payoutOf was not evaluated at ${amount}/${strike}/${price}`);
    return found;
  };
  return { payoutP: (a, s, x) => lookup(a, s, x)[0], payoutN: (a, s, x) => lookup(a, s, x)[1] };
}
