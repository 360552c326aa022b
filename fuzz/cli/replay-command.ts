import { compileForCli } from '../compile/for-cli.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { describeAction, describeFailure } from '../runner/render.ts';
import { replayTrace } from '../runner/replay.ts';
import { readTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import type { CommandSpec, ParsedArgs } from './args.ts';

export const replaySpec: CommandSpec = {
  name: 'replay',
  summary: 'rerun a trace on the model and the EVM and report the first divergence or broken property',
  usage: 'cliffless replay <trace.json> [--verbose]',
  positionals: ['trace'],
  flags: [
    { name: 'verbose', type: 'boolean', description: 'Print every step and its outcome' },
    { name: 'probes', type: 'int', min: 0, default: '2', description: 'M6/O5 probes run per step' },
    { name: 'contracts', type: 'string', description: 'Contracts folder to replay against instead of ./contracts' },
  ],
  examples: [
    'npx cliffless replay traces/fuzz-seed1-0123456789.json',
    'npx cliffless replay test/traces/settle-at-strike.json --verbose',
  ],
};

/** `cliffless replay`: exit 0 when the trace passes, 1 on a failure, 2 on a malformed trace. */
export async function replayCommand(args: ParsedArgs): Promise<number> {
  const file = args.positionals[0] as string;
  const trace = readTraceFile(file);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const artifacts = compileForCli(args.flags.contracts as string | undefined, log);
  const env = await prepareEnvironment(artifacts, trace.world);
  const result = await replayTrace(env, trace, file, { probesPerStep: (args.flags.probes as number | undefined) ?? 2 });
  if (args.flags.verbose === true) {
    const book = new NameBook(env.setup);
    for (const [i, step] of result.steps.entries()) {
      const o = step.outcome;
      const what = o.ok ? ['ok', ...o.events.map((e) => e.name)].join(' ') : `revert ${o.error.name}`;
      process.stdout.write(
        `${String(i).padStart(4)}  ${describeAction(step.action, bookAfter(book, result.steps.slice(0, i)))}  → ${what}\n`,
      );
    }
  }
  if (result.failure === undefined) {
    process.stdout.write(`PASS ${file}: ${result.steps.length} actions, model and EVM agree, every property holds\n`);
    return 0;
  }
  const book = bookAfter(new NameBook(env.setup), result.steps.slice(0, -1));
  process.stdout.write(`FAIL ${file}\n${describeFailure(result.failure, book)}\n`);
  return 1;
}
