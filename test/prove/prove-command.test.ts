import { describe, expect, it } from 'vitest';
import { main } from '../../fuzz/cli/main.ts';

describe('cliffless prove: bad input exits 2 before running the checker', () => {
  it.each([
    [['prove', '--engine', 'smt']],
    [['prove', '--timeout', 'soon']],
    [['prove', '--timeout', '0s']],
    [['prove', '--payout-math', 'no/such/PayoutMath.sol']],
    [['prove', '--tiemout', '5s']],
    [['prove', '--suite', 'oracle']],
    [['prove', '--slow-oracle', 'no/such/SlowOracle.sol']],
  ])('%j', async (argv) => {
    expect(await main(argv)).toBe(2);
  });

  it('--help lists the flags and exits 0', async () => {
    expect(await main(['prove', '--help'])).toBe(0);
  });
});
