import { describe, expect, it } from 'vitest';
import { main } from '../../fuzz/cli/main.ts';
import { proveFails } from '../../fuzz/cli/prove-command.ts';

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

describe('cliffless prove --fail-on', () => {
  it('fails on a counterexample always, and on an unknown only with --fail-on unknown', () => {
    expect(proveFails(['proved', 'unknown'], 'counterexample')).toBe(false);
    expect(proveFails(['proved', 'unknown'], 'unknown')).toBe(true);
    expect(proveFails(['proved', 'counterexample'], 'counterexample')).toBe(true);
    expect(proveFails(['proved', 'proved'], 'unknown')).toBe(false);
  });
});
