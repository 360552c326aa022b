import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../fuzz/compile/compile.ts';
import { runSmtChecker } from '../../prove/smtchecker.ts';
import { SLOW_ORACLE_UNIT, slowOracleJobs } from '../../prove/suite.ts';

const ORACLE = readFileSync(join(PROJECT_ROOT, SLOW_ORACLE_UNIT), 'utf8');

/** The oracle job CI runs: BMC, each wrapper from an arbitrary state. */
function checkOracle(oracle: string) {
  const job = slowOracleJobs(oracle).find((j) => j.name === 'slow-oracle/bmc');
  if (job === undefined) throw new Error('no slow-oracle/bmc job');
  const run = runSmtChecker({
    sources: job.sources,
    contracts: job.contracts,
    engine: job.engine,
    timeoutMs: 20_000,
    ...(job.bmcLoopIterations === undefined ? {} : { bmcLoopIterations: job.bmcLoopIterations }),
  });
  expect(run.errors).toEqual([]);
  return run.results;
}

/** Replaces one exact piece of the oracle, failing loudly if the contract no longer has it. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('O1, O2, O3, O5 on the oracle (BMC)', () => {
  it('proves every assert of the harness on the real oracle', { timeout: 600_000 }, () => {
    const results = checkOracle(ORACLE);
    expect(results).toHaveLength(12);
    expect(results.filter((r) => r.verdict !== 'proved').map((r) => r.property)).toEqual([]);
  });

  it('finds counterexamples when finalize ignores a pending arbitration and a later bond need not double', {
    timeout: 600_000,
  }, () => {
    let broken = edit(
      ORACLE,
      '        if (count == 0) revert NoAnswer(indexId, timestamp);\n        if (q.arbitrationPending) revert ArbitrationPending(indexId, timestamp);\n',
      '        if (count == 0) revert NoAnswer(indexId, timestamp);\n',
    );
    broken = edit(broken, 'if (bond / 2 < last.bond)', 'if (bond < last.bond)');
    const results = checkOracle(broken);
    const refuted = results.filter((r) => r.verdict === 'counterexample');
    expect(refuted.map((r) => r.property)).toEqual([
      'O3 a later answer at least doubles the bond',
      'O2 a pending arbitration blocks finalize',
    ]);
    for (const r of refuted) expect(r.message).toContain('BMC: Assertion violation happens here');
    expect(results.filter((r) => r.verdict === 'proved')).toHaveLength(10);
  });
});
