import type { Side } from '../side.ts';
import { executeAction } from './execute.ts';
import type { EvmHost } from './host.ts';
import { observe } from './observe.ts';
import { type HostSnapshot, restoreHost, snapshotHost } from './snapshot.ts';

/**
 * The host as the differential runner's `evm` side. Snapshots are `HostSnapshot`s and may be
 * restored any number of times, in any order. Gas of the last action stays on `host.lastGas`.
 */
export function evmSide(host: EvmHost): Side {
  return {
    name: 'evm',
    execute: (action) => executeAction(host, action),
    observe: async () => observe(host),
    snapshot: async () => snapshotHost(host),
    restore: async (saved) => restoreHost(host, saved as HostSnapshot),
  };
}
