import type { Address } from '../../reference/primitives.ts';
import type { TokenKind, TokenSetup, WorldSetup } from '../../reference/setup.ts';
import type { Artifacts, ContractArtifact } from '../compile/artifacts.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { type Chain, call, createChain, staticCall } from './chain.ts';
import { decodeReturn, encodeCall, type FunctionCodec } from './codec.ts';
import { buildCodecs } from './codecs.ts';
import { buildRegistry, decodeFailure, decodeLogs } from './decode.ts';
import { deployContract } from './deploy.ts';
import type { EvmHost } from './host.ts';
import { readNewMetadata } from './metadata.ts';
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

/** One token to deploy. `name`/`symbol` are observed, and a collateral's symbol names its claim tokens. */
export interface TokenSpec {
  kind: TokenKind;
  decimals: number;
  name?: string;
  symbol?: string;
}

/** The default tokens: the bond token first, then one collateral of each behaviour. */
export const DEFAULT_TOKENS: readonly TokenSpec[] = [
  { kind: 'plain', decimals: 18, name: 'Bond', symbol: 'BOND' },
  { kind: 'plain', decimals: 18, name: 'Wrapped Ether', symbol: 'WETH' },
  { kind: 'plain', decimals: 6, name: 'USD Coin', symbol: 'USDC' },
  { kind: 'noReturn', decimals: 6, name: 'Tether USD', symbol: 'USDT' },
  { kind: 'feeOnTransfer', decimals: 18, name: 'Fee Token', symbol: 'FEE' },
  { kind: 'callback', decimals: 18, name: 'Callback Token', symbol: 'CBK' },
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

const ARTIFACT_OF: Record<TokenKind, string> = {
  plain: 'MockERC20',
  noReturn: 'NoReturnToken',
  feeOnTransfer: 'FeeOnTransferToken',
  callback: 'CallbackToken',
};

/**
 * Deploys the world from the fixed deployer, in a fixed order — the tokens, the SlowOracle, the
 * SplitMarket — then mints the starting balances; the same options always give the same addresses
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
  for (const [i, spec] of specs.entries()) {
    const artifact = getArtifact(artifacts, ARTIFACT_OF[spec.kind]);
    const name = spec.name ?? `Token ${i}`;
    const symbol = spec.symbol ?? `TK${i}`;
    const { address } = await deployContract(chain, DEPLOYER, artifact, [name, symbol, spec.decimals]);
    tokens.push({ address, kind: spec.kind, decimals: spec.decimals, name, symbol });
    tokenArtifacts.push(artifact);
  }
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

  const setup: WorldSetup = {
    timestamp,
    market,
    oracle: { address: oracle, ...oracleSetup },
    tokens,
    actors,
    balances: {},
  };
  const codecs = buildCodecs(artifacts);
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
    tracked: { series: [], tokens: [], questions: [], flows: new Map(), metadata: new Map() },
    observeCache: emptyObserveCache(),
    lastGas: undefined,
  };
  for (const [i, token] of tokens.entries()) {
    host.tokenSlots.set(token.address, host.reader.tokenSlots(tokenArtifacts[i] as ContractArtifact));
    host.tracked.tokens.push(token.address);
    host.tracked.flows.set(token.address, { paidIn: 0n, paidOut: 0n });
  }
  await readNewMetadata(host);

  const units = options.startingUnits ?? 1_000_000n;
  const balancesOf =
    options.balances ??
    ((token: TokenSetup) => Object.fromEntries(actors.map((a) => [a, units * 10n ** BigInt(token.decimals)])));
  for (const [i, token] of tokens.entries()) {
    const holders = balancesOf(token, i);
    for (const [account, amount] of Object.entries(holders) as [Address, bigint][]) {
      if (amount === 0n) continue;
      await mint(host, token.address, account, amount);
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
    tokens: setup.tokens.map(({ kind, decimals, name, symbol }) => ({ kind, decimals, name, symbol })),
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
