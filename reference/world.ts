import { ModelInputError } from './errors.ts';
import { isAddress, isUint256 } from './hex.ts';
import type { Address } from './primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from './primitives.ts';
import type { TokenKind, WorldSetup } from './setup.ts';
import type { Config, FlowRecord, State, TokenRecord } from './state.ts';
import { ledgerGroups } from './tokens/ledger.ts';
import { NATIVE_REPORTED_SUPPLY } from './tokens/native-currency.ts';
import { decodedSymbol } from './tokens/raw-symbol.ts';
import { INITIAL_SHARES_PER_TOKEN, seedShares } from './tokens/rebasing.ts';

/**
 * A model world: its fixed configuration and its current state. `execute` replaces `state` with a
 * new persistent value after each successful action; treat both fields as read-only outside the model.
 */
export interface World {
  readonly config: Config;
  state: State;
}

/** A saved state of one world, from `snapshot`; restoring it is O(1). */
export interface Snapshot {
  readonly config: Config;
  readonly state: State;
}

const KINDS: readonly TokenKind[] = [
  'plain',
  'noReturn',
  'feeOnTransfer',
  'callback',
  'returnsFalse',
  'zeroRevert',
  'approvalRace',
  'pausable',
  'blockList',
  'rawSymbol',
  'rebasing',
  'upgradable',
  'uint96',
  'zeroApprovalRevert',
  'selfTransferFrom',
  'multiEntry',
  'entryPoint',
  'permitFallback',
  'flashMint',
  'nativeCurrency',
];

/**
 * Builds the world a trace starts from: the tokens (unarmed), the SlowOracle, the market with no
 * series, and the setup's balances minted (mints to the market count as collateral paid in).
 * Throws ModelInputError for a setup the contracts could not be deployed with (e.g. minBond 0,
 * which SlowOracle's constructor rejects with InvalidConfig).
 *
 * @example
 * const world = createWorld({
 *   timestamp: 1_000n, market, oracle: { address: oracle, bondToken: bond, minBond: 1n, liveness: 3600n,
 *   arbitrationTimeout: 86_400n, arbitrator: alice }, tokens: [{ address: weth, kind: 'plain', decimals: 18,
 *   name: 'Wrapped Ether', symbol: 'WETH' }, { address: bond, kind: 'plain', decimals: 18, name: 'Bond', symbol: 'BOND' }], actors: [alice, bob], balances: { [weth]: { [alice]: 10n ** 18n } },
 * });
 */
