import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOutput } from '../../fuzz/io/output.ts';
import { runCampaign } from '../../fuzz/runner/campaign.ts';
import { replayTrace } from '../../fuzz/runner/replay.ts';
import { buildTrace } from '../../fuzz/trace/build.ts';
import type { Trace } from '../../fuzz/trace/format.ts';
import { readTraceFile, writeTraceFile } from '../../fuzz/trace/io.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';
import { brokenArtifacts, environment, WORLD } from './support.ts';

const out = mkdtempSync(join(tmpdir(), 'cliffless-misbehaving-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * A series settled at a price of 5e75 (the oracle accepts any uint256), then a redeem of one N: the
 * redeem pays out, and the M3/M4 sample then asks the contract's own payoutOf about one whole unit
 * at that price, where a careless payout formula overflows.
 */
const SETTLED_HIGH: Trace = parseTrace(
  JSON.stringify({
    format: 'cliffless-trace',
    version: 1,
    world: { actors: 4, approvals: true },
    actions: [
      {
        kind: 'createSeries',
        caller: 'alice',
        collateral: 'WETH',
        oracle: 'oracle',
        indexId: 'CPI',
        strike: '12468453553122089961',
        expiry: '1700086400',
      },
      { kind: 'split', caller: 'dave', seriesId: '#0', amount: '1', to: 'dave' },
      { kind: 'warp', seconds: '86400' },
      {
        kind: 'propose',
        caller: 'bob',
        indexId: 'CPI',
        timestamp: '1700086400',
        value: `5${'0'.repeat(75)}`,
        bond: '1000000000000000000',
      },
      { kind: 'warp', seconds: '4680' },
      { kind: 'finalize', caller: 'bob', indexId: 'CPI', timestamp: '1700086400' },
      { kind: 'settle', caller: 'alice', seriesId: '#0' },
      { kind: 'redeem', caller: 'dave', seriesId: '#0', pAmount: '0', nAmount: '1', to: 'dave' },
    ],
  }),
  'settled-high.json',
);

const PAYOUT_MATH = 'contracts/libraries/PayoutMath.sol';
const MARKET = 'contracts/SplitMarket.sol';
/** payoutN as `a * (x - S) / x`: right for small inputs, a Panic(17) overflow for a large price. */
const OVERFLOWING_PAYOUT = [
  PAYOUT_MATH,
  'return x <= strike ? 0 : Math.mulDiv(a, x - strike, x);',
  'return x <= strike ? 0 : a * (x - strike) / x;',
] as const;
/** payoutOf misbehaving only above a price no test of the shipped contracts reaches by accident. */
const PAYOUT_OF_BODY = 'pPayout = PayoutMath.payoutP(pAmount, strike, price);';
const misbehavingPayoutOf = (assembly: string) =>
  [MARKET, PAYOUT_OF_BODY, `if (price > 1e70) { assembly { ${assembly} } }\n        ${PAYOUT_OF_BODY}`] as const;

describe('a contract that misbehaves under the harness’s own calls is a finding, not a crash', () => {
  it.each<[string, readonly [string, string, string], string]>([
    ['reverts (a * (x - S) / x overflows)', OVERFLOWING_PAYOUT, 'reverted with Panic(17)'],
    ['runs out of gas', misbehavingPayoutOf('for {} 1 {} {}'), 'reverted with OutOfGas'],
    ['returns no data', misbehavingPayoutOf('return(0, 0)'), 'returned data that is not two uint256: 0x (empty)'],
    ['returns one word instead of two', misbehavingPayoutOf('mstore(0, 1) return(0, 32)'), 'not two uint256: 0x0000'],
  ])(
    'payoutOf that %s fails M3 at the redeem that sampled it',
    async (_, variant, reason) => {
      const env = await environment(brokenArtifacts(...variant));
      const result = await replayTrace(env, SETTLED_HIGH, 'settled-high.json', { probesPerStep: 0 });
      expect(result.failure?.kind).toBe('property');
      expect(result.failure?.id).toBe('M3');
      expect(result.failure?.step).toBe(7);
      expect(result.failure?.message).toContain('payoutOf(strike 12468453553122089961');
      expect(result.failure?.evm).toContain(reason);
    },
    60_000,
  );

  it('a view that reverts fails D1 at the end of the run', async () => {
    const env = await environment(
      brokenArtifacts(
        MARKET,
        'return _series[seriesId];',
        'require(false, "no views");\n        return _series[seriesId];',
      ),
    );
    const result = await replayTrace(env, { ...SETTLED_HIGH, actions: SETTLED_HIGH.actions.slice(0, 2) }, 't.json', {
      probesPerStep: 0,
    });
    expect(result.failure?.id).toBe('D1');
    expect(result.failure?.step).toBe(1);
    expect(result.failure?.message).toContain('view series(');
    expect(result.failure?.evm).toContain('Error(no views)');
  }, 60_000);

  it('a campaign on the overflowing payout library reports M3, shrinks it, writes a trace that replays the same', async () => {
    const env = await environment(brokenArtifacts(...OVERFLOWING_PAYOUT));
    // Seed 1 first fails in run 74 (index) on the world's 26 tokens: 75 runs reach it and no more.
    const result = await runCampaign(env, { seed: 1, runs: 75, depth: 100, probesPerStep: 2 });
    const failure = result.failure;
    expect(failure?.failure.id).toBe('M3');
    if (failure === undefined) return;
    expect(failure.steps.length).toBeLessThan(failure.originalLength);
    const trace = buildTrace({
      world: WORLD,
      book: new NameBook(env.setup),
      steps: failure.steps,
      failure: failure.failure,
      seed: 1,
    });
    const path = writeTraceFile(claimOutput('out', out, { kind: 'folder' }), 'misbehaving', trace);
    const replayed = await replayTrace(env, readTraceFile(path), path, { probesPerStep: 2 });
    expect(replayed.failure?.id).toBe('M3');
    expect(replayed.failure?.step).toBe(failure.failure.step);
    expect(replayed.failure?.message).toBe(failure.failure.message);
  }, 120_000);
});
