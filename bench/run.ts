/**
 * `npm run bench`: the differential campaign's speed against the bare EVM on the same calls,
 * with the machine it ran on, as one table (and optionally JSON). Exit 0 after printing, 1 if a
 * measurement failed (a failing campaign, a replay that differs), 2 for a bad flag, 130 on Ctrl-C.
 */

import { quote } from 'shell-quote';
import { exitOnSigint } from '../fuzz/cli/kit/sigint.ts';
import { UsageError } from '../fuzz/errors.ts';
import { claimOutput, deliverOutput, EXIT_OUTPUT_LOST, type OutputClaim, OutputPathError } from '../fuzz/io/output.ts';
import { BENCH_HELP, parseBenchArgs } from './args.ts';
import { benchDrift, formatDriftBench } from './drift.ts';
import { machineInfo } from './machine.ts';
import { runBench } from './measure.ts';
import { formatReport, reportJson } from './report.ts';

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseBenchArgs>;
  let json: OutputClaim | undefined;
  try {
    args = parseBenchArgs(argv);
    json = args.json === undefined ? undefined : claimOutput('json', args.json, { force: args.force });
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof OutputPathError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${BENCH_HELP}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(BENCH_HELP);
    return 0;
  }
  // Every figure is printed at the end: a Ctrl-C stops the processes the bench started, removes its
  // temporary folders and exits 130 with nothing written (--json only ever appears whole, at the end).
  exitOnSigint(
    () =>
      `\ninterrupted by Ctrl-C: no figures${json === undefined ? '' : `, --json ${json.path} not written`}\n` +
      `rerun with: npm run bench -- ${quote(argv)}\n`,
  );
  const start = machineInfo();
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  log(`load average ${start.load.map((l) => l.toFixed(2)).join(' ')}; this takes a few minutes at most`);
  const figures = args.drift === 'only' ? undefined : await runBench(args.config, log);
  const drift = args.drift === 'none' ? undefined : benchDrift();
  const end = machineInfo();
  if (figures !== undefined) process.stdout.write(formatReport(figures, start, end));
  if (drift !== undefined) process.stdout.write(formatDriftBench(drift));
  if (figures === undefined)
    process.stdout.write(`machine load average ${end.load.map((l) => l.toFixed(2)).join(' ')} at end\n`);
  if (json !== undefined) {
    const report = figures === undefined ? {} : (reportJson(figures, start, end) as object);
    const delivered = deliverOutput(
      json,
      `${JSON.stringify({ ...report, ...(drift === undefined ? {} : { drift }) }, null, 2)}\n`,
      'BENCH JSON',
    );
    if (delivered.lost !== undefined) return EXIT_OUTPUT_LOST;
    log(`figures written to ${json.path}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
