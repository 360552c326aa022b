import type { Address } from './primitives.ts';
import type { Config } from './state.ts';

/**
 * Whether `address` holds contract code in the world: the market, the oracle, and every token
 * (setup tokens and claim tokens). Every other address is an account without code.
 */
export function hasCode(config: Config, tokens: { has(address: Address): boolean }, address: Address): boolean {
  return address === config.market || address === config.oracle.address || tokens.has(address);
}
