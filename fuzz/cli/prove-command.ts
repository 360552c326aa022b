import { runSmtCheckerInWorker } from '../../prove/run-in-worker.ts';
import type { TargetResult } from '../../prove/smtchecker.ts';
import { type ProofJob, payoutMathJobs, SUITES, slowOracleJobs } from '../../prove/suite.ts';
import { CliflessError, UsageError } from '../errors.ts';
import { readInputFile } from '../io/input.ts';
import { claimOutput, deliverOutput, EXIT_OUTPUT_LOST } from '../io/output.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { rerunLine } from './kit/rerun.ts';
import { EXIT_INTERRUPTED, Interrupted, interruptOnSigint } from './kit/sigint.ts';

export const proveSpec: CommandSpec = {
  name: 'prove',
  summary: "check the properties stated as asserts with solc's SMTChecker, solved in-process by z3",
  usage:
    'cliffless prove [--suite payout-math|slow-oracle|all] [--timeout 10s] [--engine bmc|chc|all] [--payout-math FILE] [--slow-oracle FILE] [--json FILE]',
  positionals: [],
  flags: [
    {
      name: 'suite',
      type: 'string',
      default: 'all',
      description: 'payout-math (M3, M4 on PayoutMath), slow-oracle (O1, O2, O3, O5 on SlowOracle), or all',
    },
    { name: 'timeout', type: 'duration', default: '10s', description: 'z3 budget per SMT query (e.g. 5s, 2m)' },
    {
      name: 'engine',
      type: 'string',
      default: 'bmc',
      description: 'bmc (fast; the checks are loop-free, so its bound limits nothing), chc (slow), or all',
    },
    {
      name: 'payout-math',
      type: 'string',
      description: 'Check this file instead of contracts/libraries/PayoutMath.sol (a variant)',
    },
    {
      name: 'slow-oracle',
      type: 'string',
      description: 'Check this file instead of contracts/SlowOracle.sol (a variant)',
    },
    { name: 'json', type: 'string', description: 'Also write every result as JSON to this file' },
    { name: 'force', needs: ['json'], type: 'boolean', description: 'Let --json replace an existing file' },
    {
      name: 'fail-on',
      type: 'string',
      default: 'counterexample',
      description: 'Exit 1 on a counterexample (default), or also on an unknown result: counterexample or unknown',
    },
  ],
  examples: [
    'npx cliffless prove                        # every suite, BMC',
    'npx cliffless prove --suite slow-oracle    # O1, O2, O3, O5 on the oracle',
    'npx cliffless prove --engine all --timeout 30s',
    'npx cliffless prove --payout-math my/PayoutMath.sol  # check an edited copy',
    'npx cliffless prove --fail-on unknown      # a CI job that also fails when z3 could not decide',
  ],
};

/**
 * `cliffless prove`: exit 1 when the checker found a counterexample (or, with `--fail-on unknown`,
 * could not decide an assert), 0 otherwise, 130 on Ctrl-C (the jobs finished are reported; --json is
 * not written).
 */
