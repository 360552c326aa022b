import type { WorldSetup } from '../../reference/setup.ts';
import { buildTrace } from '../trace/build.ts';
import type { Trace, TraceWorld } from '../trace/format.ts';
import { NameBook } from '../trace/names.ts';
import type { BestRun } from './maximize.ts';

/**
 * The best run of `fuzz --maximize` as a trace: titled as a maximization result (not a failure,
 * unless its last step failed a check), with a `maximize` record that `cliffless replay` measures
 * again, ending at the step that reached the value when no later step can change it. `found` says
 * which run reached it.
 */
export function maximizeTrace(
  world: TraceWorld,
  setup: WorldSetup,
  best: BestRun,
  metric: string,
  seed: number,
  found: string,
): Trace {
  const { value, unit, at, step } = best.measured;
  // A value no later step changes (a call's gas) needs only the steps up to the one that reached it.
  const steps = step === undefined ? best.steps : best.steps.slice(0, step + 1);
  const failed = best.failed && steps.length === best.steps.length;
  const trace = buildTrace({
    world,
    book: new NameBook(setup),
    steps,
    seed,
    title: `maximization result${failed ? ' (its last step fails a check)' : ', not a failure'}: ${metric} = ${value} ${unit}${at === '' ? '' : ` (${at})`}, ${found}`,
  });
  trace.maximize = { metric, value: value.toString(), ...(at === '' ? {} : { at }) };
  return trace;
}
