import type { Address } from '../primitives.ts';
import type { TokenSetup } from '../setup.ts';
import type { TokenRecord } from '../state.ts';

/**
 * One ledger, several addresses (TUSD): a MultiEntryToken keeps the balances and allowances, and its
 * TokenEntryPoint moves them with its own caller as msg.sender. The model resolves an entry point to
 * its ledger wherever a call enters a token (tokens/calls.ts, market/collateral.ts), so the ledger's
 * rules apply and its address logs every Transfer and Approval; the observers show each address of a
 * ledger with the ledger's balances, allowances, supply and flows.
 */

/** The address whose ledger `token` moves: the token's own, or an entry point's ledger. */
export function ledgerOf(tokens: { get(address: Address): TokenRecord | undefined }, token: Address): Address {
  return tokens.get(token)?.ledger ?? token;
}

/**
 * Every ledger that the setup declares more than one address of: the ledger's address → its
 * addresses, itself first, then its entry points in setup order. Frozen; ledgers of one address are
 * left out. Both observers report this (properties/observed-state.ts `ledgers`), from the declaration,
 * not by probing the contracts.
 */
export function ledgerGroups(
  tokens: readonly Pick<TokenSetup, 'address' | 'ledger'>[],
): Readonly<Record<Address, readonly Address[]>> {
  const groups: Record<Address, Address[]> = {};
  for (const token of tokens) {
    if (token.ledger === undefined) continue;
    const group = groups[token.ledger] ?? [token.ledger];
    group.push(token.address);
    groups[token.ledger] = group;
  }
  for (const group of Object.values(groups)) Object.freeze(group);
  return Object.freeze(groups);
}

/** Every address of `token`'s ledger (`token` alone when its ledger has one address). */
export function addressesOfLedger(
  ledgers: Readonly<Record<Address, readonly Address[]>>,
  tokens: { get(address: Address): TokenRecord | undefined },
  token: Address,
): readonly Address[] {
  return ledgers[ledgerOf(tokens, token)] ?? [token];
}
