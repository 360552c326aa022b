import { beforeAll, describe, expect, it } from 'vitest';
import { interpretStep } from '../../fuzz/generate/interpret.ts';
import { type Lean, resolveLean } from '../../fuzz/guide/edge-lean.ts';
import { Rng } from '../../fuzz/guide/input.ts';
import { runActions } from '../../fuzz/runner/campaign.ts';
import { checksFor } from '../../fuzz/runner/environment.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { WORDS_PER_STEP } from '../../fuzz/runner/seed-schedule.ts';
import type { ObservedState, SeriesState } from '../../properties/observed-state.ts';
import type { Action, MergeAction } from '../../reference/action.ts';
import { environment, shippedArtifacts } from '../fuzz/support.ts';

/**
 * Leans resolve through the interpreter: the rewritten words mean an action of the same kind whose
 * amount is exactly the threshold (or the earlier amount) aimed at. The state: one series, alice
 * has split 1000 and bob 700 into pairs, and alice sent bob 300 P.
 */
let env: PreparedEnvironment;
let state: ObservedState;
let earlier: Action[];
let mergeWords: number[][];
beforeAll(async () => {
  env = await environment(shippedArtifacts());
  const [alice, bob] = env.setup.actors as [`0x${string}`, `0x${string}`];
  const weth = env.setup.tokens.find((t) => t.kind === 'plain')?.address as `0x${string}`;
  const create: Action = {
    kind: 'createSeries',
    caller: alice,
    collateral: weth,
    oracle: env.setup.oracle.address,
    indexId: '0x4350490000000000000000000000000000000000000000000000000000000000',
    strike: 2000n,
    expiry: env.setup.timestamp + 86_400n,
  };
  const created = await runActions(env, checksFor(env, { probesPerStep: 0 }), [create]);
  const after = await env.evm.observe();
  const [seriesId, series] = Object.entries(after.series)[0] as [`0x${string}`, SeriesState];
  earlier = [
    create,
    { kind: 'split', caller: alice, seriesId, amount: 1000n, to: alice },
    { kind: 'split', caller: bob, seriesId, amount: 700n, to: bob },
    { kind: 'transfer', caller: alice, token: series.pToken, to: bob, amount: 300n },
  ];
  const run = await runActions(env, checksFor(env, { probesPerStep: 0 }), earlier);
  expect(created.failure).toBeUndefined();
  expect(run.failure).toBeUndefined();
  state = await env.evm.observe();
  // Steps that the generator turns into a merge in this state.
  const rng = new Rng(7);
  mergeWords = [];
  while (mergeWords.length < 12) {
    const words = Array.from({ length: WORDS_PER_STEP }, () => rng.word());
    if (interpretStep(words, env.setup, state).kind === 'merge') mergeWords.push(words);
  }
});

const resolved = (lean: Lean, words: number[]): MergeAction | undefined => {
  const result = resolveLean(lean, words, env.setup, state, earlier);
  if (typeof result === 'string') return undefined;
  const action = interpretStep(result.words, env.setup, state);
  expect(action.kind).toBe('merge');
  return action as MergeAction;
};

describe('edge and relate leans', () => {
  it('set a merge amount exactly to the pairs the caller holds, one below or one above it', () => {
    const hit = new Set<bigint>();
    for (const words of mergeWords) {
      for (let pick = 0; pick < 6; pick++) {
        const action = resolved({ step: 0, mode: 'edge', pick }, words);
        if (action !== undefined) hit.add(action.amount);
      }
    }
    // alice holds 700 pairs (1000 N, 700 P left), bob 700 (700 N, 1000 P). The series' locked 1700
    // is a threshold too, but no merge the generator draws goes past the pairs held plus one.
    for (const amount of [699n, 700n, 701n]) expect(hit.has(amount)).toBe(true);
    expect(hit.has(1700n)).toBe(false);
  });

  it('make the caller the one who received claims, merging exactly what was received', () => {
    const bob = env.setup.actors[1];
    const relations = mergeWords.map((words) => resolved({ step: 0, mode: 'relate', pick: 0 }, words));
    expect(relations.some((a) => a !== undefined && a.caller === bob && a.amount === 300n)).toBe(true);
  });

  it('report a step with nothing to aim at, so the run tries the next one', () => {
    const rng = new Rng(11);
    let words: number[];
    do words = Array.from({ length: WORDS_PER_STEP }, () => rng.word());
    while (interpretStep(words, env.setup, state).kind !== 'warp');
    expect(resolveLean({ step: 0, mode: 'edge', pick: 0 }, words, env.setup, state, earlier)).toBe('nothing-here');
  });
});
