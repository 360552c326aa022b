import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import { ModelError } from '../../reference/index.ts';
import type { Outcome } from '../../reference/outcome.ts';
import { TraceFormatError } from '../errors.ts';
import type { Environment } from '../runner/environment.ts';
import type { Trace } from '../trace/format.ts';
import { NameBook } from '../trace/names.ts';
import { resolveAction } from '../trace/resolve.ts';
import { trackSeries } from '../trace/track-series.ts';

/** One trace action as the reference model runs it. */
export interface ModelStep {
  action: Action;
  outcome: Outcome;
}

/**
 * Runs every action of a trace on the reference model alone, from the world's start state. The
 * exported forge test asserts these outcomes, not the embedded EVM's: for a divergence trace the
 * model is the specification, so the forge test fails where the contracts are wrong. Also returns
 * the model's observed state after the last action, which the test checks at its end. A name that
 * resolves to nothing, or an action the model refuses, is a TraceFormatError (exit 2).
 */
export async function modelSteps(
  env: Environment,
  trace: Trace,
  file: string,
): Promise<{ steps: ModelStep[]; final: ObservedState }> {
  await env.model.restore(env.modelStart);
  const book = new NameBook(env.setup);
  const steps: ModelStep[] = [];
  for (const [i, written] of trace.actions.entries()) {
    const action = resolveAction(written, book, file, `actions[${i}]`);
    let outcome: Outcome;
    try {
      outcome = await env.model.execute(action);
    } catch (error) {
      if (error instanceof ModelError) {
        throw new TraceFormatError(file, `actions[${i}]`, `${error.shortMessage} ${error.details}`);
      }
      throw error;
    }
    trackSeries(book, action, outcome);
    steps.push({ action, outcome });
  }
  return { steps, final: await env.model.observe() };
}
