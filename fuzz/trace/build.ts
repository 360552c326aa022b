import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import type { StepFailure } from './failure.ts';
import type { Trace, TraceFailure, TraceWorld } from './format.ts';
import { TRACE_FORMAT, TRACE_VERSION } from './format.ts';
import type { NameBook } from './names.ts';
import { serializeAction } from './serialize.ts';
import { trackSeries } from './track-series.ts';

/** What a trace is built from: the executed steps and, for a counterexample, what failed. */
export interface TraceInput {
  world: TraceWorld;
  /** The name book at the start of the run (before any series exists). */
  book: NameBook;
  steps: readonly { action: Action; outcome: Outcome }[];
  failure?: StepFailure;
  seed?: number;
  title?: string;
}

/** A trace of executed steps, written with the names each step had when it ran. */
export function buildTrace(input: TraceInput): Trace {
  const book = input.book.clone();
  const actions = input.steps.map((step) => {
    const written = serializeAction(step.action, book);
    trackSeries(book, step.action, step.outcome);
    return written;
  });
  const trace: Trace = { format: TRACE_FORMAT, version: TRACE_VERSION, world: input.world, actions };
  if (input.title !== undefined) trace.title = input.title;
  if (input.seed !== undefined) trace.seed = input.seed;
  if (input.failure !== undefined) trace.failure = traceFailure(input.failure);
  return trace;
}

function traceFailure(failure: StepFailure): TraceFailure {
  const written: TraceFailure = { step: failure.step, kind: failure.kind, id: failure.id, message: failure.message };
  if (failure.model !== undefined) written.model = failure.model;
  if (failure.evm !== undefined) written.evm = failure.evm;
  return written;
}
