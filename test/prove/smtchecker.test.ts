import { describe, expect, it } from 'vitest';
import { runSmtChecker } from '../../prove/smtchecker.ts';

const TINY = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract Tiny {
    function f(uint8 a) external pure {
        uint256 b = uint256(a) + 1;
        assert(b > a); // always true
        assert(b < 200); // false for a >= 199
        assert(
            b != 0
        ); // wrapped by forge fmt: the label follows the last line
    }
}
`;

describe('runSmtChecker', () => {
  for (const engine of ['chc', 'bmc'] as const) {
    it(`${engine}: proves a true assert and refutes a false one`, () => {
      const run = runSmtChecker({
        sources: { 'tiny/Tiny.sol': TINY },
        contracts: { 'tiny/Tiny.sol': ['Tiny'] },
        engine,
        // A wall-clock bound per query: z3 decides these in milliseconds, but on a loaded 2-core CI
        // machine a 10 s bound once turned CHC's proof of line 9 into `unknown`. A larger bound costs
        // nothing while z3 decides.
        timeoutMs: 60_000,
      });
      expect(run.errors).toEqual([]);
      expect(run.queries).toBeGreaterThan(0);
      expect(run.results.map((r) => [r.engine, r.line, r.property, r.verdict])).toEqual([
        [engine, 7, 'always true', 'proved'],
        [engine, 8, 'false for a >= 199', 'counterexample'],
        [engine, 9, 'wrapped by forge fmt: the label follows the last line', 'proved'],
      ]);
      const refuted = run.results[1]?.message ?? '';
      expect(refuted).toContain('Tiny.sol:8');
      // BMC asks z3 for values and prints them; CHC in smtlib2 mode reports the location only.
      if (engine === 'bmc') expect(refuted).toMatch(/a = 199/);
    });
  }
});
