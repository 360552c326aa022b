import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import type { Draw } from '../generate/chooser.ts';
import { interpretStep, interpretStepDrawn } from '../generate/interpret.ts';
import { thresholdsOf } from './model-features.ts';

/**
 * Mutations that lean a step towards the edges of the state it runs in. They are chosen when the
 * input is mutated but resolved only when the run reaches that step, since the thresholds (a
 * balance, the locked collateral, the bond to beat) and the earlier steps exist only then:
 * - `edge`: one amount of the step's action set to a threshold of the state, one below or one above;
 * - `relate`: a value copied from an earlier step of the run: an amount it moved, or the caller set
 *   to an earlier receiver (and the receiver to an earlier caller).
 * Resolution rewrites only the step's words and asks the interpreter (fuzz/generate/interpret.ts,
 * the one place that maps words to actions) what they now mean, so the result is still an ordinary
 * list of words and replays without this module.
 */
export interface Lean {
  /** Index into the input's `words` (not counting the prefix). */
  step: number;
  mode: 'edge' | 'relate';
  /** Chooses among the targets the state offers (`pick % targets`), drawn when mutating. */
  pick: number;
}

/** A field of the action and the value it should take. */
interface Target {
  field: string;
  value: bigint | string;
}

/** Amount fields that relations copy between steps. */
const AMOUNT_FIELDS = ['amount', 'pAmount', 'nAmount', 'bond'];

/** Interpretations tried per lean at most: each costs one `interpretStep`. */
const MAX_TRIES = 400;

/** The largest choice count whose every option is tried (the kind draw is never changed). */
const MAX_CHOICES = 100;

const fieldOf = (action: Action, field: string): unknown => (action as unknown as Record<string, unknown>)[field];

/**
 * The values `mode` may set in `action`, in a stable order. For `relate`, `pick`'s low bit prefers
 * the amounts the caller itself received from someone else (a transfer, a split or merge paid to
 * it): the relation most guards get wrong, and a needle among every amount a long run moved.
 */
function targetsFor(lean: Lean, action: Action, state: ObservedState, earlier: readonly Action[]): Target[] {
  const out: Target[] = [];
  if (lean.mode === 'edge') {
    for (const t of thresholdsOf(action, state)) {
      for (const d of [0n, -1n, 1n]) if (t.value + d >= 0n) out.push({ field: t.field, value: t.value + d });
    }
    return out;
  }
  const received: Target[] = [];
  const own = AMOUNT_FIELDS.filter((f) => typeof fieldOf(action, f) === 'bigint');
  const caller = 'caller' in action ? action.caller : undefined;
  for (const e of earlier) {
    const receiver = fieldOf(e, 'to');
    const toCaller = receiver === caller && 'caller' in e && e.caller !== caller;
    for (const from of AMOUNT_FIELDS) {
      const moved = fieldOf(e, from);
      if (typeof moved !== 'bigint' || moved === 0n) continue;
      for (const field of own) (toCaller ? received : out).push({ field, value: moved });
    }
    if (typeof receiver === 'string' && caller !== undefined) out.push({ field: 'caller', value: receiver });
    if ('caller' in e && typeof fieldOf(action, 'to') === 'string') out.push({ field: 'to', value: e.caller });
  }
  return lean.pick % 2 === 0 && received.length > 0 ? received : [...received, ...out];
}

/** Words that make `upTo` draw `value` (two words, high then low); none past 64 bits. */
function upToWords(value: bigint): [number, number] | undefined {
  if (value < 0n || value >= 1n << 64n) return undefined;
  return [Number(value >> 32n), Number(value & 0xffff_ffffn)];
}

/**
 * Candidate rewrites of `words`, most local first: an amount draw moved by the distance to the
 * target (builders mostly add a constant to what they draw), the amount draw set to the target,
 * then every option of each small choice, latest draw first (later draws pick amounts and
 * receivers, earlier ones the series and the caller). The kind is never changed.
 */
