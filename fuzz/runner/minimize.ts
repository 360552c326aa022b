import type { Action } from '../../reference/action.ts';
import { ACTION_FIELDS } from '../trace/fields.ts';

/** Counts replays so every shrinking phase shares one budget. */
export class ShrinkBudget {
  used = 0;
  constructor(readonly limit: number) {}
  get exhausted(): boolean {
    return this.used >= this.limit;
  }
}

/**
 * Delta debugging (Zeller's ddmin) over a list: removes chunks, then single items, while
 * `stillFails` holds, and returns a list from which no single item can be removed (or what it had
 * when the budget ran out). Used first on the generator's steps, then on the concrete actions,
 * whose meaning no longer changes when an earlier one is removed.
 */
export async function minimizeList<T>(
  items: readonly T[],
  stillFails: (candidate: T[]) => Promise<boolean>,
  budget: ShrinkBudget,
): Promise<T[]> {
  let current = [...items];
  let granularity = 2;
  while (current.length >= 2 && !budget.exhausted) {
    const chunk = Math.ceil(current.length / granularity);
    let reduced = false;
    for (let start = 0; start < current.length && !budget.exhausted; start += chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (candidate.length === 0) continue;
      budget.used++;
      if (await stillFails(candidate)) {
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

/** Smaller values worth trying in place of `value`, simplest first. */
function simpler(value: bigint): bigint[] {
  const out = new Set<bigint>([0n, 1n]);
  // The value rounded down to one significant digit, then halved: readable and much smaller.
  const digits = value.toString().length;
  if (digits > 1) out.add(BigInt(value.toString().charAt(0)) * 10n ** BigInt(digits - 1));
  out.add(value / 2n);
  return [...out].filter((v) => v < value);
}

/**
 * Makes the amounts of a failing action list smaller and rounder while it still fails the same
 * way: a trace that says "split 1000" reads better than one that says "split 783412983".
 * Addresses, series and time warps are left alone (a warp's length is what reaches a boundary).
 */
export async function simplifyValues(
  actions: readonly Action[],
  stillFails: (candidate: Action[]) => Promise<boolean>,
  budget: ShrinkBudget,
): Promise<Action[]> {
  const current = [...actions];
  // Passes repeat until one changes nothing: shrinking a later amount (a redeem) can let an earlier
  // one (the split that funded it) shrink too.
  for (let changedInPass = true; changedInPass && !budget.exhausted; ) {
    changedInPass = false;
    for (let i = 0; i < current.length && !budget.exhausted; i++) {
      changedInPass = (await simplifyAction(current, i, stillFails, budget)) || changedInPass;
    }
  }
  return current;
}

/** Tries simpler values for each uint field of `current[i]`, keeping the first that still fails. */
async function simplifyAction(
  current: Action[],
  i: number,
  stillFails: (candidate: Action[]) => Promise<boolean>,
  budget: ShrinkBudget,
): Promise<boolean> {
  let changedAny = false;
  const action = current[i] as Action;
  if (action.kind === 'warp') return false;
  for (const [field, type] of Object.entries(ACTION_FIELDS[action.kind])) {
    if (type !== 'uint') continue;
    for (const candidate of simpler((current[i] as unknown as Record<string, bigint>)[field] as bigint)) {
      if (budget.exhausted) break;
      const changed = { ...(current[i] as Action), [field]: candidate } as Action;
      budget.used++;
      if (await stillFails([...current.slice(0, i), changed, ...current.slice(i + 1)])) {
        current[i] = changed;
        changedAny = true;
        break;
      }
    }
  }
  return changedAny;
}

/**
 * Joins adjacent warps into one (`warp 3599` then `warp 4` becomes `warp 3603`) while the failure
 * persists: time is what matters, not how many hops reached it.
 */
export async function mergeWarps(
  actions: readonly Action[],
  stillFails: (candidate: Action[]) => Promise<boolean>,
  budget: ShrinkBudget,
): Promise<Action[]> {
  let current = [...actions];
  for (let i = 0; i + 1 < current.length && !budget.exhausted; ) {
    const [a, b] = [current[i] as Action, current[i + 1] as Action];
    if (a.kind === 'warp' && b.kind === 'warp') {
      const joined: Action = { kind: 'warp', seconds: a.seconds + b.seconds };
      const candidate = [...current.slice(0, i), joined, ...current.slice(i + 2)];
      budget.used++;
      if (await stillFails(candidate)) {
        current = candidate;
        continue;
      }
    }
    i++;
  }
  return current;
}
