import type { TokenMetadata } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { OracleSetup, WorldSetup } from '../../reference/setup.ts';
import type { Artifacts } from '../compile/artifacts.ts';
import type { Chain, GasUsage } from './chain.ts';
import type { Codecs } from './codecs.ts';
import type { AbiRegistry } from './decode.ts';
import type { ObserveCache } from './observe.ts';
import type { TokenSlots, WorldReader } from './reader.ts';

/**
 * What the host has learned from the logs of the calls it ran: the series and questions that
 * exist (the observer reads their state from storage), every ERC-20 in the world, and the
 * cumulative collateral flows. Part of every snapshot.
 */
export interface Tracked {
  /** Series ids in creation order (from SeriesCreated). */
  series: Bytes32[];
  /** Setup tokens, then each series' P and N in creation order. */
  tokens: Address[];
  /** Questions with at least one answer, in order of their first answer (from Proposed). */
  questions: { key: string; indexId: Bytes32; timestamp: bigint }[];
  /**
   * Per token of `tokens`: the values of its Transfer logs to the market (`paidIn`) and from it
   * (`paidOut`), setup mints included — the same rule as reference/flows.ts.
   */
  flows: Map<Address, { paidIn: bigint; paidOut: bigint }>;
  /**
   * `flows` as `observe` reports them (frozen), or undefined until it next builds them: whoever
   * changes `flows` clears it.
   */
  observedFlows?: Readonly<Record<Address, { paidIn: bigint; paidOut: bigint }>> | undefined;
  /**
   * Per token of `tokens`: name, symbol and decimals, read through its views once, right after the
   * token appears (fuzz/evm/metadata.ts). Frozen values; they never change after deployment.
   */
  metadata: Map<Address, TokenMetadata>;
  /** `metadata` as `observe` reports it, or undefined until it next builds it (cleared on change). */
  observedMetadata?: Readonly<Record<Address, TokenMetadata>> | undefined;
}

/**
 * The deployed world inside the embedded EVM: the chain, what was deployed (`setup`), the
 * prepared ABI codecs and decoders, the storage reader, and what has been tracked since. Build it
 * with `deployWorld`; drive it with `executeAction`, `observe`, `snapshotHost` / `restoreHost`.
 */
export interface EvmHost {
  readonly chain: Chain;
  readonly artifacts: Artifacts;
  readonly setup: WorldSetup;
  /** The fixed account that deployed every contract and minted the starting balances. */
  readonly deployer: Address;
  readonly registry: AbiRegistry;
  readonly codecs: Codecs;
  readonly reader: WorldReader;
  /** Observed accounts: setup.actors, then the market and the oracle (duplicates dropped). */
  readonly observed: Address[];
  /** The oracle's configuration, read once through its views after deployment (immutables). */
  readonly oracleConfig: Omit<OracleSetup, 'address'>;
  /** ERC20 slots per token contract (setup tokens by kind; claim tokens as they appear). */
  readonly tokenSlots: Map<Address, TokenSlots>;
  /**
   * Ledgers of more than one address, as the setup declares them (reference/tokens/ledger.ts
   * `ledgerGroups`): the ledger → all its addresses. A ledger's Transfer logs count for each.
   */
  readonly ledgers: Readonly<Record<Address, readonly Address[]>>;
  /** Each entry point → its ledger, the contract whose storage holds the entry point's balances. */
  readonly ledgerOf: ReadonlyMap<Address, Address>;
  /**
   * Tokens of the native currency (NativeCurrencyToken), which have no storage layout to observe:
   * each with the supply its `totalSupply()` reports (see native-balances.ts).
   */
  readonly nativeTokens?: ReadonlyMap<Address, bigint>;
  tracked: Tracked;
  /** What `observe` read last, by storage version (not part of snapshots: versions change on restore). */
  readonly observeCache: ObserveCache;
  /** Gas of the last executed action (`undefined` after a warp, which runs no call). */
  lastGas: GasUsage | undefined;
}

/** A deep copy of tracked data, so a snapshot is never changed by later calls. */
export function copyTracked(tracked: Tracked): Tracked {
  return {
    series: [...tracked.series],
    tokens: [...tracked.tokens],
    questions: tracked.questions.map((q) => ({ ...q })),
    flows: new Map([...tracked.flows].map(([token, flow]) => [token, { ...flow }])),
    observedFlows: tracked.observedFlows, // frozen, and true of the copied flows
    metadata: new Map(tracked.metadata), // values are frozen
    observedMetadata: tracked.observedMetadata,
  };
}
