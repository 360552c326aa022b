import type { Address } from '../reference/primitives.ts';
import type { ObservedState } from './observed-state.ts';

/**
 * `account`'s balance of `token`, or `undefined` when the state does not observe that token or
 * account. Checkers report `undefined` rather than read it as zero: a missing observation is a
 * harness defect that must not make a property pass by accident.
 */
export function balanceOf(state: ObservedState, token: Address, account: Address): bigint | undefined {
  return state.tokens[token]?.balances[account];
}

/** The total supply of `token`, or `undefined` when the state does not observe it. */
export function supplyOf(state: ObservedState, token: Address): bigint | undefined {
  return state.tokens[token]?.totalSupply;
}

/** `owner`'s allowance to `spender` on `token`, or `undefined` when not observed. */
export function allowanceOf(
  state: ObservedState,
  token: Address,
  owner: Address,
  spender: Address,
): bigint | undefined {
  return state.tokens[token]?.allowances[owner]?.[spender];
}

/**
 * The ledger `token` moves: the address of the ledger it is listed under in `state.ledgers` (a
 * MultiEntryToken and its entry points share one), or `token` itself.
 */
export function ledgerOf(state: ObservedState, token: Address): Address {
  for (const ledger of keysOf<Address>(state.ledgers)) if (state.ledgers[ledger]?.includes(token)) return ledger;
  return token;
}

/** The keys of a record typed as the record's key type (Object.keys widens them to string). */
export function keysOf<K extends string>(record: Partial<Record<K, unknown>>): K[] {
  return Object.keys(record) as K[];
}
