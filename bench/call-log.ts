import type { Address } from '../reference/primitives.ts';

/**
 * One top-level EVM call a campaign made: what went in, exactly as `call()` handed it to
 * `evm.runCall`, and a fingerprint of what came out, so a replay can prove it ran the same thing.
 */
export interface RecordedCall {
  readonly from: Address;
  readonly to: Address;
  readonly data: Uint8Array;
  /** Block timestamp and number the call ran in (warps move them between calls). */
  readonly timestamp: bigint;
  readonly blockNumber: bigint;
  readonly success: boolean;
  readonly executionGas: bigint;
  readonly returnData: Uint8Array;
}

/** Why the harness made a call: an action, a probe (M6, O5), or a `payoutOf` read (M3, M4). */
export type Purpose = 'main' | 'probe' | 'payout' | 'view';

/**
 * A campaign's EVM work in order: `reset` where a run started (the start snapshot restored), each
 * top-level call with its purpose, and the probes' `save` (the state before probing) and `load`
 * (back to it). Warps make no call; they show as a later call's timestamp.
 */
export type CallLogEntry =
  | { readonly kind: 'reset' | 'save' | 'load' }
  | { readonly kind: 'call'; readonly purpose: Purpose; readonly call: RecordedCall };

/** The main line of a log: run starts and the actions' calls, without probes and `payoutOf` reads. */
export function mainLine(log: readonly CallLogEntry[]): CallLogEntry[] {
  return log.filter((e) => e.kind === 'reset' || (e.kind === 'call' && e.purpose === 'main'));
}

/** Number of calls in a log. */
export function callCount(log: readonly CallLogEntry[]): number {
  let calls = 0;
  for (const entry of log) if (entry.kind === 'call') calls++;
  return calls;
}

/** Number of run starts in a log. */
export function resetCount(log: readonly CallLogEntry[]): number {
  let resets = 0;
  for (const entry of log) if (entry.kind === 'reset') resets++;
  return resets;
}

/**
 * The first place two logs differ in what they send (entry kinds, purposes, caller, target,
 * calldata, block), or `undefined` when they send the same calls: two campaigns on the same seed must.
 */
export function firstDifference(a: readonly CallLogEntry[], b: readonly CallLogEntry[]): string | undefined {
  if (a.length !== b.length) return `lengths differ: ${a.length} vs ${b.length} entries`;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] as CallLogEntry, b[i] as CallLogEntry];
    if (x.kind !== y.kind) return `entry ${i}: ${x.kind} vs ${y.kind}`;
    if (x.kind !== 'call' || y.kind !== 'call') continue;
    if (x.purpose !== y.purpose) return `entry ${i}: ${x.purpose} call vs ${y.purpose} call`;
    const [c, d] = [x.call, y.call];
    if (c.from !== d.from || c.to !== d.to || c.timestamp !== d.timestamp || c.blockNumber !== d.blockNumber) {
      return `entry ${i}: call header differs`;
    }
    if (!sameBytes(c.data, d.data)) return `entry ${i}: calldata differs`;
  }
  return undefined;
}

/** Byte-wise equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
