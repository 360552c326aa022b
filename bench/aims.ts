/**
 * What each hand-written aim of the generator adds with guidance on (bench, not a test):
 * `npx tsx bench/aims.ts [runs] [depth] [seed] [aim ...]`. Runs the guided campaign of that budget
 * (default: the default campaign's, 100 runs of depth 100, seed 1) with every aim on, then once
 * with each named aim (default: all of them) switched off alone, and prints the runtime branch
 * directions and the model features (outcomes, relations, phases) each reached, and the features
 * the campaign with the aim reached that the one without it did not.
 */
import { AIMS, type AimName } from '../fuzz/generate/aims.ts';
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { shippedArtifacts, WORLD } from '../test/fuzz/support.ts';

const [runs, depth, seed] = [2, 3, 4].map((i, n) => Number(process.argv[i] ?? [100, 100, 1][n])) as [
  number,
  number,
  number,
];
const named = process.argv.slice(5) as AimName[];
const aims = named.length > 0 ? named : (Object.keys(AIMS) as AimName[]);
for (const aim of aims)
  if (!(aim in AIMS)) throw new Error(`unknown aim ${aim}: one of ${Object.keys(AIMS).join(', ')}`);

const artifacts = shippedArtifacts();
let recorder: BranchRecorder | undefined;
const env = await prepareEnvironment(artifacts, WORLD, {
  onChain: (chain) => {
    recorder = new BranchRecorder(chain.evm, artifacts);
  },
});
if (recorder === undefined) throw new Error('no recorder');
const reached = async (): Promise<Set<string>> => {
  const result = await runGuidedCampaign(env, recorder as BranchRecorder, { seed, runs, depth, probesPerStep: 2 });
  if (result.failure !== undefined) throw new Error(`a failure on the shipped contracts: ${result.failure.failure.id}`);
  return new Set([...result.firstHit.keys()].filter((f) => !f.includes('(creation)')));
};
const count = (features: Set<string>) => {
  const branches = [...features].filter((f) => f.startsWith('b:')).length;
  return `${branches} branch directions, ${features.size - branches} model features`;
};
const started = performance.now();
const all = await reached();
process.stdout.write(`all aims on: ${count(all)} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
for (const aim of aims) {
  AIMS[aim] = false;
  const t = performance.now();
  const without = await reached();
  AIMS[aim] = true;
  const lost = [...all].filter((f) => !without.has(f));
  const gained = [...without].filter((f) => !all.has(f));
  process.stdout.write(
    `without ${aim}: ${count(without)} (${((performance.now() - t) / 1000).toFixed(0)} s); only with it: ${lost.length} [${lost.join(' ')}]; only without it: ${gained.length}\n`,
  );
}
