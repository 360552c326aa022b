/**
 * What pairs of relation features add (bench, not a test; fuzz/guide/relation-pairs.ts):
 * `npx tsx bench/pairs.ts narrow [runs] [depth] [seeds]` or `npx tsx bench/pairs.ts default [runs]
 * [depth] [seed]`.
 * - `narrow` (default 40 runs, depth 16, seeds 1–10: the narrow-branch test's budget): on the
 *   contracts with test/guide/support.ts's narrow merge bug, per seed the open-loop campaign once,
 *   then the guided one with pairs and without, alternating which goes first; prints the first
 *   failing run of each (or none), the corpus size and the model features reached.
 * - `default` (default 100 runs, depth 100, seed 1: the README's main command's budget): on the
 *   shipped contracts, the guided campaign with pairs and without, twice, alternating; prints runtime
 *   branch directions, model features, corpus size and actions per CPU second (process.cpuUsage of
 *   this process: the machine is shared, so wall time measures the neighbours).
 */
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { type GuidedResult, runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { FOCUS } from '../fuzz/guide/focus.ts';
import { RELATION_PAIRS } from '../fuzz/guide/relation-pairs.ts';
import { runCampaign } from '../fuzz/runner/campaign.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { brokenArtifacts, shippedArtifacts, WORLD } from '../test/fuzz/support.ts';
import { NARROW_MERGE } from '../test/guide/support.ts';

const mode = process.argv[2] ?? 'narrow';
if (mode !== 'narrow' && mode !== 'default') throw new Error('usage: npx tsx bench/pairs.ts narrow|default …');
const narrow = mode === 'narrow';
const runs = Number(process.argv[3] ?? (narrow ? 40 : 100));
const depth = Number(process.argv[4] ?? (narrow ? 16 : 100));
FOCUS.on = process.env.FOCUS !== '0';
const seeds = (process.argv[5] ?? (narrow ? '1,2,3,4,5,6,7,8,9,10' : '1')).split(',').map(Number);
const artifacts = narrow ? brokenArtifacts(...NARROW_MERGE) : shippedArtifacts();
let recorder: BranchRecorder | undefined;
const env = await prepareEnvironment(artifacts, WORLD, {
  onChain: (chain) => {
    recorder = new BranchRecorder(chain.evm, artifacts);
  },
});
if (recorder === undefined) throw new Error('no recorder');
const branchRecorder = recorder;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const runtime = (f: string) => f.startsWith('b:') && !f.includes('(creation)');

/** One guided campaign with pairs on or off, and a line describing it. */
async function guided(seed: number, pairs: boolean): Promise<{ result: GuidedResult; line: string }> {
  RELATION_PAIRS.on = pairs;
  const options = narrow
    ? { seed, runs, depth, epoch: 8, probesPerStep: 1, shrinkBudget: 1 }
    : { seed, runs, depth, probesPerStep: 2 };
  const cpu = process.cpuUsage();
  const result = await runGuidedCampaign(env, branchRecorder, options);
  const seconds = cpuSeconds(cpu);
  const features = [...result.firstHit.keys()];
  const model = features.filter((f) => !f.startsWith('b:')).length;
  const pairCount = features.filter((f) => f.includes('&')).length;
  const failure = result.failure === undefined ? 'none' : String(result.failure.run);
  const line =
    `seed ${seed} guided, pairs ${pairs ? 'on ' : 'off'}: failure at run ${failure}, ${result.runsDone} runs, ` +
    `${result.stats.actions} actions, ${features.filter(runtime).length} runtime branch directions, ` +
    `${model} model features (${pairCount} pairs), corpus ${result.corpus.length}, ` +
    `${seconds.toFixed(1)} CPU s, ${Math.round(result.stats.actions / seconds)} actions per CPU s`;
  return { result, line };
}

for (const [n, seed] of seeds.entries()) {
  if (narrow) {
    const open = await runCampaign(env, { seed, runs, depth, probesPerStep: 1 });
    process.stdout.write(`seed ${seed} open-loop: failure at run ${open.failure?.run ?? 'none'}\n`);
  }
  // Alternate which goes first, so neither always runs on a warmer JIT or a quieter machine.
  const rounds = narrow ? 1 : 2;
  for (let round = 0; round < rounds; round++) {
    for (const pairs of (n + round) % 2 === 0 ? [true, false] : [false, true]) {
      process.stdout.write(`${(await guided(seed, pairs)).line}\n`);
    }
  }
}