export function createWorld(setup: WorldSetup): World {
  const { market, oracle } = setup;
  need(isUint256(setup.timestamp), 'timestamp', 'must be a uint256 bigint');
  need(isAddress(market) && market !== ZERO_ADDRESS, 'market', 'must be a non-zero lowercase address');
  need(isAddress(oracle.address) && oracle.address !== ZERO_ADDRESS, 'oracle.address', 'must be a non-zero address');
  need(oracle.address !== market, 'oracle.address', 'must differ from the market');
  need(isUint256(oracle.minBond) && oracle.minBond > 0n, 'oracle.minBond', 'must be > 0 (InvalidConfig)');
  need(isAddress(oracle.arbitrator) && oracle.arbitrator !== ZERO_ADDRESS, 'oracle.arbitrator', 'InvalidConfig');
  need(isUint256(oracle.liveness), 'oracle.liveness', 'must be a uint256 bigint');
  need(isUint256(oracle.arbitrationTimeout), 'oracle.arbitrationTimeout', 'must be a uint256 bigint');

  const tokens = new Map<Address, TokenRecord>();
  for (const [i, token] of setup.tokens.entries()) {
    const at = `tokens[${i}]`;
    need(isAddress(token.address) && token.address !== ZERO_ADDRESS, `${at}.address`, 'must be a non-zero address');
    need(token.address !== market && token.address !== oracle.address, `${at}.address`, 'is the market or oracle');
    need(!tokens.has(token.address), `${at}.address`, 'appears twice');
    need(KINDS.includes(token.kind), `${at}.kind`, `must be one of ${KINDS.join(', ')}`);
    need(Number.isInteger(token.decimals) && token.decimals >= 0 && token.decimals <= 255, `${at}.decimals`, 'uint8');
    need(typeof token.name === 'string', `${at}.name`, 'must be a string');
    need(typeof token.symbol === 'string', `${at}.symbol`, 'must be a string');
    need(
      token.kind === 'rawSymbol' ? isHexData(token.symbolData) : token.symbolData === undefined,
      `${at}.symbolData`,
      'must be lowercase 0x hex bytes for a rawSymbol token, and absent for any other kind',
    );
    if (token.kind === 'entryPoint') {
      // A TokenEntryPoint is deployed by its ledger and reads its metadata from it.
      const ledger = token.ledger === undefined ? undefined : tokens.get(token.ledger);
      need(ledger?.kind === 'multiEntry', `${at}.ledger`, 'must be the address of an earlier multiEntry token');
      need(
        ledger.name === token.name && ledger.symbol === token.symbol && ledger.decimals === token.decimals,
        `${at}`,
        "must have its ledger's name, symbol and decimals",
      );
    } else need(token.ledger === undefined, `${at}.ledger`, 'must be absent for any kind but entryPoint');
    const { kind, decimals, name } = token;
    // What observers read from symbol(): for raw return data, a standard ABI decoding of it.
    const symbol = token.symbolData === undefined ? token.symbol : decodedSymbol(token.symbolData);
    need(symbol === token.symbol, `${at}.symbol`, `must be what symbolData decodes to (${JSON.stringify(symbol)})`);
    tokens.set(token.address, {
      kind,
      decimals,
      name,
      symbol,
      totalSupply: 0n,
      balances: new Map(),
      allowances: new Map(),
      armed: false,
      ...(kind === 'pausable' ? { paused: false } : {}),
      ...(kind === 'blockList' ? { blocked: new Set<Address>() } : {}),
      ...(kind === 'rebasing' ? { shares: new Map(), totalShares: 0n, sharesPerToken: INITIAL_SHARES_PER_TOKEN } : {}),
      ...(kind === 'upgradable' ? { version: 0 } : {}),
      ...(token.symbolData === undefined ? {} : { symbolData: token.symbolData }),
      ...(token.ledger === undefined ? {} : { ledger: token.ledger }),
    });
  }
  need(tokens.has(oracle.bondToken), 'oracle.bondToken', 'must be one of setup.tokens');
  for (const [i, actor] of setup.actors.entries())
    need(isAddress(actor), `actors[${i}]`, 'must be a lowercase address');

  const ledgers = ledgerGroups(setup.tokens);
  const flows = new Map<Address, FlowRecord>();
  for (const address of tokens.keys()) flows.set(address, { paidIn: 0n, paidOut: 0n });
  for (const [token, holders] of Object.entries(setup.balances) as [Address, Record<Address, bigint>][]) {
    const record = tokens.get(token);
    need(record !== undefined, `balances.${token}`, 'is not one of setup.tokens');
    // An entry point's balances are its ledger's: fund the ledger instead.
    need(record.ledger === undefined || Object.keys(holders).length === 0, `balances.${token}`, 'is an entry point');
    for (const [account, amount] of Object.entries(holders) as [Address, bigint][]) {
      const at = `balances.${token}.${account}`;
      need(isAddress(account) && account !== ZERO_ADDRESS, at, 'must be a non-zero lowercase address');
      need(isUint256(amount), at, 'must be a uint256 bigint');
      record.totalSupply += amount;
      need(record.totalSupply <= MAX_UINT256, at, 'total supply overflows uint256');
      if (record.kind === 'rebasing') need(seedShares(record, account, amount), at, 'shares overflow uint256');
      record.balances.set(account, (record.balances.get(account) ?? 0n) + amount);
      if (account !== market) continue;
      for (const address of ledgers[token] ?? [token])
        flows.set(address, { paidIn: (flows.get(address)?.paidIn ?? 0n) + amount, paidOut: 0n });
    }
  }

  // The native currency's token reports a constant supply, whatever the balances (setup's are ether).
  for (const record of tokens.values())
    if (record.kind === 'nativeCurrency') record.totalSupply = NATIVE_REPORTED_SUPPLY;
  const observed = [...new Set<Address>([...setup.actors, market, oracle.address])];
  const config: Config = { market, oracle: { ...oracle }, observed, ledgers };
  const state: State = {
    timestamp: setup.timestamp,
    tokens,
    series: new Map(),
    questions: new Map(),
    credits: new Map(),
    flows,
  };
  return { config, state };
}

/** Saves the world's state. O(1): states are persistent, nothing is copied. */
export function snapshot(world: World): Snapshot {
  return { config: world.config, state: world.state };
}

/** Puts the world back to a saved state of the same world. O(1). Any snapshot may be restored, in any order. */
export function restore(world: World, saved: Snapshot): void {
  if (saved.config !== world.config) {
    throw new ModelInputError('Snapshot of another world.', 'restore() takes a snapshot taken from the same world.');
  }
  world.state = saved.state;
}

function isHexData(value: unknown): value is `0x${string}` {
  return typeof value === 'string' && /^0x(?:[0-9a-f]{2})*$/.test(value);
}

function need(ok: boolean, field: string, what: string): asserts ok {
  if (!ok) throw new ModelInputError('Invalid world setup.', `setup.${field} ${what}.`);
}
