/**
 * `cliffless audit` open-loop against directed on a small behavioural change whose new branch is
 * hard to reach (bench, not a test): `npx tsx bench/audit-directed.ts [runs] [depth] [seed]
 * [open|directed]`. The new version is the shipped contracts with the guided test's narrow merge
 * change (test/guide/support.ts: merge's accounting is off by one only when the receiver is not the
 * caller and the amount is one below the series' locked collateral), built here, never shipped.
 * Each mode audits it against the shipped contracts and stops at the first reported difference:
 * printed are the run it was found in, the actions and seconds until then, and how many of the
 * changed line's branch directions were reached. Without a mode, both run, one after the other.
 */
import { runAudit } from '../fuzz/audit/audit.ts';
import { changedLines } from '../fuzz/audit/changed-lines.ts';
import { prepareAudit } from '../fuzz/audit/sides.ts';
import { BranchRecorder } from '../fuzz/guide/branch-recorder.ts';
import { branchTarget, formatTargetReach } from '../fuzz/guide/target.ts';
import { brokenArtifacts, shippedArtifacts, WORLD } from '../test/fuzz/support.ts';
import { NARROW_MERGE } from '../test/guide/support.ts';
import { machineInfo } from './machine.ts';

const [runs, depth, seed] = [2, 3, 4].map((i, n) => Number(process.argv[i] ?? [400, 40, 1][n])) as [
  number,
  number,
  number,
];
const modes = process.argv[5] === undefined ? ['open', 'directed'] : [process.argv[5]];
const base = shippedArtifacts();
const next = brokenArtifacts(...NARROW_MERGE);
const target = branchTarget(next, changedLines(base, next));
let recorder: BranchRecorder | undefined;
const env = await prepareAudit(
  { base, new: next },
  WORLD,
  { base: 'shipped', new: 'narrow merge' },
  {
    onNewChain: (chain) => {
      recorder = new BranchRecorder(chain.evm, next);
    },
  },
);
if (recorder === undefined) throw new Error('no recorder');
const start = machineInfo();
process.stdout.write(
  `audit bench: seed ${seed}, up to ${runs} runs of depth ${depth}; ${start.date}, load ${start.load.map((l) => l.toFixed(2)).join(' ')}\n` +
    `changed: ${target.lines.map((l) => `${l.unit}:${l.line} ${l.text}`).join('; ')} (${target.directions.length} directions, ${target.near.length} in its function)\n`,
);
for (const mode of modes) {
  const stop = new AbortController();
  const started = performance.now();
  let found: { run: number; seconds: number } | undefined;
  const result = await runAudit(env, {
    seed,
    runs,
    depth,
    signal: stop.signal,
    target: { target, recorder, guided: mode === 'directed' },
    onRun: (done, differences) => {
      if (differences > 0 && found === undefined) {
        found = { run: done - 1, seconds: (performance.now() - started) / 1000 };
        stop.abort();
      }
    },
  });
  const end = machineInfo();
  process.stdout.write(
    `${mode}: ${found === undefined ? `no difference in ${result.runs} runs` : `first difference in run ${found.run}, after ${result.actions} actions and ${found.seconds.toFixed(1)} s`}` +
      ` (${result.groups.map((g) => g.key).join(', ') || 'none'}); ${result.reach === undefined ? '' : formatTargetReach(result.reach)}; ended ${end.date}, load ${end.load.map((l) => l.toFixed(2)).join(' ')}\n`,
  );
}
recorder.detach();
