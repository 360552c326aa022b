import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address } from '../primitives.ts';
import type { TokenKind } from '../setup.ts';
import type { TokenBehaviour, TokenRecord } from '../state.ts';
import type { Tx } from '../tx.ts';

/**
 * An upgradable token, as the kind is described (USDC, USDT behind a proxy): one address and one
 * set of balances whose rules the admin replaces. Each version it can switch to is a kind of the
 * world with its own row in docs/collateral.md; the balances and allowances carry over unchanged.
 */

/** The rules of each version, by version number; the token starts at version 0. */
export const UPGRADABLE_VERSIONS: readonly TokenKind[] = ['plain', 'feeOnTransfer', 'returnsFalse'];

/** The rules a token follows now: its kind, or for an upgradable token the kind of its version. */
export function behaviourOf(record: TokenRecord): TokenBehaviour {
  if (record.kind !== 'upgradable') return record.kind;
  return UPGRADABLE_VERSIONS[record.version ?? 0] as TokenKind;
}

/**
 * `upgradeTo(version)`, callable by anyone (the mock's stand-in for the proxy admin): switches the
 * rules and logs `VersionSet(version)`, even when the version is already in use; a version with no
 * implementation reverts `UnknownVersion(version)`.
 */
export function upgradeToken(tx: Tx, token: Address, to: bigint): AbiValue[] {
  if (to >= BigInt(UPGRADABLE_VERSIONS.length)) revert('UnknownVersion', to);
  const version = Number(to);
  (tx.tokens.mut(token) as TokenRecord).version = version;
  tx.emit(token, 'VersionSet', { version: to });
  return [];
}
