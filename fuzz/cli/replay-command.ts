import { compileForCli } from '../compile/for-cli.ts';
import { describeMaximized, replayMaximized } from '../guide/maximize-replay.ts';
import { EXIT_OUTPUT_LOST } from '../io/output.ts';
import { type ReplayedTrace, replaySuite } from '../report/junit-suites.ts';
import { type FailureLocation, replayMarkdown } from '../report/step-summary.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../runner/prepare.ts';
import { describeAction, describeFailure, describeOutcome } from '../runner/render.ts';
import { replayTrace } from '../runner/replay.ts';
import { readTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import {
  annotateFailure,
  claimCiOutputs,
  reportedFailure,
  withCiFlags,
  writeJUnit,
  writeStepSummary,
} from './ci-outputs.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { traceFilesOf } from './trace-files.ts';
import { claimTracePage, writeTracePage } from './trace-page-step.ts';

export const replaySpec: CommandSpec = {
  name: 'replay',
  summary: 'rerun traces on the model and the EVM and report the first divergence or broken property of each',
  usage:
    'cliffless replay <trace.json> [--verbose] [--html FILE] [--junit FILE] [--github]   (or several traces, or a folder)',
  positionals: ['trace'],
  variadic: true,
  flags: withCiFlags([
    {
      name: 'verbose',
      type: 'boolean',
      description: 'Print every step, its return values and its events with their arguments',
    },
    { name: 'probes', type: 'int', min: 0, default: '2', description: 'M6/O5 probes run per step' },
    { name: 'contracts', type: 'string', description: 'Contracts folder to replay against instead of ./contracts' },
    {
      name: 'html',
      type: 'string',
      description: 'Write one self-contained HTML page of the trace: its steps, changes, failure',
    },
  ]),
  examples: [
    'npx cliffless replay traces/fuzz-seed1-0123456789.json',
    'npx cliffless replay test/traces/settle-at-strike.json --verbose',
    'npx cliffless replay test/traces/ --junit replay.xml   # a regression folder, one CI line',
  ],
};

/**
 * `cliffless replay`: replays each trace (a folder stands for its `*.json` files) and reports them
 * together. Exit 0 when every trace passes, 1 when one fails, 2 on a malformed trace.
 */
export async function replayCommand(args: ParsedArgs): Promise<number> {
  const ci = claimCiOutputs(args.flags);
  const files = traceFilesOf(args.positionals);
  const page = claimTracePage(args.flags, files.length);
  const traces = files.map((file) => ({ file, trace: readTraceFile(file) }));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const contractsDir = args.flags.contracts as string | undefined;
  const artifacts = compileForCli(contractsDir, log);
  const environments = new Map<string, PreparedEnvironment>();
  const results: (ReplayedTrace & { location?: FailureLocation })[] = [];
  for (const { file, trace } of traces) {
    const started = performance.now();
    const key = JSON.stringify(trace.world);
    let env = environments.get(key);
    if (env === undefined) {
      env = await prepareEnvironment(artifacts, trace.world);
      environments.set(key, env);
    }
    const probesPerStep = (args.flags.probes as number | undefined) ?? 2;
    // A `fuzz --maximize` result is measured again as it replays (docs/maximize.md).
    const maximized =
      trace.maximize === undefined
        ? undefined
        : await replayMaximized(env, { ...trace, maximize: trace.maximize }, file, { probesPerStep });
    const result = maximized?.result ?? (await replayTrace(env, trace, file, { probesPerStep }));
    const measuredLine =
      maximized === undefined ? '' : `${describeMaximized(maximized, trace.maximize?.value ?? '')}\n`;
    if (args.flags.verbose === true) printSteps(env, result.steps);
    const seconds = (performance.now() - started) / 1000;
    let location: FailureLocation | undefined;
    const writePage = async () => {
      if (page === undefined || env === undefined) return;
      const path = await writeTracePage(page, { artifacts, env, trace, file, result, contractsDir }, location);
      process.stdout.write(`trace page written to ${path}\n`);
    };
    if (result.failure === undefined) {
      process.stdout.write(
        `PASS ${file}: ${result.steps.length} actions, model and EVM agree, every property holds\n${measuredLine}`,
      );
      await writePage();
      results.push({ file, actions: result.steps.length, seconds });
      continue;
    }
    const text = describeFailure(result.failure, bookAfter(new NameBook(env.setup), result.steps.slice(0, -1)));
    process.stdout.write(`FAIL ${file}\n${text}\n${measuredLine}`);
    const failure = reportedFailure(result.failure, text, file);
    location = await annotateFailure(ci, artifacts, file, result.failure, contractsDir);
    await writePage();
    results.push({
      file,
      actions: result.steps.length,
      seconds,
      failure,
      ...(location === undefined ? {} : { location }),
    });
  }
  const failed = results.filter((r) => r.failure !== undefined).length;
  if (results.length > 1)
    process.stdout.write(`replayed ${results.length} traces: ${results.length - failed} passed, ${failed} failed\n`);
  const lost = writeJUnit(ci, [replaySuite(results, contractsDir)]) ? EXIT_OUTPUT_LOST : 0;
  writeStepSummary(ci, replayMarkdown(results, contractsDir));
  return (failed === 0 ? 0 : 1) | lost;
}

function printSteps(env: PreparedEnvironment, steps: Awaited<ReturnType<typeof replayTrace>>['steps']): void {
  const book = new NameBook(env.setup);
  for (const [i, step] of steps.entries()) {
    const before = bookAfter(book, steps.slice(0, i));
    const after = bookAfter(book, steps.slice(0, i + 1)); // names the series this step created
    process.stdout.write(
      `${String(i).padStart(4)}  ${describeAction(step.action, before)}  → ${describeOutcome(step.outcome, after)}\n`,
    );
  }
}
