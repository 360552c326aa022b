import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runSmtChecker, type TargetResult } from '../../prove/smtchecker.ts';
import { type ProofJob, payoutMathJobs, SUITES, slowOracleJobs } from '../../prove/suite.ts';
import { CliflessError, UsageError } from '../errors.ts';
import type { CommandSpec, ParsedArgs } from './args.ts';

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
  ],
  examples: [
    'npx cliffless prove                        # every suite, BMC',
    'npx cliffless prove --suite slow-oracle    # O1, O2, O3, O5 on the oracle',
    'npx cliffless prove --engine all --timeout 30s',
    'npx cliffless prove --payout-math my/PayoutMath.sol  # check an edited copy',
  ],
};

/** `cliffless prove`: exit 1 when the checker found a counterexample, 0 when none (proved or unknown). */
export async function proveCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
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
  const payoutMath = readVariant(f['payout-math'], 'payout-math');
  const slowOracle = readVariant(f['slow-oracle'], 'slow-oracle');
  const jobs: ProofJob[] = [
    ...(suite === 'all' || suite === 'payout-math' ? payoutMathJobs(payoutMath) : []),
    ...(suite === 'all' || suite === 'slow-oracle' ? slowOracleJobs(slowOracle) : []),
  ].filter((job) => engine === 'all' || job.engine === engine);

  const report: JobReport[] = [];
  for (const job of jobs) {
    process.stderr.write(`${job.name}: ${job.scope}, ${timeoutSeconds}s per query ...\n`);
    const run = runSmtChecker({
      sources: job.sources,
      contracts: job.contracts,
      engine: job.engine,
      timeoutMs: timeoutSeconds * 1000,
      ...(job.bmcLoopIterations === undefined ? {} : { bmcLoopIterations: job.bmcLoopIterations }),
    });
    if (run.errors.length > 0) {
      throw new CliflessError(`${job.name}: the sources do not compile`, { details: run.errors.join('\n') });
    }
    const seconds = run.elapsedMs / 1000;
    process.stdout.write(`\n${job.name} (${job.scope}): ${run.queries} queries in ${seconds.toFixed(1)}s\n`);
    for (const result of run.results) process.stdout.write(formatResult(result));
    report.push({
      job: job.name,
      scope: job.scope,
      engine: job.engine,
      seconds,
      queries: run.queries,
      results: run.results,
    });
  }

  const all = report.flatMap((r) => r.results);
  const count = (verdict: TargetResult['verdict']) => all.filter((r) => r.verdict === verdict).length;
  const counterexamples = count('counterexample');
  process.stdout.write(
    `\n${count('proved')} proved, ${counterexamples} counterexample${counterexamples === 1 ? '' : 's'}, ${count('unknown')} unknown\n`,
  );
  if (f.json !== undefined) {
    writeFileSync(f.json as string, `${JSON.stringify({ timeoutSeconds, jobs: report }, null, 2)}\n`);
  }
  return counterexamples > 0 ? 1 : 0;
}

/** A variant file's text, or undefined when the flag is absent (a missing file is bad input). */
function readVariant(path: unknown, flag: string): string | undefined {
  if (path === undefined) return undefined;
  if (!existsSync(path as string)) throw new CliflessError(`--${flag} ${path}: no such file`);
  return readFileSync(path as string, 'utf8');
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
