/**
 * Would warm starts pay? (bench, not a test): `npx tsx bench/warm-start.ts [runs] [depth] [mutants]`.
 * Runs a guided campaign of `runs` runs of depth `depth` (seed 1) on the shipped contracts for a
 * corpus, then runs `mutants` mutations of its entries (as the campaign makes them) and measures:
 * how many of their executed steps repeat the parent's run exactly (`shared`, what a warm start
 * from a snapshot of the parent would skip), the wall time per executed step, and the cost of a
 * snapshot and a restore of both sides (model and EVM). A warm start saves at most the shared steps'
 * time, and needs a snapshot of the parent at the step where the child leaves it: taken at every
 * step of every run (admission to the corpus comes after the run), that is one snapshot per step.
 */
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { Rng } from '../fuzz/guide/input.ts';
import { mutateInput } from '../fuzz/guide/mutate.ts';
import { runInput } from '../fuzz/guide/run-input.ts';
import { checksFor } from '../fuzz/runner/environment.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { shippedArtifacts, WORLD } from '../test/fuzz/support.ts';

const [runs, depth, mutants] = [2, 3, 4].map((i, n) => Number(process.argv[i] ?? [64, 60, 64][n])) as [
  number,
  number,
  number,
];
const artifacts = shippedArtifacts();
let recorder: BranchRecorder | undefined;
const env = await prepareEnvironment(artifacts, WORLD, {
  onChain: (chain) => {
    recorder = new BranchRecorder(chain.evm, artifacts);
  },
});
if (recorder === undefined) throw new Error('no recorder');
const campaign = await runGuidedCampaign(env, recorder, { seed: 1, runs, depth, probesPerStep: 2 });
const corpus = campaign.corpus;
let executed = 0;
let shared = 0;
let ms = 0;
for (let i = 0; i < mutants; i++) {
  const rng = new Rng(0xa11ce + i);
  const parent = corpus[rng.below(corpus.length)];
  const other = corpus[rng.below(corpus.length)];
  if (parent === undefined || other === undefined) throw new Error('empty corpus');
  const mutated = mutateInput(parent.input, other.input, depth, rng);
  const started = performance.now();
  const run = await runInput(env, recorder, checksFor(env, { probesPerStep: 2 }), mutated.input);
  ms += performance.now() - started;
  executed += run.steps.length;
  shared += Math.min(mutated.shared, run.steps.length, parent.steps.length);
}
// Snapshot and restore cost, on the state the last run left.
const rounds = 200;
let started = performance.now();
const saved: [unknown, unknown][] = [];
for (let i = 0; i < rounds; i++) saved.push([await env.model.snapshot(), await env.evm.snapshot()]);
const snapshotMs = (performance.now() - started) / rounds;
started = performance.now();
for (const [model, evm] of saved) {
  await env.model.restore(model);
  await env.evm.restore(evm);
}
const restoreMs = (performance.now() - started) / rounds;
const stepMs = ms / executed;
process.stdout.write(
  `corpus ${corpus.length} entries; ${mutants} mutated runs: ${executed} steps executed, ${shared} (${((100 * shared) / executed).toFixed(1)}%) repeat the parent's run\n` +
    `${stepMs.toFixed(2)} ms per executed step (checks included); snapshot of both sides ${snapshotMs.toFixed(3)} ms, restore ${restoreMs.toFixed(3)} ms\n` +
    `a warm start saves at most ${((100 * shared) / executed).toFixed(1)}% of the runs' time; a snapshot at every step costs ${((100 * snapshotMs) / stepMs).toFixed(1)}% of a step\n`,
);
