import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { domainAt } from '../../fuzz/exhaustive/domain.ts';
import { searchActors } from '../../fuzz/exhaustive/prelude.ts';
import { runExhaustive } from '../../fuzz/exhaustive/search.ts';
import { claimOutput } from '../../fuzz/io/output.ts';
import { replayTrace } from '../../fuzz/runner/replay.ts';
import { buildTrace } from '../../fuzz/trace/build.ts';
import { readTraceFile, writeTraceFile } from '../../fuzz/trace/io.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import { brokenArtifacts, environment, shippedArtifacts } from '../fuzz/support.ts';

const WORLD = { actors: 2, approvals: true };

// P rounds up instead of down (the same in-memory variant the campaign test uses): a redeem of 1 P
// at the settled price S + 1 pays ceil(S / (S + 1)) = 1 instead of 0.
const ROUND_P_UP = [
  'contracts/libraries/PayoutMath.sol',
  'Math.mulDiv(a, strike, x)',
  'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
] as const;

const out = mkdtempSync(join(tmpdir(), 'cliffless-exhaustive-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('Bounded-exhaustive differential search', () => {
  // Depth 3 in every run (about a minute's CPU less than depth 4 on the CI machine); depth 4, eight
  // times the steps, with CLIFFLESS_DEEP=1. The counts are a pure function of the domain and the
  // contracts (measured: every executed step is either extended or ends a sequence).
  const DEPTH = process.env.CLIFFLESS_DEEP === '1' ? 4 : 3;
  const EXPECTED: Record<number, { nodes: number; sequences: number; states: number }> = {
    3: { nodes: 1181, sequences: 1106, states: 468 },
    4: { nodes: 9087, sequences: 8559, states: 2947 },
  };
  it(`runs every sequence of depth ${DEPTH} on the shipped contracts with no failure, deterministically counted`, async () => {
    const env = await environment(shippedArtifacts(), WORLD);
    // The whole domain, probing (1 probe) on the campaigns' cadence of every 4th step to keep CI
    // short; the CLI default probes every step.
    const result = await runExhaustive(env, { depth: DEPTH, prelude: 'created', probesPerStep: 1, probeEvery: 4 });
    expect(result.failure).toBeUndefined();
    expect(result.complete).toBe(true);
    expect({ nodes: result.nodes, sequences: result.sequences, states: result.distinctStates }).toEqual(
      EXPECTED[DEPTH],
    );
    expect(result.reverted).toBeGreaterThan(0);
    expect(result.pruned).toBeGreaterThan(0);

    // Shallower searches reach strictly fewer states: the bound is what limits it.
    const shallower = await runExhaustive(env, {
      depth: DEPTH - 1,
      prelude: 'created',
      probesPerStep: 0,
      probeEvery: 1,
    });
    expect(shallower.complete).toBe(true);
    expect(shallower.distinctStates).toBeLessThan(result.distinctStates);
  });

  it('finds P rounding up from a settled prelude within depth 1, and the trace replays to the same failure', async () => {
    const broken = await environment(brokenArtifacts(...ROUND_P_UP), WORLD);
    const result = await runExhaustive(broken, { depth: 2, prelude: 'settled', probesPerStep: 1, probeEvery: 1 });
    const found = result.failure;
    expect(found, 'the search must catch the bug').toBeDefined();
    if (found === undefined) return;
    expect(result.preludeLength).toBe(7);
    expect(found.steps.length).toBe(8); // the prelude, then the first redeem of P at S + 1
    expect(found.failure.action.kind).toBe('redeem');
    expect(['divergence:D1', 'property:M3']).toContain(`${found.failure.kind}:${found.failure.id}`);

    const path = writeTraceFile(
      claimOutput('out', out, { kind: 'folder' }),
      'exhaustive',
      buildTrace({ world: WORLD, book: new NameBook(broken.setup), steps: found.steps, failure: found.failure }),
    );
    const replayed = await replayTrace(broken, readTraceFile(path), path, { probesPerStep: 1 });
    expect(replayed.failure?.step).toBe(found.failure.step);
    expect(replayed.failure?.id).toBe(found.failure.id);
    const shipped = await environment(shippedArtifacts(), WORLD);
    expect((await replayTrace(shipped, readTraceFile(path), path, { probesPerStep: 1 })).failure).toBeUndefined();

    // The same variant from the 'settled' prelude on the shipped contracts: nothing to find.
    const clean = await runExhaustive(shipped, { depth: 2, prelude: 'settled', probesPerStep: 1, probeEvery: 1 });
    expect(clean.failure).toBeUndefined();
    expect(clean.complete).toBe(true);
  });

  it('generates the domain from the state: redeems only once settled, splits only before', async () => {
    const env = await environment(shippedArtifacts(), WORLD);
    const live = await runExhaustive(env, { depth: 0, prelude: 'created', probesPerStep: 0, probeEvery: 1 });
    expect(live.complete).toBe(true);
    const state = await env.evm.observe();
    const seriesId = Object.keys(state.series)[0] as `0x${string}`;
    const world = { actors: searchActors(env.setup), arbitrator: env.setup.oracle.arbitrator, seriesId };
    const kinds = new Set(domainAt(state, world).map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['split', 'warp']);

    await runExhaustive(env, { depth: 0, prelude: 'settled', probesPerStep: 0, probeEvery: 1 });
    const settled = await env.evm.observe();
    const actions = domainAt(settled, world);
    expect(new Set(actions.map((a) => a.kind))).toEqual(new Set(['redeem', 'transfer', 'withdraw']));
    // A holds 2 P and 2 N: redeems of 1 and 2 of each side; B holds nothing.
    expect(actions.filter((a) => a.kind === 'redeem')).toHaveLength(4);
  });
});
