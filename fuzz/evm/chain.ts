import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM, type EVM, type EVMResult, type Log } from '@ethereumjs/evm';
import { Account, bytesToHex, Address as EthAddress, hexToBytes } from '@ethereumjs/util';
import type { Hex } from 'viem';
import type { Address } from '../../reference/primitives.ts';
import { checkEthereumjsInternals } from './ethereumjs-internals.ts';
import { installJumpAnalysisCache } from './jump-cache.ts';
import { JournaledState } from './state.ts';

/** Gas each top-level call may use: the mainnet block gas limit, so only a runaway loop runs out. */
export const CALL_GAS_LIMIT = 30_000_000n;

/**
 * The minimal EVM the harness runs in: one `EVM` (cancun) over an in-memory state, a block whose
 * timestamp only `warp` moves, and an address cache. Everything a call needs is built once here,
 * not per call.
 */
export interface Chain {
  readonly evm: EVM;
  readonly state: JournaledState;
  /** The block every call runs in; `warp` moves its timestamp and number. */
  readonly block: ChainBlock;
  /** `to` bytes of the active precompiles, warmed at the start of every call as a transaction would. */
  readonly precompiles: string[];
  readonly addresses: Map<string, EthAddress>;
}

/** The block shape `evm.runCall` reads (a full `@ethereumjs/block` is not needed). */
export interface ChainBlock {
  header: {
    number: bigint;
    coinbase: EthAddress;
    timestamp: bigint;
    difficulty: bigint;
    prevRandao: Uint8Array;
    gasLimit: bigint;
    baseFeePerGas: bigint;
    getBlobGasPrice(): bigint;
  };
}

/** What one top-level call did. */
export interface CallResult {
  /** False on revert or any exceptional halt. */
  success: boolean;
  /** Return data on success, revert data on a revert, empty on other halts. */
  returnData: Hex;
  /** The EVM's exception (`revert`, `out of gas`, `invalid opcode`, ...) when not successful. */
  exception: string | undefined;
  /** Logs in emission order (empty when not successful). */
  logs: Log[];
  /** The created contract, for a deployment. */
  createdAddress: Address | undefined;
  gas: GasUsage;
}

/**
 * Gas of one call. `total` is what the same call sent as a transaction would be charged:
 * intrinsic (21000 + calldata, + 32000 and initcode words for a creation) + execution − refund
 * (capped at a fifth, EIP-3529), so gas deltas match forge's and a real chain's receipts.
 */
export interface GasUsage {
  execution: bigint;
  refund: bigint;
  total: bigint;
}

/** Options of {@link createChain}. */
export interface ChainOptions {
  /** Block timestamp before the first call. */
  timestamp: bigint;
  /** Block number before the first call (default 1). */
  blockNumber?: bigint;
  /**
   * Memoise jump-destination analysis per contract code (default true); see
   * {@link installJumpAnalysisCache}. Process-wide once installed.
   */
  jumpAnalysisCache?: boolean;
}

/** Creates an empty cancun chain at the given time. */
export async function createChain(options: ChainOptions): Promise<Chain> {
  if (options.jumpAnalysisCache !== false) installJumpAnalysisCache();
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const state = new JournaledState();
  const evm = await createEVM({ common, stateManager: state });
  checkEthereumjsInternals(evm);
  const coinbase = new EthAddress(new Uint8Array(20));
  const block: ChainBlock = {
    header: {
      number: options.blockNumber ?? 1n,
      coinbase,
      timestamp: options.timestamp,
      difficulty: 0n,
      prevRandao: new Uint8Array(32),
      gasLimit: CALL_GAS_LIMIT,
      baseFeePerGas: 0n,
      getBlobGasPrice: () => 1n,
    },
  };
  const precompiles = [...evm.precompiles.keys()];
  return { evm, state, block, precompiles, addresses: new Map() };
}

/** The `@ethereumjs/util` Address for a hex address, cached: calls name the same few accounts. */
export function ethAddress(chain: Chain, address: Address): EthAddress {
  let cached = chain.addresses.get(address);
  if (cached === undefined) {
    cached = new EthAddress(hexToBytes(address));
    chain.addresses.set(address, cached);
  }
  return cached;
}

