import type { Artifacts } from '../compile/artifacts.ts';
import { UsageError } from '../errors.ts';
import { claimOutput, type OutputClaim, writeOutput } from '../io/output.ts';
import { annotationFile } from '../report/github.ts';
import { locateTraceFailure } from '../report/locate-failure.ts';
import type { FailureLocation } from '../report/step-summary.ts';
import { renderTracePage } from '../report/trace-page.ts';
import { failureRows, traceTimeline } from '../report/trace-timeline.ts';
import type { PreparedEnvironment } from '../runner/prepare.ts';
import type { ReplayResult } from '../runner/replay.ts';
import type { Trace } from '../trace/format.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';

/** `replay --html FILE`, claimed before any work: one page, so one trace. */
export function claimTracePage(flags: Record<string, unknown>, traces: number): OutputClaim | undefined {
  if (typeof flags.html !== 'string') return undefined;
  if (traces !== 1) throw new UsageError(`--html writes the page of one trace; ${traces} were named`, 'replay');
  return claimOutput('html', flags.html, { force: flags.force === true });
}

/** Builds and writes the trace page of a replayed trace (the steps run once more on the EVM). */
export async function writeTracePage(
  claim: OutputClaim,
  run: {
    artifacts: Artifacts;
    env: PreparedEnvironment;
    trace: Trace;
    file: string;
    result: ReplayResult;
    contractsDir: string | undefined;
  },
  location: FailureLocation | undefined,
): Promise<string> {
  const { env, result } = run;
  const start = new NameBook(env.setup);
  const steps = await traceTimeline(env, result.steps, start);
  const failure = result.failure;
  let where = location;
  if (failure !== undefined && where === undefined) {
    const path = failure.violations[0]?.path;
    const line = await locateTraceFailure(run.artifacts, run.trace, run.file, {
      step: failure.step,
      ...(path === undefined ? {} : { path }),
      ...(failure.evm === undefined ? {} : { evm: failure.evm }),
    });
    if (line !== undefined) where = { file: annotationFile(line, run.contractsDir), line };
  }
  const book = bookAfter(start, result.steps);
  const html = renderTracePage({
    file: run.file,
    ...(run.trace.title === undefined ? {} : { title: run.trace.title }),
    steps,
    ...(failure === undefined
      ? {}
      : {
          failure: {
            step: failure.step,
            headline: `[${failure.id}] ${failure.message}`,
            rows: failureRows(failure, book),
            ...(where === undefined ? {} : { location: where }),
          },
        }),
  });
  return writeOutput(claim, html);
}
