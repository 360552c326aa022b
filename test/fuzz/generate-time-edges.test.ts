import { beforeAll, describe, expect, it } from 'vitest';
import { interpretStep } from '../../fuzz/generate/interpret.ts';
import { runCampaign } from '../../fuzz/runner/campaign.ts';
import { resetEnvironment } from '../../fuzz/runner/environment.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import { brokenArtifacts, environment, SEED, shippedArtifacts } from './support.ts';

// Off-by-one mutants of the time checks (`>` for `>=` in propose's and requestArbitration's liveness
// check, `<=` for `<` in settle's expiry check, …) only show when an action lands on the exact second.
// Warps land there; these tests check that the generator then aims at it often enough, from states
// built on the model: each rate is measured over a fixed set of 2,000 generated steps, so it is
// exact, not sampled anew. Where the generator already did well before it aimed at edges (a propose
// or a request in the last second of liveness, a cancel at the timeout, the warps onto liveness) a
// bound is a floor; every other bound lies between the old generator's rate and the new one's (a request for
// arbitration in the first second after liveness: 1% before, 6% after), so the old one fails here.

const ETH_USD: Bytes32 = '0x4554482f55534400000000000000000000000000000000000000000000000000';
const SAMPLES = 2000;

/** Deterministic words for sample i (xorshift), the shape fast-check gives the generator. */
function wordsOf(i: number): number[] {
  let x = (i + 1) * 0x9e3779b1;
  return Array.from({ length: 8 }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  });
}

/** The share of generated steps from `state` that `hit` accepts. */
function rate(env: PreparedEnvironment, state: ObservedState, hit: (a: Action) => boolean): number {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) if (hit(interpretStep(wordsOf(i), env.setup, state))) hits++;
  if (process.env.SHOW_RATES) console.log(`rate ${hits / SAMPLES}`);
  return hits / SAMPLES;
}

