import type { FieldType } from './fields.ts';

/** The `format` tag every trace file carries. */
export const TRACE_FORMAT = 'cliffless-trace';
/** The trace format version this build reads and writes. Bump on any incompatible change. */
export const TRACE_VERSION = 1;

/** A JSON value as written in a trace field: see {@link FieldType}. */
export type TraceValue = string | boolean;

/** One action as written in a trace: `kind`, its fields as strings, and an optional expectation. */
export interface TraceAction {
  kind: string;
  fields: Record<string, TraceValue>;
  expect?: TraceExpect;
}

/**
 * What an action must do. `ok` with optional `returns` (and optional `events`, by name in order),
 * or a `revert` with the error name and optional positional `args`. Values are written like
 * fields: decimal strings, names or hex.
 */
export type TraceExpect = { ok: true; returns?: string[]; events?: string[] } | { revert: string; args?: string[] };

/** How the world is deployed before the first action (the same options always give the same world). */
export interface TraceWorld {
  /** Number of actors (alice, bob, …), 1 to 16. */
  actors: number;
  /** Whether every actor starts with unlimited allowances to the market and the oracle for every token. */
  approvals: boolean;
}

/** What failed when the fuzzer wrote the trace: informational, replay recomputes it. */
export interface TraceFailure {
  step: number;
  kind: 'divergence' | 'property' | 'expectation';
  id: string;
  message: string;
  model?: string;
  evm?: string;
}

/**
 * What a `cliffless fuzz --maximize` result reached: the metric, its value (a decimal string, in the
 * metric's unit) and where (which actor and token, which call). Informational: replay recomputes it.
 */
export interface TraceMaximize {
  metric: string;
  value: string;
  at?: string;
}

/** A whole trace file. */
export interface Trace {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  title?: string;
  world: TraceWorld;
  actions: TraceAction[];
  seed?: number;
  failure?: TraceFailure;
  maximize?: TraceMaximize;
}

/** The defaults a trace's `world` may omit. */
export const DEFAULT_WORLD: TraceWorld = { actors: 4, approvals: true };

export type { FieldType };
