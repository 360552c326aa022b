import { copyTracked, type EvmHost, type Tracked } from './host.ts';
import type { StateSnapshot } from './state.ts';

/** Everything that makes a host's state: EVM state, block time and number, and tracked data. */
export interface HostSnapshot {
  readonly state: StateSnapshot;
  readonly timestamp: bigint;
  readonly blockNumber: bigint;
  readonly tracked: Tracked;
}

/**
 * Saves the host's whole state, between calls. A snapshot is immutable: restore it as often and
 * in whatever order you like (a campaign snapshots once after deployment and restores per run).
 */
export function snapshotHost(host: EvmHost): HostSnapshot {
  return {
    state: host.chain.state.snapshot(),
    timestamp: host.chain.block.header.timestamp,
    blockNumber: host.chain.block.header.number,
    tracked: copyTracked(host.tracked),
  };
}

/** Puts the host back exactly as it was when `saved` was taken (from this same host). */
export function restoreHost(host: EvmHost, saved: HostSnapshot): void {
  host.chain.state.restore(saved.state);
  host.chain.block.header.timestamp = saved.timestamp;
  host.chain.block.header.number = saved.blockNumber;
  host.tracked = copyTracked(saved.tracked);
  host.lastGas = undefined;
}
