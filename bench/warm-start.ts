/**
 * What do warm starts buy? (bench, not a test): `npx tsx bench/warm-start.ts [runs] [depth] [seed]
 * [rounds]`, default the README's main command's budget (100 runs, depth 100, seed 1, probes 2) and
 * 2 rounds. Runs the same guided campaign on the shipped contracts with warm starts on and off, in
 * alternating order, `rounds` times each, and reports per campaign: runs and actions (the summary's
 * count, which includes the steps a warm start skipped: they count as the parent's run recorded
 * them), the steps actually executed, CPU seconds of this process (`process.cpuUsage`, user +
 * system: the machine is shared, so wall time measures the neighbours), runs and actions per CPU
 * second, the runs that had a parent run of the campaign and how many of them started warm, and the
 * largest JS heap in use seen after a run (`process.memoryUsage().heapUsed`, snapshots included;
 * they are dropped when the campaign ends). It also checks that both give the same result (corpus, counters).
 */
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { type GuidedResult, runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { warmCounts } from '../fuzz/guide/warm-start.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { shippedArtifacts, WORLD } from '../test/fuzz/support.ts';

const [runs, depth, seed, rounds] = [2, 3, 4, 5].map((i, n) => Number(process.argv[i] ?? [100, 100, 1, 2][n])) as [
  number,
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
const branchRecorder = recorder;
const options = { seed, runs, depth, probesPerStep: 2 };

/** What must not depend on warm starts: the corpus (inputs, steps, features) and the counters. */
const fingerprint = (result: GuidedResult) =>
  JSON.stringify(
    {
      corpus: result.corpus.map((e) => ({ input: e.input, steps: e.steps, added: e.added })),
      actions: result.stats.actions,
      calls: [...result.stats.calls],
      checks: [...result.stats.checks],
      growth: result.growth,
    },
    (_, v) => (typeof v === 'bigint' ? `${v}` : v),
  );

const fingerprints = new Set<string>();
const rows: string[] = [];
for (let round = 1; round <= rounds; round++) {
  for (const warm of round % 2 === 1 ? [true, false] : [false, true]) {
    const counts = { ...warmCounts };
    const cpu = process.cpuUsage();
    const wall = performance.now();
    let heap = 0;
    const result = await runGuidedCampaign(env, branchRecorder, {
      ...options,
      warmStarts: warm,
      onRun: () => {
        heap = Math.max(heap, process.memoryUsage().heapUsed);
      },
    });
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const wallSeconds = (performance.now() - wall) / 1000;
    const skipped = warmCounts.skippedSteps - counts.skippedSteps;
    const executed = result.stats.actions - skipped;
    fingerprints.add(fingerprint(result));
    rows.push(
      `| ${round} | ${warm ? 'on ' : 'off'} | ${result.stats.runs} | ${result.stats.actions} | ${executed} | ` +
        `${warmCounts.started - counts.started}/${warmCounts.planned - counts.planned} | ${cpuSeconds.toFixed(1)} | ` +
        `${wallSeconds.toFixed(1)} | ${(result.stats.runs / cpuSeconds).toFixed(2)} | ${(result.stats.actions / cpuSeconds).toFixed(0)} | ` +
        `${(heap / 2 ** 20).toFixed(0)} |`,
    );
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
}
process.stdout.write(
  `${runs} runs, depth ${depth}, seed ${seed}, probes 2; warm starts on and off, alternating\n\n` +
    '| round | warm | runs | actions | executed | warm/with parent | CPU s | wall s | runs per CPU s | actions per CPU s | peak heap MB |\n' +
    '|-------|------|-----:|--------:|---------:|-----------------:|------:|-------:|---------------:|------------------:|-------------:|\n' +
    `${rows.join('\n')}\n\n` +
    (fingerprints.size === 1
      ? 'the same corpus and counters in every campaign\n'
      : `DIFFERENT results: ${fingerprints.size} distinct\n`),
);
if (fingerprints.size !== 1) process.exitCode = 1;
