/**
 * Does a kept corpus make the next campaign find the narrow merge bug sooner? (bench, not a test):
 * `npx tsx bench/corpus-pays.ts [runs] [depth] [seedA] [seedsB, comma-separated]`. Campaign A (seed
 * A) runs on the contracts with test/guide/support.ts's narrow merge bug and writes its corpus;
 * campaign B runs each seed B with that corpus and without it. Prints the first failing run of each
 * (or none) and how B's runs were made.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GuidedOptions, runGuidedCampaign } from '../fuzz/guide/campaign.ts';
import { readCorpus, writeCorpus } from '../fuzz/guide/corpus-files.ts';
import { claimOutput } from '../fuzz/io/output.ts';
import { brokenArtifacts, WORLD } from '../test/fuzz/support.ts';
import { guidedEnvironment, NARROW_MERGE } from '../test/guide/support.ts';

const runs = Number(process.argv[2] ?? 40);
const depth = Number(process.argv[3] ?? 16);
const seedA = Number(process.argv[4] ?? 1);
const seedsB = (process.argv[5] ?? '2,3,4').split(',').map(Number);
const { env, recorder } = await guidedEnvironment(brokenArtifacts(...NARROW_MERGE));
const budget = (seed: number): GuidedOptions => ({ seed, runs, depth, epoch: 8, probesPerStep: 1, shrinkBudget: 1 });
const a = await runGuidedCampaign(env, recorder, budget(seedA));
const dir = mkdtempSync(join(tmpdir(), 'cliffless-corpus-pays-'));
writeCorpus(claimOutput('corpus', dir, { kind: 'folder' }), a.corpus, env.setup, WORLD);
const corpus = readCorpus(dir, WORLD);
process.stdout.write(
  `A seed ${seedA}: ${a.runsDone} runs, failure at run ${a.failure?.run ?? 'none'}, corpus ${corpus.length} files in ${dir}\n`,
);
for (const seed of seedsB) {
  for (const withCorpus of [true, false]) {
    const b = await runGuidedCampaign(env, recorder, { ...budget(seed), ...(withCorpus ? { corpus } : {}) });
    const origins = Object.entries(b.origins)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    process.stdout.write(
      `B seed ${seed} ${withCorpus ? 'with' : 'without'} corpus: failure at run ${b.failure?.run ?? 'none'} (${b.runsDone} runs; corpus ${b.corpus.length}, loaded ${b.corpus.length - b.addedCount}; ${origins})\n`,
    );
  }
}
