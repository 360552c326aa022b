import type { TokenState } from '../../properties/observed-state.ts';
import type { Address } from '../../reference/primitives.ts';
import type { Artifacts } from '../compile/artifacts.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { type Chain, setBalance, staticCall } from './chain.ts';
import { decodeReturn, encodeCall, functionCodec } from './codec.ts';

/**
 * The ERC-20 of the native currency (NativeCurrencyToken, POL's kind) keeps no balances in its
 * storage: `balanceOf(account)` is the account's native balance. The world funds it in ether, and
 * `observe` reads it from the accounts, not through a storage layout as it does every other token.
 */

/** Adds `amount` wei to `account`'s native balance (the world's starting balance of the token). */
export async function fundNative(chain: Chain, account: Address, amount: bigint): Promise<void> {
  await setBalance(chain, account, nativeBalance(chain, account) + amount);
}

/** An account's native balance, read synchronously from the journaled state (0 for no account). */
export function nativeBalance(chain: Chain, account: Address): bigint {
  return chain.state.accounts.get(account)?.balance ?? 0n;
}

/** What the token's `totalSupply()` reports (a constant of the contract, read once after deployment). */
export async function readReportedSupply(chain: Chain, artifacts: Artifacts, token: Address): Promise<bigint> {
  const codec = functionCodec(getArtifact(artifacts, 'NativeCurrencyToken').abi, 'totalSupply');
  const result = await staticCall(chain, { from: token, to: token, data: encodeCall(codec, []) });
  if (!result.success) throw new Error(`NativeCurrencyToken ${token}: totalSupply() failed (${result.exception})`);
  return decodeReturn(codec, result.returnData)[0] as bigint;
}

/**
 * The observed state of a native-currency token: the reported supply, every observed account's
 * native balance, and allowances of 0 (the token has none), in the observed accounts' order.
 */
export function nativeTokenState(chain: Chain, supply: bigint, accounts: readonly Address[]): TokenState {
  const balances: Record<Address, bigint> = {};
  const allowances: Record<Address, Record<Address, bigint>> = {};
  const zeros = Object.freeze(Object.fromEntries(accounts.map((a) => [a, 0n]))) as Record<Address, bigint>;
  for (const account of accounts) {
    balances[account] = nativeBalance(chain, account);
    allowances[account] = zeros;
  }
  return Object.freeze({
    totalSupply: supply,
    balances: Object.freeze(balances),
    allowances: Object.freeze(allowances),
  });
}
