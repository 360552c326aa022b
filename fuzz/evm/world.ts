import { getContractAddress } from 'viem';
import type { Address } from '../../reference/primitives.ts';
import type { TokenKind, TokenSetup, WorldSetup } from '../../reference/setup.ts';
import { ledgerGroups } from '../../reference/tokens/ledger.ts';
import type { Artifacts, ContractArtifact } from '../compile/artifacts.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { type Chain, call, createChain, staticCall } from './chain.ts';
import { decodeReturn, encodeCall, type FunctionCodec } from './codec.ts';
import { buildCodecs } from './codecs.ts';
import { buildRegistry, decodeFailure, decodeLogs } from './decode.ts';
import { deployContract } from './deploy.ts';
import type { EvmHost } from './host.ts';
import { readNewMetadata } from './metadata.ts';
import { fundNative, readReportedSupply } from './native-balances.ts';
import { emptyObserveCache } from './observe.ts';
import { WorldReader } from './reader.ts';
import { trackEvents } from './track.ts';

/** The account that deploys every contract and mints the starting balances. */
export const DEPLOYER: Address = '0x000000000000000000000000000000000000de91';
/** The default arbitrator. */
export const ARBITRATOR: Address = '0x000000000000000000000000000000000000a4b1';

/** The `i`-th default actor (0-based): 0x…ac7001, 0x…ac7002, … */
export function actorAddress(i: number): Address {
  return `0x${(0xac7001 + i).toString(16).padStart(40, '0')}`;
}

/**
 * One token to deploy. `name`/`symbol` are observed, and a collateral's symbol names its claim tokens.
 * An `entryPoint` is the second address of the nearest `multiEntry` token before it: nothing is
 * deployed for it (the ledger deployed it), and its name, symbol and decimals are the ledger's.
 */
export interface TokenSpec {
  kind: TokenKind;
  decimals: number;
  name?: string;
  symbol?: string;
  /** `rawSymbol` only: the exact return data of `symbol()` (`symbol` is then what it decodes to). */
  symbolData?: `0x${string}`;
}

/** ABI words of a symbol() return, for the raw-symbol tokens below. */
const word = (value: bigint | string): string =>
  typeof value === 'bigint' ? value.toString(16).padStart(64, '0') : Buffer.from(value).toString('hex').padEnd(64, '0');

