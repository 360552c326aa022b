import { type TokenMetadata, UNREADABLE_DECIMALS, UNREADABLE_NAME } from '../../properties/observed-state.ts';
import type { Address } from '../../reference/primitives.ts';
import type { FunctionCodec } from './codec.ts';
import type { EvmHost, Tracked } from './host.ts';
import { callView } from './view-call.ts';

/**
 * A token's `name()`, `symbol()` and `decimals()`, read through its views. These live in storage
 * strings and immutables that no function writes after deployment, so one read per token is the
 * truth for its whole life; a view that reverts or returns junk reads as a value no token has
 * (UNREADABLE_*), for D1 to report rather than for the campaign to crash on.
 */
export async function readMetadata(host: EvmHost, token: Address): Promise<TokenMetadata> {
  const { codecs } = host;
  const read = async (codec: FunctionCodec): Promise<unknown> => {
    const result = await callView(host, token, codec, []);
    return result.kind === 'returned' ? result.values[0] : undefined;
  };
  const name = await read(codecs.name);
  const symbol = await read(codecs.symbol);
  const decimals = await read(codecs.decimals);
  return Object.freeze({
    name: typeof name === 'string' ? name : UNREADABLE_NAME,
    symbol: typeof symbol === 'string' ? symbol : UNREADABLE_NAME,
    decimals: typeof decimals === 'number' ? decimals : UNREADABLE_DECIMALS,
  });
}

/** Reads the metadata of every tracked token that has none yet (a claim token just deployed). */
export async function readNewMetadata(host: EvmHost): Promise<void> {
  const { tracked } = host;
  for (const token of tracked.tokens) {
    if (tracked.metadata.has(token)) continue;
    tracked.metadata.set(token, await readMetadata(host, token));
    tracked.observedMetadata = undefined;
  }
}

/** The metadata as observed, in `tokens` order, built once per change (frozen). */
export function observedMetadata(tracked: Tracked): Record<Address, TokenMetadata> {
  if (tracked.observedMetadata === undefined) {
    const metadata: Record<Address, TokenMetadata> = {};
    for (const token of tracked.tokens) {
      const value = tracked.metadata.get(token);
      if (value === undefined) throw new Error(`observe: token ${token} has no metadata read yet`);
      metadata[token] = value;
    }
    tracked.observedMetadata = Object.freeze(metadata);
  }
  return tracked.observedMetadata as Record<Address, TokenMetadata>;
}