export async function proveCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
  const failOn = (f['fail-on'] as string | undefined) ?? 'counterexample';
  if (failOn !== 'counterexample' && failOn !== 'unknown') {
    throw new UsageError(`--fail-on must be counterexample or unknown, got "${failOn}"`, 'prove');
  }
  const engine = (f.engine as string | undefined) ?? 'bmc';
  if (engine !== 'bmc' && engine !== 'chc' && engine !== 'all') {
    throw new UsageError(`--engine must be bmc, chc or all, got "${engine}"`, 'prove');
  }
  const timeoutSeconds = (f.timeout as number | undefined) ?? 10;
  if (timeoutSeconds < 1) throw new UsageError('--timeout must be at least 1s', 'prove');
  const suite = (f.suite as string | undefined) ?? 'all';
  if (suite !== 'all' && !(SUITES as readonly string[]).includes(suite)) {
    throw new UsageError(`--suite must be ${SUITES.join(', ')} or all, got "${suite}"`, 'prove');
  }
  if (f['payout-math'] !== undefined && suite === 'slow-oracle') {
    throw new UsageError('--payout-math does not apply with --suite slow-oracle', 'prove');
  }
  if (f['slow-oracle'] !== undefined && suite === 'payout-math') {
    throw new UsageError('--slow-oracle does not apply with --suite payout-math', 'prove');
  }
  const json = f.json === undefined ? undefined : claimOutput('json', f.json as string, { force: f.force === true });
  const payoutMath = readVariant(f['payout-math'], 'payout-math');
  const slowOracle = readVariant(f['slow-oracle'], 'slow-oracle');
  const jobs: ProofJob[] = [
    ...(suite === 'all' || suite === 'payout-math' ? payoutMathJobs(payoutMath) : []),
    ...(suite === 'all' || suite === 'slow-oracle' ? slowOracleJobs(slowOracle) : []),
  ].filter((job) => engine === 'all' || job.engine === engine);

  const report: JobReport[] = [];
  const stop = interruptOnSigint((line) => process.stderr.write(`${line}\n`), 'stopping the job in progress');
  try {
    for (const job of jobs) {
      process.stderr.write(`${job.name}: ${job.scope}, ${timeoutSeconds}s per query ...\n`);
      report.push(await proveJob(job, timeoutSeconds, stop.signal));
    }
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
  } finally {
    stop.dispose();
  }

  const all = report.flatMap((r) => r.results);
  const count = (verdict: TargetResult['verdict']) => all.filter((r) => r.verdict === verdict).length;
  const counterexamples = count('counterexample');
  process.stdout.write(
    `\n${count('proved')} proved, ${counterexamples} counterexample${counterexamples === 1 ? '' : 's'}, ${count('unknown')} unknown\n`,
  );
  if (stop.signal.aborted) {
    process.stdout.write(
      `interrupted by Ctrl-C after ${report.length} of ${jobs.length} jobs: the results above are those of the jobs finished` +
        `${json === undefined ? '' : '; --json not written'}\n` +
        `rerun with: ${rerunLine(
          'prove',
          args,
          proveSpec.flags.map((flag) => flag.name),
        )}\n`,
    );
    return EXIT_INTERRUPTED;
  }
  const lost =
    json !== undefined &&
    deliverOutput(json, `${JSON.stringify({ timeoutSeconds, jobs: report }, null, 2)}\n`, 'JSON REPORT').lost !==
      undefined
      ? EXIT_OUTPUT_LOST
      : 0;
  const failed = proveFails(
    all.map((r) => r.verdict),
    failOn,
  );
  if (failed && counterexamples === 0)
    process.stdout.write('--fail-on unknown: an assert was neither proved nor refuted\n');
  return (failed ? 1 : 0) | lost;
}

/** Runs one job (in a worker thread, so Ctrl-C can stop it) and prints its results. */
async function proveJob(job: ProofJob, timeoutSeconds: number, signal: AbortSignal): Promise<JobReport> {
  const run = await runSmtCheckerInWorker(
    {
      sources: job.sources,
      contracts: job.contracts,
      engine: job.engine,
      timeoutMs: timeoutSeconds * 1000,
      ...(job.bmcLoopIterations === undefined ? {} : { bmcLoopIterations: job.bmcLoopIterations }),
    },
    signal,
  );
  if (run.errors.length > 0) {
    throw new CliflessError(`${job.name}: the sources do not compile`, { details: run.errors.join('\n') });
  }
  const seconds = run.elapsedMs / 1000;
  process.stdout.write(`\n${job.name} (${job.scope}): ${run.queries} queries in ${seconds.toFixed(1)}s\n`);
  for (const result of run.results) process.stdout.write(formatResult(result));
  return { job: job.name, scope: job.scope, engine: job.engine, seconds, queries: run.queries, results: run.results };
}

/**
 * Whether `prove` exits 1: on any counterexample, and with `--fail-on unknown` also on any assert z3
 * could neither prove nor refute within the timeout (so a CI job cannot pass on "unknown").
 */
export function proveFails(
  verdicts: readonly TargetResult['verdict'][],
  failOn: 'counterexample' | 'unknown',
): boolean {
  return verdicts.includes('counterexample') || (failOn === 'unknown' && verdicts.includes('unknown'));
}

/** A variant file's text (input policy: a regular file under the size bound), or undefined when the flag is absent. */
function readVariant(path: unknown, flag: string): string | undefined {
  if (path === undefined) return undefined;
  return readInputFile(path as string, 'solidity', flag);
}

interface JobReport {
  job: string;
  scope: string;
  engine: string;
  seconds: number;
  queries: number;
  results: TargetResult[];
}

const LABELS: Record<TargetResult['verdict'], string> = {
  proved: 'proved        ',
  counterexample: 'COUNTEREXAMPLE',
  unknown: 'unknown       ',
};

/** Shown under a BMC counterexample whose values solc took from inside inlined library calls. */
const VALUES_CAVEAT =
  '      (solc prints each variable at its last SSA step; for values assigned inside inlined library\n' +
  '       calls they need not be the failing inputs: confirm them with a forge test or `cliffless fuzz`)\n';

/** One line per assert; a counterexample also shows solc's message (location, values, call stack). */
function formatResult(result: TargetResult): string {
  const line = `  ${LABELS[result.verdict]} ${result.property}  (${result.file}:${result.line})\n`;
  if (result.verdict !== 'counterexample') return line;
  const message = result.message
    .trimEnd()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  return `${line}${message}\n${result.message.includes('Counterexample:') ? VALUES_CAVEAT : ''}`;
}
