/**
 * How often does a campaign find the narrow merge bug at the tests' budget? (bench, not a test):
 * `npx tsx bench/narrow-sweep.ts [runs] [depth] [seeds, comma-separated]`, default 40 runs of depth
 * 16 over seeds 1–10 (test/guide/narrow-branch.test.ts's budget: epochs of 8, one probe per step).
 * On the contracts with test/guide/support.ts's narrow merge bug, per seed the open-loop campaign and
 * the guided one; prints the first failing run of each (or none), and for the guided one the corpus
 * size and model features reached. A test's seed is one of many: this says how typical it is.
 */
import { runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { runCampaign } from '../fuzz/runner/campaign.ts';
import { brokenArtifacts } from '../test/fuzz/support.ts';
import { guidedEnvironment, NARROW_MERGE } from '../test/guide/support.ts';

const runs = Number(process.argv[2] ?? 40);
const depth = Number(process.argv[3] ?? 16);
const seeds = (process.argv[4] ?? '1,2,3,4,5,6,7,8,9,10').split(',').map(Number);
const { env, recorder } = await guidedEnvironment(brokenArtifacts(...NARROW_MERGE));
const found = { open: 0, guided: 0 };
for (const seed of seeds) {
  const open = await runCampaign(env, { seed, runs, depth, probesPerStep: 1 });
  const guided = await runGuidedCampaign(env, recorder, {
    seed,
    runs,
    depth,
    epoch: 8,
    probesPerStep: 1,
    shrinkBudget: 1,
  });
  if (open.failure !== undefined) found.open++;
  if (guided.failure !== undefined) found.guided++;
  const model = [...guided.firstHit.keys()].filter((f) => !f.startsWith('b:')).length;
  process.stdout.write(
    `seed ${seed}: open-loop failure at run ${open.failure?.run ?? 'none'}; guided failure at run ` +
      `${guided.failure?.run ?? 'none'} (${guided.runsDone} runs, corpus ${guided.corpus.length}, ${model} model features)\n`,
  );
}
process.stdout.write(`found in ${found.open} of ${seeds.length} seeds open-loop, ${found.guided} guided\n`);
