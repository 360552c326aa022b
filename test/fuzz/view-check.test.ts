import { describe, expect, it } from 'vitest';
import { executeAction } from '../../fuzz/evm/index.ts';
import { checkViews } from '../../fuzz/evm/view-check.ts';
import { runCampaign } from '../../fuzz/runner/campaign.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';
import { brokenArtifacts, environment, SEED, shippedArtifacts } from './support.ts';

const CPI: Bytes32 = '0x4350490000000000000000000000000000000000000000000000000000000000';

/**
 * Two series on WETH, one question answered twice and frozen for arbitration, another answered and
 * finalized, a split and a credit: every view has something to report.
 */
async function scenario(env: PreparedEnvironment): Promise<void> {
  const { host } = env;
  const [alice, bob, carol] = host.setup.actors as [Address, Address, Address];
  const weth = host.setup.tokens[1]?.address as Address;
  const oracle = host.setup.oracle.address;
  const now = host.setup.timestamp;
  const must = async (action: Action) => {
    const outcome = await executeAction(host, action);
    if (!outcome.ok) throw new Error(`${action.kind}: ${outcome.error.name}`);
  };
  for (const expiry of [now + 100n, now + 200n]) {
    await must({
      kind: 'createSeries',
      caller: alice,
      collateral: weth,
      oracle,
      indexId: CPI,
      strike: 2n * WAD,
      expiry,
    });
  }
  const [first] = Object.keys((await env.evm.observe()).series) as [Bytes32];
  await must({ kind: 'split', caller: alice, seriesId: first, amount: 5n * WAD, to: bob });
  await must({ kind: 'warp', seconds: 200n });
  for (const caller of [alice, bob, carol]) {
    await must({ kind: 'approve', caller, token: host.setup.oracle.bondToken, spender: oracle, amount: MAX_UINT256 });
  }
  await must({ kind: 'propose', caller: bob, indexId: CPI, timestamp: now + 100n, value: 3n * WAD, bond: WAD });
  await must({ kind: 'propose', caller: carol, indexId: CPI, timestamp: now + 100n, value: WAD, bond: 2n * WAD });
  await must({ kind: 'requestArbitration', caller: alice, indexId: CPI, timestamp: now + 100n });
  await must({ kind: 'propose', caller: alice, indexId: CPI, timestamp: now + 200n, value: 7n, bond: WAD });
  await must({ kind: 'warp', seconds: host.setup.oracle.liveness });
  await must({ kind: 'finalize', caller: bob, indexId: CPI, timestamp: now + 200n });
}

describe('view conformance (D1 at the end of every run)', () => {
  it('finds every view of the shipped contracts in agreement with the observed state, at every rotation', async () => {
    const env = await environment(shippedArtifacts());
    await scenario(env);
    const state = await env.evm.observe();
    expect(Object.keys(state.oracleState.questions)).toHaveLength(2);
    for (let rotation = 0; rotation < 40; rotation++) {
      expect(await checkViews(env.host, state, rotation)).toEqual([]);
    }
  });

  it('reports a question() view that forgets the last value, naming the field', async () => {
    const env = await environment(brokenArtifacts('contracts/SlowOracle.sol', 'info.lastValue = last.value;', ''));
    await scenario(env);
    const violations = await checkViews(env.host, await env.evm.observe(), 0);
    expect(violations.map((v) => v.path)).toEqual([
      expect.stringMatching(/^views\.question\(0x4350.*@\d+\)\.lastValue$/),
      expect.stringMatching(/^views\.question\(0x4350.*@\d+\)\.lastValue$/),
    ]);
    expect(violations[0]).toMatchObject({ id: 'D1', expected: String(WAD), actual: '0' });
  });

  it('reports an answerAt that reads one past the end instead of reverting', async () => {
    const env = await environment(
      brokenArtifacts(
        'contracts/SlowOracle.sol',
        'return _questions[indexId][timestamp].answers[index];',
        'AnswerInfo[] storage a = _questions[indexId][timestamp].answers; if (index == a.length) return AnswerInfo(address(0), 0, 0); return a[index];',
      ),
    );
    await scenario(env);
    const violations = await checkViews(env.host, await env.evm.observe(), 0);
    expect(violations[0]).toMatchObject({ expected: 'Panic(50)', actual: 'returned' });
    expect(violations[0]?.path).toMatch(/^views\.answerAt\(.*, 2\)$/);
  });

  it('a campaign ends every run with the check: a finalValue() that ignores finality is caught and shrunk', async () => {
    const env = await environment(
      brokenArtifacts(
        'contracts/SlowOracle.sol',
        'return (q.finalized, q.finalValue);',
        'return (true, q.finalValue);',
      ),
    );
    const result = await runCampaign(env, { seed: SEED, runs: 50, depth: 60, probesPerStep: 1 });
    expect(result.failure?.failure).toMatchObject({ kind: 'divergence', id: 'D1' });
    expect(result.failure?.failure.violations[0]?.path).toMatch(/^views\.finalValue\(/);
    expect(result.failure?.steps.length).toBeLessThanOrEqual(3);
  });
});
