import type { ActionKind } from '../../reference/action.ts';

/**
 * How each field of an action is written in a trace:
 * - `address`: a name (`alice`, `arbitrator`, `market`, `oracle`, `zero`, `WETH`, `P#0` …) or `0x` hex;
 * - `series`: `#k` (the k-th series created in this trace, from 0) or a `0x` 32-byte id;
 * - `indexId`: a short ASCII name such as `ETH/USD` (stored as right-padded bytes32) or `0x` 32-byte hex;
 * - `uint`: a decimal string, or `max` for 2^256 − 1;
 * - `bool`: a JSON boolean.
 */
export type FieldType = 'address' | 'series' | 'indexId' | 'uint' | 'bool';

/** The fields of every action kind, in the order they are written. One table serves parse, resolve and write. */
export const ACTION_FIELDS: Record<ActionKind, Record<string, FieldType>> = {
  createSeries: {
    caller: 'address',
    collateral: 'address',
    oracle: 'address',
    indexId: 'indexId',
    strike: 'uint',
    expiry: 'uint',
  },
  split: { caller: 'address', seriesId: 'series', amount: 'uint', to: 'address' },
  merge: { caller: 'address', seriesId: 'series', amount: 'uint', to: 'address' },
  settle: { caller: 'address', seriesId: 'series' },
  redeem: { caller: 'address', seriesId: 'series', pAmount: 'uint', nAmount: 'uint', to: 'address' },
  transfer: { caller: 'address', token: 'address', to: 'address', amount: 'uint' },
  approve: { caller: 'address', token: 'address', spender: 'address', amount: 'uint' },
  transferFrom: { caller: 'address', token: 'address', from: 'address', to: 'address', amount: 'uint' },
  mintClaim: { caller: 'address', token: 'address', to: 'address', amount: 'uint' },
  burnClaim: { caller: 'address', token: 'address', from: 'address', amount: 'uint' },
  propose: { caller: 'address', indexId: 'indexId', timestamp: 'uint', value: 'uint', bond: 'uint' },
  finalize: { caller: 'address', indexId: 'indexId', timestamp: 'uint' },
  requestArbitration: { caller: 'address', indexId: 'indexId', timestamp: 'uint' },
  arbitrate: { caller: 'address', indexId: 'indexId', timestamp: 'uint', value: 'uint' },
  cancelArbitration: { caller: 'address', indexId: 'indexId', timestamp: 'uint' },
  withdraw: { caller: 'address' },
  armCallback: { caller: 'address', token: 'address', armed: 'bool' },
  pauseToken: { caller: 'address', token: 'address', paused: 'bool' },
  blockAccount: { caller: 'address', token: 'address', account: 'address', blocked: 'bool' },
  warp: { seconds: 'uint' },
};

/** Every action kind, in a stable order (tables, summaries). */
export const ACTION_KINDS = Object.keys(ACTION_FIELDS) as ActionKind[];
