import { TraceFormatError, UsageError } from '../errors.ts';
import type { PreparedEnvironment } from '../runner/prepare.ts';
import { type ReplayResult, replayTrace } from '../runner/replay.ts';
import type { Trace } from '../trace/format.ts';
import { measureSteps } from './maximize.ts';
import { GasMeter } from './maximize-meter.ts';
import { type Measured, parseMetric } from './metrics.ts';

/** A replayed `--maximize` result: the replay, and the metric's value it reached again. */
export interface MaximizeReplay {
  result: ReplayResult;
  metric: string;
  measured: Measured;
}

/**
 * Replays a trace written by `fuzz --maximize` (one with a `maximize` record) with every check, as
 * `replayTrace` does, and measures its metric on what ran (up to a failing step, as the campaign
 * did). A metric name this build does not know is bad input in the file (exit 2).
 */
export async function replayMaximized(
  env: PreparedEnvironment,
  trace: Trace & { maximize: NonNullable<Trace['maximize']> },
  file: string,
  options: { probesPerStep: number },
): Promise<MaximizeReplay> {
  let metric: ReturnType<typeof parseMetric>;
  try {
    metric = parseMetric(trace.maximize.metric);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new TraceFormatError(file, 'maximize.metric', `unknown metric ${JSON.stringify(trace.maximize.metric)}`);
  }
  const meter = new GasMeter(env.evm, env.host);
  const result = await replayTrace({ ...env, evm: meter.side }, trace, file, options);
  return { result, metric: trace.maximize.metric, measured: await measureSteps(metric, env, result.steps, meter) };
}

/** The line `cliffless replay` prints for a `--maximize` result: the value again, and the one recorded. */
export function describeMaximized(replayed: MaximizeReplay, recorded: string): string {
  const { value, unit, at } = replayed.measured;
  const same = value.toString() === recorded ? 'as recorded' : `the trace recorded ${recorded}`;
  return `maximize ${replayed.metric}: ${value} ${unit}${at === '' ? '' : ` (${at})`}, ${same}`;
}