/** Lowercase hex of an `@ethereumjs/util` Address or its bytes. */
export function toAddress(address: EthAddress | Uint8Array): Address {
  return bytesToHex(address instanceof EthAddress ? address.bytes : address) as Address;
}

/** Moves block time forward by `seconds` and starts a new block. */
export function warp(chain: Chain, seconds: bigint): void {
  chain.block.header.timestamp += seconds;
  chain.block.header.number += 1n;
}

/** Gives an account `wei` of ether (creating it if needed), keeping its nonce. */
export async function setBalance(chain: Chain, address: Address, wei: bigint): Promise<void> {
  const at = ethAddress(chain, address);
  const account = (await chain.state.getAccount(at)) ?? new Account();
  await chain.state.putAccount(at, new Account(account.nonce, wei, account.storageRoot, account.codeHash));
}

/** One top-level message: `to` undefined deploys `data` as init code. */
export interface CallRequest {
  from: Address;
  to: Address | undefined;
  data: Uint8Array;
  value?: bigint;
  gasLimit?: bigint;
}

/**
 * Runs one top-level call as a transaction would (caller nonce bumped, caller/target/precompiles/
 * coinbase warm, transient storage and warm sets cleared after, empty touched accounts removed),
 * committing its state on success and discarding it on failure.
 */
export async function call(chain: Chain, request: CallRequest): Promise<CallResult> {
  const { evm } = chain;
  const caller = ethAddress(chain, request.from);
  const to = request.to === undefined ? undefined : ethAddress(chain, request.to);
  const journal = evm.journal;
  for (const precompile of chain.precompiles) journal.addAlwaysWarmAddress(precompile);
  journal.addAlwaysWarmAddress(request.from);
  if (request.to !== undefined) journal.addAlwaysWarmAddress(request.to);
  journal.addAlwaysWarmAddress('0x0000000000000000000000000000000000000000'); // the coinbase (EIP-3651)
  const gasLimit = request.gasLimit ?? CALL_GAS_LIMIT;
  const intrinsic = intrinsicGas(request.data, to === undefined);
  if (gasLimit < intrinsic) throw new Error(`gas limit ${gasLimit} is below the call's intrinsic gas ${intrinsic}`);
  const depth = chain.state.depth;
  let result: EVMResult;
  try {
    result = await evm.runCall({
      block: chain.block,
      caller,
      origin: caller,
      ...(to === undefined ? {} : { to }),
      data: request.data,
      value: request.value ?? 0n,
      gasLimit: gasLimit - intrinsic,
    });
  } catch (error) {
    // An internal EVM error (not an exceptional halt) can leave frames open: undo the whole call.
    await chain.state.revertTo(depth);
    evm.transientStorage.clear();
    throw error;
  } finally {
    await journal.cleanup();
    chain.state.originalStorageCache.clear();
  }
  const exec = result.execResult;
  const error = exec.exceptionError?.error;
  const execution = exec.executionGasUsed;
  const spent = intrinsic + execution;
  const refund = error === undefined ? (exec.gasRefund ?? 0n) : 0n;
  const cappedRefund = refund < spent / 5n ? refund : spent / 5n;
  return {
    success: error === undefined,
    returnData: bytesToHex(exec.returnValue) as Hex,
    exception: error,
    logs: error === undefined ? (exec.logs ?? []) : [],
    createdAddress: result.createdAddress === undefined ? undefined : toAddress(result.createdAddress),
    gas: { execution, refund: cappedRefund, total: spent - cappedRefund },
  };
}

/**
 * Runs a read-only call against the current state and leaves no trace: no nonce bump, and every
 * change (touched accounts included) is rolled back.
 */
export async function staticCall(chain: Chain, request: Omit<CallRequest, 'value'>): Promise<CallResult> {
  await chain.state.checkpoint();
  try {
    return await call(chain, request);
  } finally {
    await chain.state.revert();
  }
}

/** Intrinsic gas of a transaction carrying `data` (EIP-2028 calldata, EIP-3860 initcode words). */
export function intrinsicGas(data: Uint8Array, isCreate: boolean): bigint {
  let gas = 21_000n;
  for (const byte of data) gas += byte === 0 ? 4n : 16n;
  if (isCreate) gas += 32_000n + 2n * BigInt(Math.ceil(data.length / 32));
  return gas;
}
