import { basename } from 'node:path';
import type { OutputClaim } from '../io/output.ts';
import type { FailureRecord } from '../parallel/summary-file.ts';
import type { MinimizedFailure } from '../runner/campaign.ts';
import { describeFailure } from '../runner/render.ts';
import { buildTrace } from '../trace/build.ts';
import type { TraceWorld } from '../trace/format.ts';
import { deliverTraceFile } from '../trace/io.ts';
import type { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import { shownPath } from './kit/rerun.ts';

/** What `cliffless fuzz` (open-loop or guided) says of a failure and where it writes its trace. */
export interface FailureTraceOptions {
  failure: MinimizedFailure;
  /** How it was shrunk, for the header: `shrunk from 9 to 3 actions`, or why it was not. */
  shrunk: string;
  /** The world's names at the start, for the description and the trace. */
  start: NameBook;
  world: TraceWorld;
  seed: number;
  /** The traces folder, claimed before any work. */
  out: OutputClaim;
  /** The trace file's name before its hash: `fuzz-seed1`, `fuzz-guided-seed1-shard0of2`. */
  prefix: string;
  /** The command line that replays a written trace. */
  replay: (trace: string) => string;
  /** Printed last, written or not: where the failure was found and how to get there again. */
  found: string;
}

/**
 * Prints the failure in full, then writes its trace and says how to replay it; returns the trace's
 * path, or undefined when it could not be written (the report above is then all there is).
 */
export function reportFailureTrace(o: FailureTraceOptions): string | undefined {
  const { failure, start } = o;
  // The report first, in full: should the trace then fail to write, nothing of the result is lost.
  process.stdout.write(
    `\nFAILURE (${o.shrunk})\n${describeFailure(failure.failure, bookAfter(start, failure.steps.slice(0, -1)))}\n\n`,
  );
  const trace = buildTrace({
    world: o.world,
    book: start,
    steps: failure.steps,
    failure: failure.failure,
    seed: o.seed,
  });
  const written = deliverTraceFile(o.out, o.prefix, trace).written;
  if (written === undefined) {
    process.stdout.write(`the trace above was not written: save it to a file to replay it\n${o.found}`);
    return undefined;
  }
  const shown = shownPath(written);
  process.stdout.write(`trace written to ${shown}\nreplay with: ${o.replay(shown)}\n${o.found}`);
  return written;
}

/** The summary JSON's record of a failure whose trace was written (null without one). */
export function failureRecord(
  failure: MinimizedFailure | undefined,
  written: string | undefined,
): FailureRecord | null {
  return failure === undefined || written === undefined
    ? null
    : {
        // A failure replaying a loaded corpus (guided.failureFile) is before run 0.
        run: Math.max(0, failure.run),
        kind: failure.failure.kind,
        id: failure.failure.id,
        step: failure.failure.step,
        message: failure.failure.message,
        shrunkFrom: failure.originalLength,
        actions: failure.steps.length,
        trace: basename(written),
      };
}