/** The default tokens: the bond token first, then one collateral of each behaviour. */
export const DEFAULT_TOKENS: readonly TokenSpec[] = [
  { kind: 'plain', decimals: 18, name: 'Bond', symbol: 'BOND' },
  { kind: 'plain', decimals: 18, name: 'Wrapped Ether', symbol: 'WETH' },
  { kind: 'plain', decimals: 6, name: 'USD Coin', symbol: 'USDC' },
  { kind: 'noReturn', decimals: 6, name: 'Tether USD', symbol: 'USDT' },
  { kind: 'feeOnTransfer', decimals: 18, name: 'Fee Token', symbol: 'FEE' },
  { kind: 'callback', decimals: 18, name: 'Callback Token', symbol: 'CBK' },
  // The weird-ERC20 kinds (docs/collateral.md), with decimals and metadata at their edges.
  { kind: 'returnsFalse', decimals: 0, name: 'Returns False', symbol: 'RFALSE' },
  { kind: 'zeroRevert', decimals: 2, name: 'Zero Revert', symbol: 'ZREV' },
  { kind: 'approvalRace', decimals: 24, name: 'Approval Race', symbol: 'RACE' },
  { kind: 'pausable', decimals: 6, name: 'Pausable Dollar', symbol: 'PUSD' },
  { kind: 'blockList', decimals: 18, name: '', symbol: 'BLK' },
  {
    kind: 'plain',
    decimals: 255,
    name: 'Ünïcødé "quoted" \\ name of more than thirty-two bytes',
    symbol: 'Ω€"\\<sym>',
  },
  // symbol() as bytes32 (MKR): one word, so ClaimTokenNaming's `ret.length < 64`; no ABI string.
  {
    kind: 'rawSymbol',
    decimals: 18,
    name: 'Bytes32 Symbol',
    symbol: '<view reverted>',
    symbolData: `0x${word('MKR')}`,
  },
  // A string at offset 64: an ABI decoder reads "SKEW", ClaimTokenNaming's `offset != 32` refuses it.
  {
    kind: 'rawSymbol',
    decimals: 18,
    name: 'Offset Symbol',
    symbol: 'SKEW',
    symbolData: `0x${word(64n)}${word(0n)}${word(4n)}${word('SKEW')}`,
  },
  // An empty string: `length == 0`.
  { kind: 'rawSymbol', decimals: 8, name: 'Empty Symbol', symbol: '', symbolData: `0x${word(32n)}${word(0n)}` },
  // A length of 20 with 10 bytes behind it: `ret.length < 64 + length`; no ABI string either.
  {
    kind: 'rawSymbol',
    decimals: 18,
    name: 'Truncated Symbol',
    symbol: '<view reverted>',
    symbolData: `0x${word(32n)}${word(20n)}${'41'.repeat(10)}`,
  },
  // Kinds an admin action changes in the middle of a run: `rebase` and `upgradeToken`.
  { kind: 'rebasing', decimals: 18, name: 'Rebasing Token', symbol: 'REB' },
  { kind: 'upgradable', decimals: 6, name: 'Upgradable Dollar', symbol: 'UPUSD' },
  // Kinds that refuse some amounts or skip an allowance (docs/collateral.md), appended so every
  // earlier address stays: uint96 amounts (UNI), zero approvals refused (BNB), transferFrom from
  // oneself without allowance (DSToken).
  { kind: 'uint96', decimals: 18, name: 'Uint96 Governance', symbol: 'U96' },
  { kind: 'zeroApprovalRevert', decimals: 18, name: 'Zero Approval Revert', symbol: 'ZAPP' },
  { kind: 'selfTransferFrom', decimals: 18, name: 'Self TransferFrom', symbol: 'DSTK' },
  // One ledger at two addresses (TUSD): the MultiEntryToken, then the TokenEntryPoint it deployed,
  // funded through the ledger only; and a token whose fallback accepts a permit with any signature
  // (WETH). docs/collateral.md.
  { kind: 'multiEntry', decimals: 18, name: 'Two Door Dollar', symbol: 'TDD' },
  { kind: 'entryPoint', decimals: 18, name: 'Two Door Dollar', symbol: 'TDD' },
  { kind: 'permitFallback', decimals: 18, name: 'Permit Fallback Ether', symbol: 'PFETH' },
  // Its own ERC-3156 flash lender (DAI): the action `flashMint` splits flash-minted tokens and merges them back.
  { kind: 'flashMint', decimals: 18, name: 'Flash Mint Dai', symbol: 'FDAI' },
  // The ERC-20 of the native currency (POL at 0x…1010): actors are funded in ether, not minted.
  { kind: 'nativeCurrency', decimals: 18, name: 'Polygon Ecosystem Token', symbol: 'POL' },
];

/** How to build the world; every field has a default. */
export interface WorldOptions {
  /** Block timestamp of the deployment and of the first action. Default 1_700_000_000. */
  timestamp?: bigint;
  /** Number of default actors besides the arbitrator. Default 4. */
  actorCount?: number;
  /** `setup.actors` verbatim (the arbitrator is not added). Default: `actorCount` actors, then the arbitrator. */
  actors?: Address[];
  /** Default {@link ARBITRATOR}. */
  arbitrator?: Address;
  /** Tokens in deployment order. Default {@link DEFAULT_TOKENS}. */
  tokens?: readonly TokenSpec[];
  /** Which of `tokens` is the oracle's bond token. Default 0. */
  bondTokenIndex?: number;
  /** Default 1e18. */
  minBond?: bigint;
  /** Seconds. Default 3600. */
  liveness?: bigint;
  /** Seconds. Default 86400. */
  arbitrationTimeout?: bigint;
  /** Whole units of every token minted to every actor, when `balances` is not given. Default 1_000_000. */
  startingUnits?: bigint;
  /** Starting balances per deployed token; default `startingUnits` × 10^decimals to every actor. */
  balances?: (token: TokenSetup, index: number) => Record<Address, bigint>;
  /** See `ChainOptions.jumpAnalysisCache` (default true). */
  jumpAnalysisCache?: boolean;
  /** Called with the new chain before anything is deployed (coverage recording attaches here). */
  onChain?: (chain: Chain) => void;
}

