import { ModelError } from '../../reference/index.ts';
import { TraceFormatError } from '../errors.ts';
import { unmetExpectation } from '../trace/expectation.ts';
import type { Trace } from '../trace/format.ts';
import { NameBook } from '../trace/names.ts';
import { resolveAction } from '../trace/resolve.ts';
import { trackSeries } from '../trace/track-series.ts';
import { checksFor, type Environment, resetEnvironment } from './environment.ts';
import { runSequence, type SequenceResult } from './run-sequence.ts';

/** A replayed trace: the steps that ran, the first failure, and the names as they stood at the end. */
export interface ReplayResult extends SequenceResult {
  book: NameBook;
}

/**
 * Replays a trace on the model and the EVM from the start state, with every check after every step
 * and each action's `expect` (if any) checked against the EVM's outcome. Names like `#1` resolve
 * against the series created so far; one that names nothing is a TraceFormatError (exit 2).
 */
export async function replayTrace(
  env: Environment,
  trace: Trace,
  file: string,
  options: { probesPerStep: number },
): Promise<ReplayResult> {
  await resetEnvironment(env);
  const book = new NameBook(env.setup);
  let current = 0;
  const checks = checksFor(env, { probesPerStep: options.probesPerStep });
  const result = await runSequence(
    env.model,
    env.evm,
    (_, i) => {
      current = i;
      const action = trace.actions[i];
      return action === undefined ? undefined : resolveAction(action, book, file, `actions[${i}]`);
    },
    {
      checks,
      afterStep: (i, step) => {
        trackSeries(book, step.action, step.outcome);
        const expect = trace.actions[i]?.expect;
        const unmet = expect === undefined ? undefined : unmetExpectation(expect, step.outcome, book);
        return unmet === undefined ? undefined : { kind: 'expectation', id: 'expect', message: unmet, violations: [] };
      },
    },
  ).catch((error: unknown) => {
    // The model refuses some actions outright (a caller with code, arming a token that is not a
    // callback token, a warp past 2^256 - 1): that is a bad trace, not a failed check.
    if (error instanceof ModelError) {
      throw new TraceFormatError(file, `actions[${current}]`, `${error.shortMessage} ${error.details}`);
    }
    throw error;
  });
  return { ...result, book };
}
