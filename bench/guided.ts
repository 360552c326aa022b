/**
 * Open-loop against guided on the same budget (bench, not a test): `npx tsx bench/guided.ts
 * [runs] [depth] [seed] [shipped|narrow] [open|guided]`. Prints each campaign's actions/s, the branch directions it
 * reached, and for the guided one the run at which it reached the open-loop campaign's final
 * count (time to coverage). With `narrow` as variant, the contracts carry the test's narrow merge
 * bug (test/guide/support.ts) and the first failing run of each is printed instead.
 */
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { runCampaign } from '../fuzz/runner/campaign.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { brokenArtifacts, shippedArtifacts, WORLD } from '../test/fuzz/support.ts';
import { NARROW_MERGE } from '../test/guide/support.ts';

const [runs, depth, seed] = [2, 3, 4].map((i, n) => Number(process.argv[i] ?? [100, 100, 1][n])) as [
  number,
  number,
  number,
];
const variant = process.argv[5];
/** `open` or `guided`: one round of that campaign alone. */
const only = process.argv[6];
const artifacts = variant === 'narrow' ? brokenArtifacts(...NARROW_MERGE) : shippedArtifacts();
let recorder: BranchRecorder | undefined;
const env = await prepareEnvironment(artifacts, WORLD, {
  onChain: (chain) => {
    recorder = new BranchRecorder(chain.evm, artifacts);
  },
});
if (recorder === undefined) throw new Error('no recorder');
const options = { seed, runs, depth, probesPerStep: 2 };
const rows: string[] = [];
for (const round of only === undefined ? [1, 2] : [1]) {
  // Alternate the order, so neither always runs on a warmer JIT.
  const order = round === 1 ? ['open', 'guided'] : ['guided', 'open'];
  for (const mode of order.filter((m) => only === undefined || m === only)) {
    recorder.takeRun();
    const started = performance.now();
    if (mode === 'open') {
      const result = await runCampaign(env, options);
      const ms = performance.now() - started;
      const branches = recorder.takeRun().filter((f) => !f.includes('(creation)')).length;
      rows.push(
        `round ${round} open-loop: ${result.stats.runs} runs, ${result.stats.actions} actions, ${(ms / 1000).toFixed(1)} s, ${Math.round((result.stats.actions * 1000) / ms)} actions/s, ${branches} runtime branch directions, failure at run ${result.failure?.run ?? 'none'}`,
      );
    } else {
      const reachedAt: number[] = [];
      const result = await runGuidedCampaign(env, recorder, {
        ...options,
        onRun: (p) => reachedAt.push(p.branches),
      });
      const ms = performance.now() - started;
      const runtime = [...result.firstHit.keys()].filter((f) => f.startsWith('b:') && !f.includes('(creation)'));
      const byRun = [...result.firstHit]
        .filter(([f]) => f.startsWith('b:') && !f.includes('(creation)'))
        .map(([, run]) => run)
        .sort((a, b) => a - b);
      const openRow = rows.find((r) => r.startsWith(`round ${round} open-loop`));
      const openBranches = openRow === undefined ? undefined : Number(/(\d+) runtime branch/.exec(openRow)?.[1]);
      const reach = openBranches === undefined ? undefined : byRun[openBranches - 1];
      rows.push(
        `round ${round} guided: ${result.runsDone} runs, ${result.stats.actions} actions, ${(ms / 1000).toFixed(1)} s, ${Math.round((result.stats.actions * 1000) / ms)} actions/s, ${runtime.length} runtime branch directions, corpus ${result.corpus.length}, failure at run ${result.failure?.run ?? 'none'}` +
          (reach === undefined ? '' : `; reached open-loop's ${openBranches} at run ${reach}`),
      );
    }
    process.stdout.write(`${rows[rows.length - 1]}\n`);
  }
}
