import { describe, expect, test } from 'vitest';
import { ModelInputError } from '../../reference/errors.ts';
import { execute } from '../../reference/execute.ts';
import { observe } from '../../reference/observe.ts';
import type { Snapshot } from '../../reference/world.ts';
import { restore, snapshot } from '../../reference/world.ts';
import { ALICE, approveEverything, makeWorld, ok, randomAction, WETH, xorshift } from './fixture.ts';

describe('snapshot / restore', () => {
  test('restoring brings back exactly the observed state of the snapshot', () => {
    const world = makeWorld();
    const saved = snapshot(world);
    const before = observe(world);
    ok(world, {
      kind: 'transfer',
      caller: ALICE,
      token: WETH,
      to: '0x00000000000000000000000000000000000000aa',
      amount: 1n,
    });
    ok(world, { kind: 'warp', seconds: 10n });
    expect(observe(world)).not.toEqual(before);
    restore(world, saved);
    expect(observe(world)).toEqual(before);
  });

  test('persistence: 400 mixed actions, then every snapshot restored in a scrambled order still observes as recorded', () => {
    const world = makeWorld();
    approveEverything(world);
    const next = xorshift(20_240_601);
    const saved: { snap: Snapshot; seen: ReturnType<typeof observe> }[] = [];
    let successes = 0;
    for (let i = 0; i < 400; i++) {
      saved.push({ snap: snapshot(world), seen: observe(world) });
      const outcome = execute(world, randomAction(world, next));
      if (outcome.ok) successes++;
    }
    // The run must exercise both paths for the test to mean anything.
    expect(successes).toBeGreaterThan(50);
    expect(successes).toBeLessThan(400);
    const order = saved.map((_, i) => i).sort((a, b) => ((a * 7919) % 401) - ((b * 7919) % 401));
    for (const i of order) {
      const entry = saved[i];
      if (entry === undefined) throw new Error('unreachable');
      restore(world, entry.snap);
      expect(observe(world), `snapshot ${i}`).toEqual(entry.seen);
    }
  });

  test('replaying from a restored snapshot gives the same outcomes and state as the first time', () => {
    const world = makeWorld();
    approveEverything(world);
    const start = snapshot(world);
    const actions = [];
    const next = xorshift(7);
    const first = [];
    for (let i = 0; i < 200; i++) {
      const action = randomAction(world, next);
      actions.push(action);
      first.push(execute(world, action));
    }
    const end = observe(world);
    restore(world, start);
    expect(actions.map((a) => execute(world, a))).toEqual(first);
    expect(observe(world)).toEqual(end);
  });

  test('a revert leaves the very same state object (atomic, nothing copied)', () => {
    const world = makeWorld();
    const state = world.state;
    const outcome = execute(world, { kind: 'transfer', caller: ALICE, token: WETH, to: ALICE, amount: 10n ** 30n });
    expect(outcome.ok).toBe(false);
    expect(world.state).toBe(state);
  });

  test('a snapshot of another world is refused', () => {
    const a = makeWorld();
    const b = makeWorld();
    expect(() => restore(a, snapshot(b))).toThrow(ModelInputError);
  });
});