/** How many tokens are deployed before the oracle and the market (the world's original six). */
const EARLY_TOKENS = 6;

/**
 * The contract each token kind deploys (its file is `test-mocks/<name>.sol`): the one table of
 * them, which the exported forge tests (fuzz/export) name their tokens' types from too.
 */
export const ARTIFACT_OF = {
  plain: 'MockERC20',
  noReturn: 'NoReturnToken',
  feeOnTransfer: 'FeeOnTransferToken',
  callback: 'CallbackToken',
  returnsFalse: 'ReturnsFalseToken',
  zeroRevert: 'ZeroRevertToken',
  approvalRace: 'ApprovalRaceToken',
  pausable: 'PausableToken',
  blockList: 'BlockListToken',
  rawSymbol: 'RawSymbolToken',
  rebasing: 'RebasingToken',
  upgradable: 'UpgradableToken',
  uint96: 'Uint96Token',
  zeroApprovalRevert: 'ZeroApprovalRevertToken',
  selfTransferFrom: 'SelfTransferFromToken',
  multiEntry: 'MultiEntryToken',
  entryPoint: 'TokenEntryPoint',
  permitFallback: 'PermitFallbackToken',
  flashMint: 'FlashMintToken',
  nativeCurrency: 'NativeCurrencyToken',
} as const satisfies Record<TokenKind, string>;

/** The contract whose storage layout an UpgradableToken proxy's storage has (every version's). */
const UPGRADABLE_LAYOUT = 'PlainTokenLogic';

/**
 * Deploys the world from the fixed deployer, in a fixed order — the first six tokens (and the bond
 * token, wherever it is), the SlowOracle, the SplitMarket, the other tokens — then mints the starting balances; the same options always give the same addresses
 * and the same `WorldSetup`. The returned host is at `setup.timestamp`, ready for the first action.
 *
 * @example
 * const { artifacts } = compileContracts();
 * const host = await deployWorld(artifacts, { actorCount: 3 });
 * const [alice] = host.setup.actors;
 */
