/**
 * Measures the EVM host: compile (cached, and cold with --cold), deployment, calls per second for
 * a simple split at four levels (bare `evm.runCall`, `call`, `executeAction`, `executeAction` +
 * `observe`), the cost of observing after a step and from scratch, and snapshot/restore.
 *
 * The machine is shared, so each figure is the best of several interleaved batches, in CPU time
 * (process.cpuUsage), which contention disturbs less than wall time.
 *
 *   npx tsx fuzz/evm/bench-host.ts [splits-per-batch=300] [--no-jump-cache] [--cold]
 */
import { compileContracts } from '../compile/index.ts';
import { call, ethAddress } from './chain.ts';
import { encodeCall } from './codec.ts';
import { executeAction } from './execute.ts';
import type { EvmHost } from './host.ts';
import { emptyObserveCache, observe } from './observe.ts';
import { restoreHost, snapshotHost } from './snapshot.ts';
import { deployWorld } from './world.ts';

const BATCH = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 300);
const ROUNDS = 5;
const INDEX = '0x4554482f55534400000000000000000000000000000000000000000000000000' as const;

/** CPU milliseconds per iteration of `body` over `count` iterations. */
async function cpuPer(count: number, body: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await body();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / count;
}

function line(label: string, ms: number): void {
  console.log(`${label.padEnd(64)} ${ms.toFixed(3).padStart(8)} ms  ${(1000 / ms).toFixed(0).padStart(8)} /s`);
}

async function addSeries(host: EvmHost, count: number, from: number): Promise<`0x${string}`[]> {
  const [alice] = host.setup.actors as [`0x${string}`];
  const weth = host.setup.tokens[1]?.address as `0x${string}`;
  const ids: `0x${string}`[] = [];
  for (let i = from; i < from + count; i++) {
    const outcome = await executeAction(host, {
      kind: 'createSeries',
      caller: alice,
      collateral: weth,
      oracle: host.setup.oracle.address,
      indexId: INDEX,
      strike: BigInt(i) * 10n ** 18n,
      expiry: host.setup.timestamp + 86_400n,
    });
    if (!outcome.ok) throw new Error(outcome.error.name);
    ids.push(outcome.returns[0] as `0x${string}`);
  }
  await executeAction(host, {
    kind: 'approve',
    caller: alice,
    token: weth,
    spender: host.setup.market,
    amount: 2n ** 255n,
  });
  return ids;
}

if (process.argv.includes('--cold')) {
  const cold = compileContracts({ cacheDir: false });
  console.log(`compile, cold (cache off)                            ${cold.elapsedMs.toFixed(0).padStart(8)} ms wall`);
}
compileContracts();
const warm = compileContracts();
console.log(
  `compile, cached (hit: ${warm.cached})                        ${warm.elapsedMs.toFixed(0).padStart(8)} ms wall`,
);
const { artifacts } = warm;

const jumpAnalysisCache = !process.argv.includes('--no-jump-cache');
const started = performance.now();
const host = await deployWorld(artifacts, { jumpAnalysisCache });
console.log(
  `deployWorld (6 tokens, oracle, market, 30 mints)     ${(performance.now() - started).toFixed(0).padStart(8)} ms wall`,
);
console.log(`jump analysis cache: ${jumpAnalysisCache}; ${ROUNDS} interleaved batches of ${BATCH} splits, best batch`);

const [seriesId] = (await addSeries(host, 1, 1)) as [`0x${string}`];
const [alice] = host.setup.actors as [`0x${string}`];
const base = snapshotHost(host);
const split = { kind: 'split', caller: alice, seriesId, amount: 1n, to: alice } as const;
const data = encodeCall(host.codecs.split, [seriesId, 1n, alice]);
const market = host.setup.market;
const { evm, block } = host.chain;
const caller = ethAddress(host.chain, alice);
const to = ethAddress(host.chain, market);

const modes: Record<string, () => Promise<unknown>> = {
  'split: bare evm.runCall': () => evm.runCall({ block, caller, origin: caller, to, data, gasLimit: 30_000_000n }),
  'split: call() (tx semantics, gas)': () => call(host.chain, { from: alice, to: market, data }),
  'split: executeAction (encode, decode, track)': () => executeAction(host, split),
  'split: executeAction + observe': async () => {
    await executeAction(host, split);
    observe(host);
  },
};
const best = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [label, body] of Object.entries(modes)) {
    restoreHost(host, base);
    const ms = await cpuPer(BATCH, body);
    best.set(label, Math.min(best.get(label) ?? Number.POSITIVE_INFINITY, ms));
  }
}
for (const [label, ms] of best) line(label, ms);
const bare = best.get('split: bare evm.runCall') as number;
const withObserve = best.get('split: executeAction + observe') as number;
console.log(
  `speed vs bare: call ${(bare / (best.get('split: call() (tx semantics, gas)') as number)).toFixed(2)}, ` +
    `executeAction ${(bare / (best.get('split: executeAction (encode, decode, track)') as number)).toFixed(2)}, ` +
    `executeAction + observe ${(bare / withObserve).toFixed(2)}`,
);

for (const count of [1, 10, 30]) {
  restoreHost(host, base);
  const ids = [seriesId, ...(await addSeries(host, count - 1, 2))];
  const label = `${count} series, ${host.tracked.tokens.length} tokens, ${host.observed.length} accounts`;
  let afterStep = Number.POSITIVE_INFINITY;
  let fromScratch = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    // Single observations are too short for CPU-time accounting: these two use wall time.
    let spent = 0;
    for (let i = 0; i < 100; i++) {
      await executeAction(host, { ...split, seriesId: ids[i % ids.length] as `0x${string}` });
      const t = performance.now();
      observe(host);
      spent += performance.now() - t;
    }
    afterStep = Math.min(afterStep, spent / 100);
    const t = performance.now();
    for (let i = 0; i < 20; i++) {
      (host as { observeCache: EvmHost['observeCache'] }).observeCache = emptyObserveCache();
      observe(host);
    }
    fromScratch = Math.min(fromScratch, (performance.now() - t) / 20);
  }
  line(`observe after a split (wall): ${label}`, afterStep);
  line(`observe from scratch (wall): ${label}`, fromScratch);
  const saved = snapshotHost(host);
  line(`snapshotHost: ${count} series`, await cpuPer(200, () => snapshotHost(host)));
  line(`restoreHost: ${count} series`, await cpuPer(200, () => restoreHost(host, saved)));
}
