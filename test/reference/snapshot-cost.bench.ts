/**
 * Measures the model's snapshot/restore and execute costs on a mid-sized world (5 setup tokens,
 * 4 actors, 8 series = 16 claim tokens, a few answered questions, ~1,000 actions of history).
 * Run: `npx tsx test/reference/snapshot-cost.bench.ts` (not a vitest file: timings are reported, not asserted).
 */
import { performance } from 'node:perf_hooks';
import type { Action } from '../../reference/action.ts';
import { execute } from '../../reference/execute.ts';
import { observe } from '../../reference/observe.ts';
import { restore, snapshot } from '../../reference/world.ts';
import {
  ALICE,
  approveEverything,
  approveMarket,
  makeWorld,
  newSeries,
  ok,
  randomAction,
  STRIKE,
  WETH,
  xorshift,
} from './fixture.ts';

const world = makeWorld();
approveEverything(world);
for (let k = 0; k < 8; k++) {
  const { id } = newSeries(world, WETH, STRIKE + BigInt(k));
  approveMarket(world, ALICE, WETH, 10n ** 24n);
  ok(world, { kind: 'split', caller: ALICE, seriesId: id, amount: 1_000n, to: ALICE });
}
const next = xorshift(42);
for (let i = 0; i < 1_000; i++) execute(world, randomAction(world, next));
const seen = observe(world);
console.log(
  `world: ${Object.keys(seen.tokens).length} tokens, ${Object.keys(seen.series).length} series, ` +
    `${Object.keys(seen.oracleState.questions).length} answered questions, timestamp ${seen.timestamp}`,
);

function time(label: string, n: number, body: () => void): number {
  for (let i = 0; i < Math.min(n, 10_000); i++) body(); // warm up
  const start = performance.now();
  for (let i = 0; i < n; i++) body();
  const perOp = ((performance.now() - start) * 1e6) / n;
  console.log(`${label}: ${perOp.toFixed(0)} ns/op over ${n} ops`);
  return perOp;
}

const base = snapshot(world);
time('snapshot + restore', 5_000_000, () => restore(world, snapshot(world)));

// A fixed prefix of 20 actions, replayed from the same snapshot as shrinking does.
const prefix: Action[] = [];
const gen = xorshift(7);
for (let i = 0; i < 20; i++) {
  const action = randomAction(world, gen);
  prefix.push(action);
  execute(world, action);
}
restore(world, base);
let successes = 0;
const perReplay = time('restore + replay a 20-action prefix', 20_000, () => {
  restore(world, base);
  for (const action of prefix) if (execute(world, action).ok) successes++;
});
console.log(`  = ${(perReplay / 20 / 1000).toFixed(2)} µs per executed action (${successes / 20_000} of 20 succeed)`);
time('observe (full ObservedState)', 20_000, () => observe(world));