export async function deployWorld(artifacts: Artifacts, options: WorldOptions = {}): Promise<EvmHost> {
  const timestamp = options.timestamp ?? 1_700_000_000n;
  const specs = options.tokens ?? DEFAULT_TOKENS;
  const bondIndex = options.bondTokenIndex ?? 0;
  const arbitrator = options.arbitrator ?? ARBITRATOR;
  const actors = options.actors ?? [
    ...Array.from({ length: options.actorCount ?? 4 }, (_, i) => actorAddress(i)),
    arbitrator,
  ];
  const chain = await createChain({
    timestamp,
    ...(options.jumpAnalysisCache === undefined ? {} : { jumpAnalysisCache: options.jumpAnalysisCache }),
  });
  options.onChain?.(chain);

  const tokens: TokenSetup[] = [];
  const tokenArtifacts: ContractArtifact[] = [];
  const deployToken = async (i: number, spec: TokenSpec): Promise<void> => {
    if (spec.kind === 'entryPoint') {
      addEntryPoint(i);
      return;
    }
    const artifact = getArtifact(artifacts, ARTIFACT_OF[spec.kind]);
    // The proxy's storage is laid out by its implementations (all alike): observe it through one.
    const layout = spec.kind === 'upgradable' ? getArtifact(artifacts, UPGRADABLE_LAYOUT) : artifact;
    const name = spec.name ?? `Token ${i}`;
    const symbol = spec.symbol ?? `TK${i}`;
    const symbolArg = spec.kind === 'rawSymbol' ? (spec.symbolData ?? '0x') : symbol;
    const { address } = await deployContract(chain, DEPLOYER, artifact, [name, symbolArg, spec.decimals]);
    tokens.push({
      address,
      kind: spec.kind,
      decimals: spec.decimals,
      name,
      symbol,
      ...(spec.kind === 'rawSymbol' ? { symbolData: spec.symbolData ?? '0x' } : {}),
    });
    tokenArtifacts.push(layout);
  };
  // A MultiEntryToken deploys its TokenEntryPoint first thing in its constructor: the ledger's CREATE
  // nonce 1 (EIP-161 starts a contract's nonce at 1). Its balances live in the ledger's storage.
  const addEntryPoint = (i: number): void => {
    let at = tokens.length - 1;
    while (at >= 0 && tokens[at]?.kind !== 'multiEntry') at--;
    const ledger = tokens[at];
    if (ledger === undefined) throw new Error(`tokens[${i}] is an entryPoint with no multiEntry token before it`);
    const address = getContractAddress({ from: ledger.address, nonce: 1n }).toLowerCase() as Address;
    const { name, symbol, decimals } = ledger;
    tokens.push({ address, kind: 'entryPoint', decimals, name, symbol, ledger: ledger.address });
    tokenArtifacts.push(tokenArtifacts[at] as ContractArtifact);
  };
  // The first EARLY_TOKENS tokens (and the bond token), then the oracle and the market, then the
  // rest: tokens added to the world later do not move the oracle's and the market's addresses, so
  // series ids written into traces stay valid.
  const early = Math.min(specs.length, Math.max(EARLY_TOKENS, bondIndex + 1));
  for (const [i, spec] of specs.slice(0, early).entries()) await deployToken(i, spec);
  const bond = tokens[bondIndex];
  if (bond === undefined) throw new Error(`bondTokenIndex ${bondIndex} is outside the ${tokens.length} tokens`);
  const oracleSetup = {
    bondToken: bond.address,
    minBond: options.minBond ?? 10n ** 18n,
    liveness: options.liveness ?? 3600n,
    arbitrationTimeout: options.arbitrationTimeout ?? 86_400n,
    arbitrator,
  };
  const oracleArtifact = getArtifact(artifacts, 'SlowOracle');
  const marketArtifact = getArtifact(artifacts, 'SplitMarket');
  const { address: oracle } = await deployContract(chain, DEPLOYER, oracleArtifact, [
    oracleSetup.bondToken,
    oracleSetup.minBond,
    oracleSetup.liveness,
    oracleSetup.arbitrationTimeout,
    oracleSetup.arbitrator,
  ]);
  const { address: market } = await deployContract(chain, DEPLOYER, marketArtifact, []);
  for (const [i, spec] of specs.slice(early).entries()) await deployToken(early + i, spec);

  const setup: WorldSetup = {
    timestamp,
    market,
    oracle: { address: oracle, ...oracleSetup },
    tokens,
    actors,
    balances: {},
  };
  const codecs = buildCodecs(artifacts);
  const ledgers = ledgerGroups(tokens);
  const host: EvmHost = {
    chain,
    artifacts,
    setup,
    deployer: DEPLOYER,
    registry: buildRegistry(Object.values(artifacts.contracts).map((c) => c.abi)),
    codecs,
    reader: new WorldReader(marketArtifact, oracleArtifact),
    observed: [...new Set<Address>([...actors, market, oracle])],
    oracleConfig: await readOracleConfig(chain, codecs, oracle),
    tokenSlots: new Map(),
    ledgers,
    ledgerOf: new Map(tokens.flatMap((t) => (t.ledger === undefined ? [] : [[t.address, t.ledger] as const]))),
    nativeTokens: new Map(),
    tracked: { series: [], tokens: [], questions: [], flows: new Map(), metadata: new Map() },
    observeCache: emptyObserveCache(),
    lastGas: undefined,
  };
  for (const [i, token] of tokens.entries()) {
    if (token.kind === 'nativeCurrency') {
      (host.nativeTokens as Map<Address, bigint>).set(
        token.address,
        await readReportedSupply(chain, artifacts, token.address),
      );
    } else host.tokenSlots.set(token.address, host.reader.tokenSlots(tokenArtifacts[i] as ContractArtifact));
    host.tracked.tokens.push(token.address);
    host.tracked.flows.set(token.address, { paidIn: 0n, paidOut: 0n });
  }
  await readNewMetadata(host);

  const units = options.startingUnits ?? 1_000_000n;
  const balancesOf =
    options.balances ??
    ((token: TokenSetup) => Object.fromEntries(actors.map((a) => [a, startingBalance(units, token.decimals)])));
  for (const [i, token] of tokens.entries()) {
    // An entry point's balances are its ledger's, funded through the ledger.
    const holders = token.kind === 'entryPoint' ? {} : balancesOf(token, i);
    for (const [account, amount] of Object.entries(holders) as [Address, bigint][]) {
      if (amount === 0n) continue;
      // The native currency's token is funded in ether: its balances are the accounts' own.
      if (token.kind === 'nativeCurrency') await fundNative(chain, account, amount);
      else await mint(host, token.address, account, amount);
      const row = setup.balances[token.address] ?? {};
      row[account] = (row[account] ?? 0n) + amount;
      setup.balances[token.address] = row;
    }
  }
  return host;
}

