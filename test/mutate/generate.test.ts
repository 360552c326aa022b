import { describe, expect, it } from 'vitest';
import { CliflessError } from '../../fuzz/errors.ts';
import { generateMutants, mutantsOfFile } from '../../fuzz/mutate/generate.ts';
import { MUTATION_OPERATORS } from '../../fuzz/mutate/mutant.ts';
import { astOf, SYNTHETIC } from './synthetic.ts';

describe('mutant generation on a synthetic contract', () => {
  const mutants = mutantsOfFile('contracts/Synthetic.sol', SYNTHETIC, astOf('contracts/Synthetic.sol', SYNTHETIC));

  it('finds every site of every operator, in source order, with stable ids', () => {
    // The comment's em dash makes byte and character offsets differ: wrong offsets would cut wrong snippets.
    expect(mutants.map((m) => [m.id, m.original, m.replacement])).toEqual([
      ['Synthetic.sol:10:delete-guard:0', 'if (a < b) revert TooSmall(a);', ''],
      ['Synthetic.sol:10:relational:0', 'a < b', 'a > b'],
      ['Synthetic.sol:10:relational-boundary:0', 'a < b', 'a <= b'],
      ['Synthetic.sol:10:negate-condition:0', 'a < b', '!(a < b)'],
      ['Synthetic.sol:11:delete-guard:0', 'require(b != 0, "zero");', ''],
      ['Synthetic.sol:11:negate-condition:0', 'b != 0', '!(b != 0)'],
      ['Synthetic.sol:11:constant:0', '0', '1'],
      ['Synthetic.sol:12:logical:0', 'flag && a >= 10', 'flag || a >= 10'],
      ['Synthetic.sol:12:negate-condition:0', 'flag && a >= 10', '!(flag && a >= 10)'],
      ['Synthetic.sol:12:relational:0', 'a >= 10', 'a <= 10'],
      ['Synthetic.sol:12:relational-boundary:0', 'a >= 10', 'a > 10'],
      ['Synthetic.sol:12:constant:0', '10', '11'],
      ['Synthetic.sol:12:arithmetic:0', 'total += a * b', 'total -= a * b'],
      ['Synthetic.sol:12:delete-statement:0', 'total += a * b;', '{}'],
      ['Synthetic.sol:12:arithmetic:1', 'a * b', 'a / b'],
      ['Synthetic.sol:13:delete-statement:0', 'total = a - b;', '{}'],
      ['Synthetic.sol:13:arithmetic:0', 'a - b', 'a + b'],
      ['Synthetic.sol:14:relational:0', 'i < 3', 'i > 3'],
      ['Synthetic.sol:14:relational-boundary:0', 'i < 3', 'i <= 3'],
      ['Synthetic.sol:14:negate-condition:0', 'i < 3', '!(i < 3)'],
      ['Synthetic.sol:14:constant:0', '3', '4'],
      ['Synthetic.sol:14:arithmetic:0', '++i', '--i'],
      ['Synthetic.sol:14:delete-statement:0', '++i', ''],
      ['Synthetic.sol:15:arithmetic:0', 'total++', 'total--'],
      ['Synthetic.sol:15:delete-statement:0', 'total++;', ''],
      ['Synthetic.sol:17:negate-condition:0', '!flag', 'flag'],
      ['Synthetic.sol:17:delete-statement:0', 'total = 0;', '{}'],
      ['Synthetic.sol:17:constant:0', '0', '1'],
      ['Synthetic.sol:18:arithmetic:0', 'total += (!flag || a == b) ? 1 : 0', 'total -= (!flag || a == b) ? 1 : 0'],
      ['Synthetic.sol:18:delete-statement:0', 'total += (!flag || a == b) ? 1 : 0;', ''],
      ['Synthetic.sol:18:negate-condition:0', '(!flag || a == b)', '!(!flag || a == b)'],
      ['Synthetic.sol:18:logical:0', '!flag || a == b', '!flag && a == b'],
      ['Synthetic.sol:18:logical:1', '!flag', 'flag'],
      ['Synthetic.sol:18:relational:0', 'a == b', 'a != b'],
      ['Synthetic.sol:18:constant:0', '1', '0'],
      ['Synthetic.sol:18:constant:1', '0', '1'],
      ['Synthetic.sol:19:delete-statement:0', 'emit Done(total);', ''],
      ['Synthetic.sol:20:arithmetic:0', 'a / b', 'a * b'],
    ]);
  });

  it('changes only the reported snippet, on the reported line', () => {
    for (const m of mutants) {
      const at = SYNTHETIC.split('\n')
        .slice(0, m.line - 1)
        .reduce((n, line) => n + line.length + 1, 0);
      const start = SYNTHETIC.indexOf(m.original, at);
      expect(start, m.id).toBeGreaterThanOrEqual(at);
      expect(m.source).toBe(SYNTHETIC.slice(0, start) + m.replacement + SYNTHETIC.slice(start + m.original.length));
    }
  });

  it('produces mutants that still type-check (unbraced bodies become {}, a loop update is emptied)', () => {
    for (const m of mutants) expect(() => astOf('contracts/Synthetic.sol', m.source), m.id).not.toThrow();
  });
});

describe('mutant generation on the contracts', () => {
  const mutants = generateMutants();

  it('is deterministic, with unique ids, and touches only deployable sources', () => {
    expect(generateMutants().map((m) => m.id)).toEqual(mutants.map((m) => m.id));
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    const files = new Set(mutants.map((m) => m.file));
    expect([...files].sort()).toEqual([
      'contracts/ClaimToken.sol',
      'contracts/SlowOracle.sol',
      'contracts/SplitMarket.sol',
      'contracts/libraries/ClaimTokenNaming.sol',
      'contracts/libraries/PayoutMath.sol',
    ]);
  });

  it('uses every operator family, including the rounding flips of PayoutMath and SlowOracle', () => {
    expect(new Set(mutants.map((m) => m.operator))).toEqual(new Set(MUTATION_OPERATORS));
    const byId = new Map(mutants.map((m) => [m.id, m]));
    expect(byId.get('libraries/PayoutMath.sol:14:rounding-flip:0')).toMatchObject({
      original: 'Math.mulDiv(a, strike, x)',
      replacement: 'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
    });
    expect(byId.get('SlowOracle.sol:91:rounding-flip:0')).toMatchObject({
      original: 'bond / 2',
      replacement: 'Math.ceilDiv(bond, 2)',
    });
    expect(byId.get('SplitMarket.sol:80:relational-boundary:0')).toMatchObject({
      original: 'balanceAfter > balanceBefore',
      replacement: 'balanceAfter >= balanceBefore',
    });
    expect(byId.get('SplitMarket.sol:42:delete-guard:0')?.original).toBe('if (strike == 0) revert ZeroStrike();');
  });

  it('restricts to the files asked for and rejects a file that is not a deployable source', () => {
    const payout = generateMutants({ files: ['libraries/PayoutMath.sol'] });
    expect(payout.map((m) => m.id)).toEqual(
      mutants.filter((m) => m.file === 'contracts/libraries/PayoutMath.sol').map((m) => m.id),
    );
    expect(() => generateMutants({ files: ['interfaces/ISplitMarket.sol'] })).toThrow(CliflessError);
    expect(() => generateMutants({ files: ['Nope.sol'] })).toThrow(/Nope.sol is not a deployable contract source/);
    expect(() => generateMutants({ contractsDir: '/nonexistent/contracts' })).toThrow(CliflessError);
  });
});
