import { claimOutput, EXIT_OUTPUT_LOST } from '../io/output.ts';
import { formatMergedGuided, mergeGuided } from '../parallel/guided-merge.ts';
import { type Merged, mergeSummaries } from '../parallel/merge.ts';
import { readSummaryFile, writeSummaryFile } from '../parallel/summary-file.ts';
import { formatCounts, summaryJson } from '../runner/summary.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';

export const mergeSummariesSpec: CommandSpec = {
  name: 'merge-summaries',
  summary: "add up the summaries of a sharded campaign's shards (a CI matrix of cliffless fuzz --shard i/n)",
  usage: 'cliffless merge-summaries <summary.json>... [--out merged.json] [--allow-missing]',
  positionals: ['summary.json'],
  variadic: true,
  flags: [
    { name: 'out', type: 'string', description: 'Also write the merged summary as JSON to this file (must not exist)' },
    { name: 'force', needs: ['out'], type: 'boolean', description: 'Let --out replace an existing file' },
    {
      name: 'allow-missing',
      type: 'boolean',
      description: 'Merge even if some shards have no summary (exit 0, not 2)',
    },
  ],
  examples: [
    'npx cliffless fuzz --runs 3000 --shard 0/3 --summary-json s0.json   # on each machine, i = 0, 1, 2',
    'npx cliffless merge-summaries s0.json s1.json s2.json --out campaign.json',
  ],
};

/**
 * `cliffless merge-summaries`: exit 0 when every shard is there and none failed, 1 when one failed
 * (the campaign's failure is the failing run with the smallest index), 2 when the summaries are
 * not distinct shards of one campaign (or mix guided lanes with open-loop shards), or a shard is
 * missing (without --allow-missing). Guided lanes' coverage, first hits and corpus are merged too
 * (fuzz/parallel/guided-merge.ts).
 */
export async function mergeSummariesCommand(args: ParsedArgs): Promise<number> {
  const out =
    args.flags.out === undefined
      ? undefined
      : claimOutput('out', args.flags.out as string, { force: args.flags.force === true });
  const files = args.positionals.map(readSummaryFile);
  const merged = mergeSummaries(files);
  // Guided lanes and open-loop shards are refused together; lanes' guided fields are merged.
  const guided = mergeGuided(files);
  process.stdout.write(`${formatMerged(merged)}\n`);
  if (guided !== undefined) process.stdout.write(`\n${formatMergedGuided(guided)}\n`);
  const document = { ...mergedDocument(merged), ...(guided === undefined ? {} : { guided }) };
  const lost = out !== undefined && writeSummaryFile(out, document).lost !== undefined ? EXIT_OUTPUT_LOST : 0;
  if (merged.failure !== undefined) return 1 | lost;
  if (merged.missing.length > 0 && args.flags['allow-missing'] !== true) {
    process.stderr.write(
      `cliffless merge-summaries: missing ${merged.missing.map((i) => `${i}/${merged.count}`).join(', ')}; ` +
        'pass --allow-missing to accept a partial campaign\n',
    );
    return 2;
  }
  return lost;
}

/** The merged summary as text: the campaign, its shards, the counts, the failure. */
export function formatMerged(merged: Merged): string {
  const c = merged.campaign;
  const runs = c.runs === Number.MAX_SAFE_INTEGER ? 'runs until a time budget' : `${c.runs} runs`;
  const shards = merged.shards.map(
    (s) => `${s.index}/${merged.count} (${s.runs} runs${s.complete ? '' : ', stopped early'})`,
  );
  const lines = [
    `merged ${merged.shards.length} of ${merged.count} shards: seed ${c.seed}, ${runs}, depth ${c.depth}, ${c.actors} actors, ` +
      `contracts ${c.contracts.slice(0, 12)}`,
    `shards: ${shards.join(', ')}`,
  ];
  if (merged.missing.length > 0) {
    lines.push(`MISSING shards: ${merged.missing.map((i) => `${i}/${merged.count}`).join(', ')}`);
  }
  const s = merged.stats;
  lines.push('', `${s.runs} runs, ${s.actions} actions, ${s.failures} failing run(s)`, '', formatCounts(s), '');
  const failing = merged.shards.filter((shard) => shard.failure !== null);
  if (merged.failure === undefined) {
    lines.push(merged.missing.length > 0 ? 'no failure found in the shards given' : 'no failure found');
    return lines.join('\n');
  }
  const f = merged.failure;
  lines.push(
    `FAILURE: run ${f.run} (shard ${f.shard}/${merged.count}), ${f.kind} ${f.id} at step ${f.step} of ${f.actions} ` +
      `(shrunk from ${f.shrunkFrom}): ${f.message}`,
    `  trace ${f.trace} in shard ${f.shard}/${merged.count}'s --out folder; replay with: npx cliffless replay <that file>`,
  );
  for (const shard of failing) {
    const other = shard.failure;
    if (other === null || shard.index === f.shard) continue;
    lines.push(
      `  also failed: run ${other.run} (shard ${shard.index}/${merged.count}), ${other.kind} ${other.id}, trace ${other.trace}`,
    );
  }
  return lines.join('\n');
}

/** The merged summary as JSON: the summed counts, the campaign, every shard's part and the failure. */
export function mergedDocument(merged: Merged): object {
  return {
    ...summaryJson(merged.stats, merged.campaign.seed),
    campaign: {
      ...merged.campaign,
      shards: merged.shards.map((s) => ({ ...s, shard: `${s.index}/${merged.count}` })),
      missing: merged.missing.map((i) => `${i}/${merged.count}`),
      complete: merged.missing.length === 0 && merged.shards.every((s) => s.complete),
      failure: merged.failure ?? null,
    },
  };
}
