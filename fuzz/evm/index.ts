/**
 * The embedded EVM side of the differential harness: a cancun `@ethereumjs/evm` over an
 * undo-log state, the world deployed at fixed addresses, actions executed and decoded exactly as
 * the model reports them, and the observed state read straight from storage.
 */
export type { CallRequest, CallResult, Chain, ChainOptions, GasUsage } from './chain.ts';
export { CALL_GAS_LIMIT, call, createChain, setBalance, staticCall, warp } from './chain.ts';
export type { FunctionCodec } from './codec.ts';
export { decodeReturn, encodeCall, functionCodec } from './codec.ts';
export type { Codecs } from './codecs.ts';
export type { AbiRegistry } from './decode.ts';
export { buildRegistry, decodeFailure, decodeLogs, decodeRevert } from './decode.ts';
export { DeploymentError, deployContract } from './deploy.ts';
export type { EncodedAction } from './encode-action.ts';
export { encodeAction } from './encode-action.ts';
export { executeAction } from './execute.ts';
export type { EvmHost, Tracked } from './host.ts';
export { observe } from './observe.ts';
export { observeViaCalls } from './observe-calls.ts';
export { contractPayoutMath, type PayoutInput } from './payout-math.ts';
export { evmSide } from './side.ts';
export type { HostSnapshot } from './snapshot.ts';
export { restoreHost, snapshotHost } from './snapshot.ts';
export { JournaledState } from './state.ts';
export type { TokenSpec, WorldOptions } from './world.ts';
export { ARBITRATOR, actorAddress, DEFAULT_TOKENS, DEPLOYER, deployWorld, deployWorldFromSetup } from './world.ts';