function* rewrites(words: readonly number[], draws: readonly Draw[], current: unknown, target: Target) {
  const set = (at: number, values: number[]) => {
    if (at + values.length > words.length) return undefined;
    const next = [...words];
    values.forEach((v, i) => {
      next[at + i] = v >>> 0;
    });
    return next;
  };
  if (typeof target.value === 'bigint') {
    for (const d of draws) {
      if (d.kind !== 'upTo') continue;
      const shifted = typeof current === 'bigint' ? d.value + (target.value - current) : undefined;
      for (const v of [shifted, target.value]) {
        const w = v !== undefined && v <= d.max ? upToWords(v) : undefined;
        const next = w === undefined ? undefined : set(d.at, w);
        if (next !== undefined) yield next;
      }
    }
  }
  for (const d of [...draws].reverse()) {
    if (d.kind !== 'below' || d.at === 0 || d.n > MAX_CHOICES) continue;
    for (let k = 0; k < d.n; k++) {
      const next = set(d.at, [k]);
      if (next !== undefined) yield next;
    }
  }
}

/** Words near `words` whose action keeps its kind and has `target`, or undefined within {@link MAX_TRIES}. */
function solve(words: readonly number[], setup: WorldSetup, state: ObservedState, target: Target) {
  const { action, draws } = interpretStepDrawn(words, setup, state);
  let tries = 0;
  for (const next of rewrites(words, draws, fieldOf(action, target.field), target)) {
    if (++tries > MAX_TRIES) return undefined;
    const got = interpretStep(next, setup, state);
    if (got.kind === action.kind && fieldOf(got, target.field) === target.value) return next;
  }
  return undefined;
}

/** What resolving a lean at one step gave: new words, or nothing to aim at here, or no way to get there. */
export type LeanResult = { words: number[] } | 'nothing-here' | 'unreachable';

/**
 * The step's words rewritten so its action takes one of the values `lean` aims at. A `relate` lean
 * that prefers received amounts first makes the caller someone who received something from another
 * account, if it is not already. `nothing-here` when the step's action has no such value (the run
 * then tries the next step), `unreachable` when no rewrite within {@link MAX_TRIES} interpretations
 * gets there (the step runs as drawn and the lean is spent). Deterministic: the same words, state,
 * earlier actions and lean give the same result.
 */
export function resolveLean(
  lean: Lean,
  words: readonly number[],
  setup: WorldSetup,
  state: ObservedState,
  earlier: readonly Action[],
): LeanResult {
  let current: readonly number[] = words;
  let action = interpretStep(current, setup, state);
  if (!AMOUNT_FIELDS.some((f) => typeof fieldOf(action, f) === 'bigint')) return 'nothing-here';
  if (lean.mode === 'relate' && lean.pick % 2 === 0 && 'caller' in action) {
    const receivers = [
      ...new Set(earlier.flatMap((e) => ('caller' in e && 'to' in e && e.to !== e.caller ? [e.to] : []))),
    ];
    if (receivers.length > 0 && !receivers.includes(action.caller)) {
      const caller = receivers[(lean.pick >>> 1) % receivers.length] as string;
      const moved = solve(current, setup, state, { field: 'caller', value: caller });
      if (moved !== undefined) {
        current = moved;
        action = interpretStep(current, setup, state);
      }
    }
  }
  const targets = targetsFor(lean, action, state, earlier).filter((t) => fieldOf(action, t.field) !== t.value);
  if (targets.length === 0) return current === words ? 'nothing-here' : { words: [...current] };
  const solved = solve(current, setup, state, targets[(lean.pick >>> 1) % targets.length] as Target);
  if (solved !== undefined) return { words: solved };
  return current === words ? 'unreachable' : { words: [...current] };
}

/**
 * A lean on an action of a corpus file (a prefix step, which has no words to rewrite): the action
 * with one of the values `lean` aims at set directly, or undefined when it has none to aim at. A
 * loaded entry's steps are otherwise fixed, so without this a kept corpus could only be replayed
 * and extended, never explored around; what runs is still a concrete action, which the corpus file
 * of any entry it leads to records.
 */
export function leanAction(
  lean: Lean,
  action: Action,
  state: ObservedState,
  earlier: readonly Action[],
): Action | undefined {
  const targets = targetsFor(lean, action, state, earlier).filter((t) => fieldOf(action, t.field) !== t.value);
  const target = targets[(lean.pick >>> 1) % Math.max(1, targets.length)];
  return target === undefined ? undefined : ({ ...action, [target.field]: target.value } as Action);
}
