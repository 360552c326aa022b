import { type Column, textRow } from '../cli/kit/table.ts';
import type { GuidedResult } from './campaign.ts';

/** A contract's name, then its directions reached, lined up on the last digit. */
const DIRECTIONS: readonly Column[] = [{ width: 48 }, { width: 4, align: 'right' }];

/**
 * The guided part of a campaign's summary: branch directions reached of all, per contract, and how
 * that grew epoch by epoch; the corpus (loaded, added, stale entries); how runs were made; and the
 * run each branch direction was first reached in (the last few, which the campaign found latest).
 */
export function formatGuidedSummary(result: GuidedResult, totals: ReadonlyMap<string, number>, latest = 8): string {
  const hits = new Map<string, number>();
  for (const feature of result.firstHit.keys()) {
    if (!feature.startsWith('b:')) continue;
    const contract = feature.slice(2, feature.lastIndexOf('@'));
    hits.set(contract, (hits.get(contract) ?? 0) + 1);
  }
  const lines = ['branch directions reached (runtime code, per contract):'];
  for (const [contract, total] of totals) {
    const hit = hits.get(contract) ?? 0;
    if (hit === 0 && !contract.startsWith('contracts/')) continue;
    lines.push(
      `  ${textRow(DIRECTIONS, [contract, String(hit)], ' ')} / ${total}  (${((100 * hit) / total).toFixed(1)}%)`,
    );
  }
  const creation = [...hits].filter(([c]) => c.endsWith('(creation)')).reduce((n, [, h]) => n + h, 0);
  if (creation > 0) lines.push(`  (and ${creation} directions in constructors)`);
  lines.push(`growth (runs: directions): ${result.growth.map(([runs, n]) => `${runs}: ${n}`).join(', ')}`);
  const loaded = result.corpus.length - result.addedCount;
  const modelFeatures = [...result.firstHit.keys()].filter((f) => !f.startsWith('b:')).length;
  lines.push(
    `corpus: ${result.corpus.length} entries (${loaded} loaded and still reaching something, ${result.addedCount} added); ${modelFeatures} model features (outcomes, relations, phases)`,
  );
  for (const s of result.stale)
    lines.push(`  stale entry ${s.file}: ${s.reason} (${s.kept ? 'kept for what it still reaches' : 'dropped'})`);
  const origins = Object.entries(result.origins)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  lines.push(`runs by input: ${origins || 'none'}`);
  const late = [...result.firstHit]
    .filter(([f, run]) => f.startsWith('b:') && run >= 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, latest);
  if (late.length > 0) {
    lines.push('latest first hits (run: branch direction):');
    for (const [f, run] of late) lines.push(`  ${run}: ${f.slice(2)}`);
  }
  return lines.join('\n');
}