describe('the generator aims at the seconds where a time check flips', () => {
  let env: PreparedEnvironment;
  let expiry: bigint;
  let closesAt: bigint;
  let timeoutAt: bigint;
  const states = new Map<string, ObservedState>();

  beforeAll(async () => {
    env = await environment(shippedArtifacts());
    await resetEnvironment(env);
    const { model, setup } = env;
    const [alice, bob] = setup.actors as [Address, Address];
    const weth = setup.tokens.find((t) => t.kind === 'plain' && t.decimals === 18)?.address as Address;
    const { liveness, arbitrationTimeout, minBond } = setup.oracle;
    expiry = setup.timestamp + 3600n;
    const must = async (action: Action) => {
      const outcome = await model.execute(action);
      if (!outcome.ok) throw new Error(`${action.kind}: ${outcome.error.name}`);
    };
    const warpTo = async (t: bigint) => must({ kind: 'warp', seconds: t - (await model.observe()).timestamp });
    const oracle = setup.oracle.address;
    const series = { kind: 'createSeries', caller: alice, collateral: weth, oracle, indexId: ETH_USD } as const;
    await must({ ...series, strike: 2500n * WAD, expiry });
    // A second series a month later, far from every deadline here, so an aimed settle has another to pass over.
    await must({ ...series, strike: 2500n * WAD, expiry: expiry + 30n * 86_400n });
    await warpTo(expiry - 1n);
    states.set('expiry - 1', await model.observe());
    await warpTo(expiry);
    states.set('expiry', await model.observe());
    await must({
      kind: 'propose',
      caller: bob,
      indexId: ETH_USD,
      timestamp: expiry,
      value: 2000n * WAD,
      bond: minBond,
    });
    closesAt = expiry + liveness;
    states.set('expiry + answer', await model.observe());
    await warpTo(closesAt - 1n);
    states.set('closesAt - 1', await model.observe());
    const beforeRequest = await model.snapshot();
    await warpTo(closesAt);
    states.set('closesAt', await model.observe());
    await model.restore(beforeRequest);
    await must({ kind: 'requestArbitration', caller: alice, indexId: ETH_USD, timestamp: expiry });
    states.set('requested', await model.observe());
    timeoutAt = closesAt - 1n + arbitrationTimeout;
    await warpTo(timeoutAt - 1n);
    states.set('timeout - 1', await model.observe());
    await warpTo(timeoutAt);
    states.set('timeout', await model.observe());
  });

  const at = (name: string) => states.get(name) as ObservedState;
  const onQuestion = (kind: Action['kind']) => (a: Action) =>
    a.kind === kind && 'indexId' in a && a.indexId === ETH_USD && 'timestamp' in a && a.timestamp === expiry;

  it('propose and requestArbitration on a question in the last second of its liveness, and in the first after', () => {
    for (const name of ['closesAt - 1', 'closesAt']) {
      expect(rate(env, at(name), onQuestion('propose')), `propose at ${name}`).toBeGreaterThan(0.06);
      expect(rate(env, at(name), onQuestion('requestArbitration')), `request at ${name}`).toBeGreaterThan(0.04);
    }
    // The first second after liveness: most proposals there are well formed (a new value and a high
    // enough bond), so only the clock rejects them and a `>` for `>=` lets them through.
    const state = at('closesAt');
    const last = Object.values(state.oracleState.questions)[0]?.answers[0];
    const wellFormed = (a: Action) =>
      onQuestion('propose')(a) && a.kind === 'propose' && a.value !== last?.value && a.bond >= 2n * (last?.bond ?? 0n);
    expect(rate(env, state, wellFormed)).toBeGreaterThan(0.05);
  });

  it('finalize one second before the end of liveness', () => {
    expect(rate(env, at('closesAt - 1'), onQuestion('finalize'))).toBeGreaterThan(0.03);
  });

  it('cancelArbitration one second before the timeout and at it', () => {
    for (const name of ['timeout - 1', 'timeout']) {
      expect(rate(env, at(name), onQuestion('cancelArbitration')), name).toBeGreaterThan(0.1);
    }
  });

  it('settle the series that expires in a second or now, rather than the one that expires a month later', () => {
    for (const name of ['expiry - 1', 'expiry']) {
      const state = at(name);
      const [first] = Object.entries(state.series).find(([, s]) => s.expiry === expiry) ?? [];
      const settles = rate(env, state, (a) => a.kind === 'settle');
      const aimed = rate(env, state, (a) => a.kind === 'settle' && a.seriesId === first);
      expect(settles, `settle at ${name}`).toBeGreaterThan(0.015);
      expect(aimed / settles, `share of settles at ${name} aimed at the series on its edge`).toBeGreaterThan(0.65);
    }
  });

  it('propose one second before the question opens', () => {
    expect(rate(env, at('expiry - 1'), onQuestion('propose'))).toBeGreaterThan(0.04);
  });

  it('a warp lands on the end of liveness and one second before it, and so for the arbitration timeout', () => {
    const landsAt = (state: ObservedState, t: bigint) => (a: Action) =>
      a.kind === 'warp' && state.timestamp + a.seconds === t;
    const answered = at('expiry + answer');
    expect(rate(env, answered, landsAt(answered, closesAt - 1n)), 'closesAt - 1').toBeGreaterThan(0.01);
    expect(rate(env, answered, landsAt(answered, closesAt)), 'closesAt').toBeGreaterThan(0.01);
    const requested = at('requested');
    expect(rate(env, requested, landsAt(requested, timeoutAt - 1n)), 'timeout - 1').toBeGreaterThan(0.01);
    expect(rate(env, requested, landsAt(requested, timeoutAt)), 'timeout').toBeGreaterThan(0.01);
  });
});

describe('a SlowOracle whose propose still accepts answers in the first second after liveness', () => {
  it('is caught by a short fixed-seed campaign: D1 at a propose on exactly that second', async () => {
    const late = await environment(
      brokenArtifacts(
        'contracts/SlowOracle.sol',
        'if (block.timestamp >= closedAt) revert LivenessElapsed(indexId, timestamp, closedAt);\n            if (value == last.value)',
        'if (block.timestamp > closedAt) revert LivenessElapsed(indexId, timestamp, closedAt);\n            if (value == last.value)',
      ),
    );
    const result = await runCampaign(late, { seed: SEED, runs: 20, depth: 100, probesPerStep: 0 });
    const failure = result.failure;
    expect(failure, 'the campaign must catch the late proposal').toBeDefined();
    if (failure === undefined) return;
    expect(failure.failure.id).toBe('D1');
    expect(failure.failure.action.kind).toBe('propose');
    // The model reverts LivenessElapsed; the late oracle accepts the answer, or rejects it for a
    // later reason (SameValue, BondTooLow) when the shrinker has simplified its value or bond.
    const { message, model } = failure.failure;
    expect(message).toMatch(/^model and EVM differ at outcome\.(ok|error\.name)$/);
    expect(model).toBe(message.endsWith('.ok') ? 'false' : 'LivenessElapsed');
  });
});
