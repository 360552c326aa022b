import type { GuidedResult } from './campaign.ts';

/**
 * The guided part of a campaign's summary JSON (beside the open-loop fields, which keep their
 * shape): branch directions reached of all per contract (runtime code; constructors apart), growth
 * per epoch, the corpus, how runs were made, and every feature's first-hit run (-1: reached by the
 * loaded corpus), sorted by feature. No timings: the same campaign gives the same bytes.
 */
export function guidedSummaryJson(
  result: GuidedResult,
  totals: ReadonlyMap<string, number>,
  epoch: number,
): Record<string, unknown> {
  const hits = new Map<string, number>();
  for (const feature of result.firstHit.keys()) {
    if (!feature.startsWith('b:')) continue;
    const contract = feature.slice(2, feature.lastIndexOf('@'));
    hits.set(contract, (hits.get(contract) ?? 0) + 1);
  }
  const branches = Object.fromEntries(
    [...totals].map(([contract, total]) => [contract, { reached: hits.get(contract) ?? 0, total }]),
  );
  const constructorDirections = [...hits].filter(([c]) => c.endsWith('(creation)')).reduce((n, [, h]) => n + h, 0);
  const features = [...result.firstHit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    epoch,
    branches,
    constructorDirections,
    growth: result.growth,
    corpus: {
      size: result.corpus.length,
      loaded: result.corpus.length - result.addedCount,
      added: result.addedCount,
      stale: result.stale,
    },
    modelFeatures: features.filter(([f]) => !f.startsWith('b:')).length,
    origins: result.origins,
    ...(result.failureFile === undefined ? {} : { failureFile: result.failureFile }),
    firstHit: Object.fromEntries(features),
  };
}
