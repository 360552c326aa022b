import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../fuzz/compile/compile.ts';
import { runSmtChecker } from '../../prove/smtchecker.ts';
import { PAYOUT_MATH_UNIT, payoutMathJobs } from '../../prove/suite.ts';

const LIBRARY = readFileSync(join(PROJECT_ROOT, PAYOUT_MATH_UNIT), 'utf8');

/** The job that decides M3 and M4 quickly: mulDiv as exact arithmetic, BMC. */
function checkExact(library: string) {
  const job = payoutMathJobs(library).find((j) => j.name === 'payout-math/exact/bmc');
  if (job === undefined) throw new Error('no payout-math/exact/bmc job');
  // A wall-clock bound per query, generous so that a loaded machine cannot turn a proof into `unknown`.
  const run = runSmtChecker({ sources: job.sources, contracts: job.contracts, engine: job.engine, timeoutMs: 60_000 });
  expect(run.errors).toEqual([]);
  return run.results;
}

describe('M3 and M4 on the payout library (mulDiv as exact a*b/c, BMC)', () => {
  it('proves every assert of the harness on the real library', () => {
    const results = checkExact(LIBRARY);
    expect(results).toHaveLength(7);
    expect(results.filter((r) => r.verdict !== 'proved').map((r) => r.property)).toEqual([]);
  });

  it('finds a counterexample to M3 when both sides round up', () => {
    // Each side rounding up on its own lets P + N reach a + 1 (a = 1, S = 1, x = 2 pays 1 + 1).
    // Only one side rounding up is no M3 bug: floor(aS/x) + ceil(a(x-S)/x) = a exactly.
    const broken = LIBRARY.replace(
      'Math.mulDiv(a, strike, x)',
      'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
    ).replace('Math.mulDiv(a, x - strike, x)', 'Math.mulDiv(a, x - strike, x, Math.Rounding.Ceil)');
    expect(broken).not.toBe(LIBRARY);
    const results = checkExact(broken);
    const refuted = results.filter((r) => r.verdict === 'counterexample');
    expect(refuted.map((r) => r.property)).toEqual(['M3 P + N <= a']);
    expect(refuted[0]?.message).toContain('BMC: Assertion violation happens here');
    // The rest still holds: ceil is monotone too, and the x <= S branch is unchanged.
    expect(results.filter((r) => r.verdict === 'proved')).toHaveLength(6);
  });
});
