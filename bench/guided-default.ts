/**
 * Should `cliffless fuzz` be guided by default? (bench, not a test): `npx tsx bench/guided-default.ts
 * [runs] [depth] [seed] [rounds]`, default the README's main command (100 runs, depth 100, seed 1)
 * and 2 rounds. Measures on the shipped contracts:
 * - coverage: runtime branch directions reached at the end, open-loop against guided, and the run at
 *   which each first reached the open-loop campaign's final count (the open-loop campaign runs once
 *   more with a branch recorder attached, to count its directions run by run);
 * - speed: actions per CPU second (process.cpuUsage, user + system, of this process: the machine is
 *   shared, so wall time measures the neighbours) of the guided campaign against the plain open-loop
 *   one with no recorder attached, in alternating order, `rounds` times each.
 */
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { runCampaign } from '../fuzz/runner/campaign.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { shippedArtifacts, WORLD } from '../test/fuzz/support.ts';

const [runs, depth, seed, rounds] = [2, 3, 4, 5].map((i, n) => Number(process.argv[i] ?? [100, 100, 1, 2][n])) as [
  number,
  number,
  number,
  number,
];
const artifacts = shippedArtifacts();
const plain = await prepareEnvironment(artifacts, WORLD);
let recorder: BranchRecorder | undefined;
const recorded = await prepareEnvironment(artifacts, WORLD, {
  onChain: (chain) => {
    recorder = new BranchRecorder(chain.evm, artifacts);
  },
});
if (recorder === undefined) throw new Error('no recorder');
const branchRecorder = recorder;
const options = { seed, runs, depth, probesPerStep: 2 };
const runtime = (f: string) => f.startsWith('b:') && !f.includes('(creation)');
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

// Coverage, open-loop: the directions reached after each run (runs go in order on this thread).
const openSeen = new Set<string>();
const openAfter: number[] = [];
branchRecorder.takeRun();
await runCampaign(recorded, {
  ...options,
  onRun: () => {
    for (const f of branchRecorder.takeRun()) if (runtime(f)) openSeen.add(f);
    openAfter.push(openSeen.size);
  },
});
const openFinal = openSeen.size;
const openReach = openAfter.findIndex((n) => n >= openFinal);

const rates: string[] = [];
let guidedFinal = 0;
let guidedReach: number | undefined;
for (let round = 1; round <= rounds; round++) {
  for (const mode of round % 2 === 1 ? ['open', 'guided'] : ['guided', 'open']) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    let actions: number;
    if (mode === 'open') actions = (await runCampaign(plain, options)).stats.actions;
    else {
      const result = await runGuidedCampaign(recorded, branchRecorder, options);
      actions = result.stats.actions;
      const byRun = [...result.firstHit]
        .filter(([f]) => runtime(f))
        .map(([, run]) => run)
        .sort((a, b) => a - b);
      guidedFinal = byRun.length;
      guidedReach = byRun[openFinal - 1];
    }
    const seconds = cpuSeconds(cpu);
    const row = `round ${round} ${mode === 'open' ? 'open-loop (no recorder)' : 'guided'}: ${actions} actions, ${seconds.toFixed(1)} CPU s (${((performance.now() - wall) / 1000).toFixed(1)} wall s), ${Math.round(actions / seconds)} actions per CPU second`;
    rates.push(row);
    process.stdout.write(`${row}\n`);
  }
}
process.stdout.write(
  `runtime branch directions after ${runs} runs: open-loop ${openFinal} (first reached at run ${openReach}), guided ${guidedFinal}` +
    ` (reached ${openFinal} at run ${guidedReach ?? 'never'})\n`,
);
