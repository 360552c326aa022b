import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileForCli } from '../compile/for-cli.ts';
import { UsageError } from '../errors.ts';
import { BranchRecorder } from '../guide/branch-recorder.ts';
import { runGuidedCampaign } from '../guide/campaign.ts';
import { readCorpus, writeCorpus } from '../guide/corpus-files.ts';
import { claimOutput, writeIntoFolder } from '../io/output.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { stringifyTrace } from '../trace/serialize.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';

export const corpusSpec: CommandSpec = {
  name: 'corpus',
  summary: 'merge the corpus folders of shards, or keep the fewest entries reaching the same features',
  usage: 'cliffless corpus merge|min <out> <corpus>...',
  positionals: ['merge|min', 'out', 'corpus'],
  variadic: true,
  flags: [
    { name: 'actors', type: 'int', min: 1, default: '4', description: 'Actors of the corpus world' },
    {
      name: 'contracts',
      type: 'string',
      description: 'With min: contracts folder to replay on instead of ./contracts',
    },
  ],
  examples: [
    'npx cliffless corpus merge corpus shard-0 shard-1 shard-2  # every distinct entry, into corpus/',
    'npx cliffless corpus min corpus-min corpus                 # replay; keep entries that add a feature',
  ],
};

/**
 * `cliffless corpus merge OUT DIR...`: copies every distinct entry of the folders into OUT (by
 * content: the same entry from two shards is one file), never over a file. `min` replays the
 * entries (in the order a campaign loads them: fuzz/guide/corpus-order.ts) with every check and writes only
 * those that reached a feature no earlier entry reached: the same features with fewer entries.
 */
export async function corpusCommand(args: ParsedArgs): Promise<number> {
  const [action, out, ...dirs] = args.positionals as [string, string, ...string[]];
  if (action !== 'merge' && action !== 'min')
    throw new UsageError(`corpus: expected merge or min, got "${action}"`, 'corpus');
  for (const dir of dirs) if (!existsSync(dir)) throw new UsageError(`corpus: ${dir} does not exist`, 'corpus');
  const world = { actors: (args.flags.actors as number | undefined) ?? 4, approvals: true };
  const claim = claimOutput('out', out, { kind: 'folder' });
  const files = dirs.flatMap((dir) => readCorpus(dir, world));
  if (action === 'merge') {
    let written = 0;
    const seen = new Set<string>();
    for (const { trace } of files) {
      const text = stringifyTrace(trace);
      if (seen.has(text)) continue;
      seen.add(text);
      const name = `entry-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
      const target = join(claim.absolute, name);
      if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
      writeIntoFolder(claim, name, text);
      written++;
    }
    process.stdout.write(
      `corpus merge: ${files.length} entries read, ${seen.size} distinct, ${written} new file(s) in ${out}\n`,
    );
    return 0;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const artifacts = compileForCli(args.flags.contracts as string | undefined, log);
  let recorder: BranchRecorder | undefined;
  const env = await prepareEnvironment(artifacts, world, {
    onChain: (chain) => {
      recorder = new BranchRecorder(chain.evm, artifacts);
    },
  });
  if (recorder === undefined) throw new Error('internal: the branch recorder was never attached');
  const result = await runGuidedCampaign(env, recorder, {
    seed: 0,
    runs: 0,
    depth: 0,
    probesPerStep: 2,
    corpus: files,
  });
  if (result.failure !== undefined) {
    process.stdout.write(`corpus min: replaying ${result.failureFile} fails a check: run \`cliffless replay\` on it\n`);
    return 1;
  }
  const written = writeCorpus(claim, result.corpus, env.setup, world);
  for (const s of result.stale)
    process.stdout.write(`stale entry ${s.file}: ${s.reason} (${s.kept ? 'kept' : 'dropped'})\n`);
  process.stdout.write(
    `corpus min: ${files.length} entries replayed; ${result.corpus.length} of them reach the same ${result.firstHit.size} features; ${written.length} new file(s) in ${out}\n`,
  );
  return 0;
}
