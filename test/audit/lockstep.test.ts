import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../fuzz/audit/audit.ts';
import { runLockstep } from '../../fuzz/audit/lockstep.ts';
import { type AuditEnvironment, prepareAudit } from '../../fuzz/audit/sides.ts';
import type { Artifacts } from '../../fuzz/compile/index.ts';
import { parseIndexId } from '../../fuzz/trace/values.ts';
import type { Action } from '../../reference/action.ts';
import type { Bytes32 } from '../../reference/primitives.ts';
import { brokenArtifacts, shippedArtifacts, WORLD } from '../fuzz/support.ts';
import { SPLIT_REJECTS_ONE } from './variants.ts';

const labels = { base: 'base', new: 'new' };
let shipped: Artifacts;
let changed: Artifacts;

beforeAll(() => {
  shipped = shippedArtifacts();
  const [edit] = SPLIT_REJECTS_ONE;
  if (edit === undefined) throw new Error('no edit');
  changed = brokenArtifacts(`contracts/${edit.file}`, edit.find, edit.replace);
});

/** A WETH series, then a split of `amount` of it by bob. */
function createThenSplit(env: AuditEnvironment, amount: bigint) {
  const [alice, bob] = env.setup.actors as [`0x${string}`, `0x${string}`];
  const weth = env.setup.tokens[1]?.address as `0x${string}`;
  return (state: { series: Record<string, unknown> }, i: number): Action | undefined => {
    if (i === 0) {
      return {
        kind: 'createSeries',
        caller: alice,
        collateral: weth,
        oracle: env.setup.oracle.address,
        indexId: parseIndexId('ETH/USD') as Bytes32,
        strike: 3000n * 10n ** 18n,
        expiry: env.setup.timestamp + 3600n,
      };
    }
    if (i === 1)
      return { kind: 'split', caller: bob, seriesId: Object.keys(state.series)[0] as Bytes32, amount, to: bob };
    return undefined;
  };
}

describe('audit lockstep', () => {
  it('finds the first base/new difference, names it, and says which version the model agrees with', async () => {
    const env = await prepareAudit({ base: shipped, new: changed }, WORLD, labels);
    const same = await runLockstep(env, createThenSplit(env, 2n));
    expect(same.difference).toBeUndefined();
    expect(same.gas.map((g) => g.kind)).toEqual(['createSeries', 'split']);

    const run = await runLockstep(env, createThenSplit(env, 1n));
    expect(run.difference).toMatchObject({ step: 1, key: 'split outcome.ok', agreement: { base: true, next: false } });
    expect(run.difference?.next).toEqual({ ok: false, error: { name: 'ZeroAmount', args: [] } });
    expect(run.difference?.differences).toContainEqual({
      path: 'state.tokens.P#0.balances.bob',
      base: '1',
      next: '0',
    });
    // Gas is compared only where both versions did the same thing from the same state.
    expect(run.gas.map((g) => g.kind)).toEqual(['createSeries']);
    expect(run.modelDivergence).toEqual({ next: 1 });

    const swapped = await prepareAudit({ base: changed, new: shipped }, WORLD, labels);
    const fix = await runLockstep(swapped, createThenSplit(swapped, 1n));
    expect(fix.difference?.agreement).toEqual({ base: false, next: true });
  });

  it('finds nothing between a version and itself, and gives the same result for the same seed', async () => {
    const itself = await prepareAudit({ base: shipped, new: shipped }, WORLD, labels);
    const quiet = await runAudit(itself, { seed: 3, runs: 5, depth: 15 });
    expect(quiet.groups).toEqual([]);
    expect(quiet.gas.every((row) => row.base.median === row.next.median && row.base.mean === row.next.mean)).toBe(true);

    const env = await prepareAudit({ base: shipped, new: changed }, WORLD, labels);
    const options = { seed: 1, runs: 30, depth: 20, shrinkBudget: 100 };
    const first = await runAudit(env, options);
    expect(first.groups.length).toBeGreaterThan(0);
    const again = await runAudit(env, options);
    expect(again).toEqual(first);
  });
});

describe('audit preparation', () => {
  it('refuses versions that do not start from the same world', async () => {
    const doubledBond = brokenArtifacts('contracts/SlowOracle.sol', 'minBond = minBond_;', 'minBond = 2 * minBond_;');
    const refusal = prepareAudit({ base: shipped, new: doubledBond }, WORLD, labels);
    await expect(refusal).rejects.toThrow(/new contracts \(new\): .*state\.oracleState\.minBond/);
  });
});
