import type { Action } from '../../reference/action.ts';

/**
 * Delta debugging (Zeller's ddmin) over a concrete action list: removes chunks, then single
 * actions, while `stillFails` holds, and returns a list from which no single action can be
 * removed. fast-check shrinks the generator's choices first; this pass then removes actions whose
 * meaning would change under re-interpretation (approvals, warps, unrelated transfers), so a trace
 * keeps only what the failure needs. `budget` caps the number of replays.
 */
export async function minimizeActions(
  actions: Action[],
  stillFails: (candidate: Action[]) => Promise<boolean>,
  budget = 400,
): Promise<Action[]> {
  let current = actions;
  let granularity = 2;
  let tries = 0;
  while (current.length >= 2 && tries < budget) {
    const chunk = Math.ceil(current.length / granularity);
    let reduced = false;
    for (let start = 0; start < current.length && tries < budget; start += chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      tries++;
      if (candidate.length > 0 && (await stillFails(candidate))) {
        current = candidate;
        granularity = Math.max(granularity - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunk === 1) break;
      granularity = Math.min(granularity * 2, current.length);
    }
  }
  return current;
}
