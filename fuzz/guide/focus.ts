import type { ExecutedStep } from '../runner/run-sequence.ts';

/**
 * Where to lean a corpus entry: the steps whose kind of action reached a model feature no earlier
 * input had (`r:merge:to≠caller&pairs~locked:at` names a merge). An entry is kept for what it found
 * first, so the step that found it is the one worth moving to the edges of the state: a merge first
 * paid to another account by a caller holding every locked pair is one lean (amount to `locked − 1`)
 * from a guard that misbehaves only there. A step drawn among all of the entry's (most are setup:
 * series created, approvals, splits) rarely is that one.
 */

/** Switched off only by benches measuring what focusing adds (bench/pairs.ts); on in every campaign. */
export const FOCUS = { on: true };

/**
 * The indices of `steps` (prefix included) whose action kind is named by one of `added`'s
 * relation or outcome features (`r:<kind>:…`, `o:<kind>:…`), in step order; empty when none is (an
 * entry kept for branch directions or phases only) or when focusing is off.
 */
export function focusSteps(steps: readonly ExecutedStep[], added: readonly string[]): number[] {
  if (!FOCUS.on) return [];
  const kinds = new Set<string>();
  for (const f of added) {
    if (f.startsWith('r:') || f.startsWith('o:')) kinds.add(f.slice(2, f.indexOf(':', 2)));
  }
  const out: number[] = [];
  for (const [i, step] of steps.entries()) if (kinds.has(step.action.kind)) out.push(i);
  return out;
}
