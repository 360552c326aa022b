/**
 * Is a kept corpus one lean away from the narrow merge bug? (bench, not a test): `npx tsx
 * bench/corpus-probe.ts DIR` replays every merge step of every corpus file in DIR with each edge
 * and relate lean (picks 0–15) on that step, on the contracts with test/guide/support.ts's narrow
 * merge bug, and prints which leans fail a check. DIR is a corpus folder, such as the one
 * bench/corpus-pays.ts writes.
 */
import { readCorpus } from '../fuzz/guide/corpus-files.ts';
import { runInput } from '../fuzz/guide/run-input.ts';
import { checksFor } from '../fuzz/runner/environment.ts';
import { brokenArtifacts, WORLD } from '../test/fuzz/support.ts';
import { guidedEnvironment, NARROW_MERGE } from '../test/guide/support.ts';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: npx tsx bench/corpus-probe.ts DIR');
const { env, recorder } = await guidedEnvironment(brokenArtifacts(...NARROW_MERGE));
for (const { file, trace } of readCorpus(dir, WORLD)) {
  for (const [step, action] of trace.actions.entries()) {
    if (action.kind !== 'merge') continue;
    // The leaned step and those after it carry no expectation, as in a mutated input.
    const prefix = trace.actions.map((a, i) => (i < step ? a : { kind: a.kind, fields: a.fields }));
    const failing: string[] = [];
    for (const mode of ['edge', 'relate'] as const) {
      for (let pick = 0; pick < 16; pick++) {
        const checks = checksFor(env, { probesPerStep: 1 });
        const run = await runInput(env, recorder, checks, { prefix, words: [], prefixLeans: [{ step, mode, pick }] });
        if (run.failure !== undefined) failing.push(`${mode} ${pick}: ${run.failure.id}`);
      }
    }
    process.stdout.write(
      `${file}: merge at step ${step} (${JSON.stringify(action.fields)}): ${failing.join(', ') || 'no lean fails'}\n`,
    );
  }
}