/**
 * Rebuilds the world a trace was recorded in: deploys with the setup's tokens, oracle parameters,
 * actors and balances, and checks that every contract landed at the setup's address.
 *
 * @throws if an address differs (a setup not produced by {@link deployWorld}), naming the field.
 */
export async function deployWorldFromSetup(artifacts: Artifacts, setup: WorldSetup): Promise<EvmHost> {
  const bondTokenIndex = setup.tokens.findIndex((t) => t.address === setup.oracle.bondToken);
  if (bondTokenIndex < 0) throw new Error(`setup.oracle.bondToken ${setup.oracle.bondToken} is not in setup.tokens`);
  const expected = new Map<string, Address>(setup.tokens.map((t, i) => [`tokens[${i}].address`, t.address]));
  expected.set('oracle.address', setup.oracle.address);
  expected.set('market', setup.market);
  const host = await deployWorld(artifacts, {
    timestamp: setup.timestamp,
    actors: [...setup.actors],
    arbitrator: setup.oracle.arbitrator,
    tokens: setup.tokens.map(({ kind, decimals, name, symbol, symbolData }) => ({
      kind,
      decimals,
      name,
      symbol,
      ...(symbolData === undefined ? {} : { symbolData }),
    })),
    bondTokenIndex,
    minBond: setup.oracle.minBond,
    liveness: setup.oracle.liveness,
    arbitrationTimeout: setup.oracle.arbitrationTimeout,
    balances: (_token, i) => {
      const given = setup.tokens[i];
      return given === undefined ? {} : (setup.balances[given.address] ?? {});
    },
  });
  const actual = new Map<string, Address>(host.setup.tokens.map((t, i) => [`tokens[${i}].address`, t.address]));
  actual.set('oracle.address', host.setup.oracle.address);
  actual.set('market', host.setup.market);
  for (const [field, address] of expected) {
    if (actual.get(field) !== address) {
      throw new Error(
        `setup.${field} is ${address}, but deploying this setup puts it at ${actual.get(field)}: ` +
          'a setup must come from deployWorld (same token list, same deployer)',
      );
    }
  }
  for (const token of Object.keys(setup.balances)) {
    if (!setup.tokens.some((t) => t.address === token)) throw new Error(`setup.balances.${token} is not a setup token`);
  }
  return host;
}

/**
 * `units` whole tokens, capped at 2^128 base units so that a token of 255 decimals can be funded
 * (10^255 is past uint256) and every actor's sum stays far from overflow.
 */
export function startingBalance(units: bigint, decimals: number): bigint {
  const amount = units * 10n ** BigInt(decimals);
  return amount < 1n << 128n ? amount : 1n << 128n;
}

async function mint(host: EvmHost, token: Address, to: Address, amount: bigint): Promise<void> {
  const result = await call(host.chain, {
    from: host.deployer,
    to: token,
    data: encodeCall(host.codecs.mint, [to, amount]),
  });
  if (!result.success) {
    const error = decodeFailure(host.registry, result.exception ?? 'revert', result.returnData);
    throw new Error(`minting ${amount} of ${token} to ${to} failed: ${error.name}(${error.args.join(', ')})`);
  }
  trackEvents(host, decodeLogs(host.registry, result.logs));
}

async function readOracleConfig(chain: EvmHost['chain'], codecs: EvmHost['codecs'], oracle: Address) {
  const read = async (codec: FunctionCodec) => {
    const result = await staticCall(chain, { from: DEPLOYER, to: oracle, data: encodeCall(codec, []) });
    if (!result.success) throw new Error(`SlowOracle.${codec.name}() failed: ${result.exception}`);
    return decodeReturn(codec, result.returnData)[0];
  };
  return {
    bondToken: (await read(codecs.bondToken)) as Address,
    minBond: (await read(codecs.minBond)) as bigint,
    liveness: (await read(codecs.liveness)) as bigint,
    arbitrationTimeout: (await read(codecs.arbitrationTimeout)) as bigint,
    arbitrator: (await read(codecs.arbitrator)) as Address,
  };
}
