import { payoutN, payoutP } from '../reference/payout.ts';
import { checkD1, type Observation } from './d1-equivalence.ts';
import { checkM1 } from './m1-pairs.ts';
import { checkM2, type RebaseShortfalls } from './m2-solvency.ts';
import { checkM3 } from './m3-sum.ts';
import { checkM4, type PayoutPricePair } from './m4-shape.ts';
import { checkM5 } from './m5-no-liquidation.ts';
import { checkM6Probe, type M6Probe, probeM6 } from './m6-exit.ts';
import { checkM7State, checkM7Transition } from './m7-settlement.ts';
import { checkM8State, checkM8Transition } from './m8-no-value-created.ts';
import { checkO1State, checkO1Transition } from './o1-timing.ts';
import { checkO2State, checkO2Transition } from './o2-finality.ts';
import { checkO3State, checkO3Transition } from './o3-escalation.ts';
import { checkO4State, checkO4Transition } from './o4-bonds.ts';
import { checkO5Probe, checkO5State, type O5Probe, probeO5 } from './o5-liveness.ts';
import type { ObservedState } from './observed-state.ts';
import type { PayoutMath } from './payout-math.ts';
import type { Probe, ProbeOptions, ProbeRun } from './probe.ts';
import type { Transition } from './transition.ts';
import type { PropertyId, Violation } from './violation.ts';

/** How a property is checked; one property may have several forms (M7 has a state and a transition form). */
export type PropertyKind = 'state' | 'transition' | 'function' | 'probe' | 'equivalence';

/** One way of checking a property, by kind. */
export type PropertyForm =
  | {
      kind: 'state';
      /** `shortfalls`: M2's only exemption (negative rebases); the other state forms ignore it. */
      check: (state: ObservedState, math: PayoutMath, shortfalls?: RebaseShortfalls) => Violation[];
    }
  | { kind: 'transition'; check: (transition: Transition) => Violation[] }
  | { kind: 'function'; check: (math: PayoutMath, sample: PayoutPricePair) => Violation[] }
  | {
      kind: 'probe';
      probes: (state: ObservedState, options: ProbeOptions) => Probe[];
      check: (run: ProbeRun) => Violation[];
    }
  | { kind: 'equivalence'; check: (model: Observation, evm: Observation) => Violation[] };

/** A property of docs/design.md §4: its id, short name, statement and the forms that check it. */
export interface PropertyInfo {
  id: PropertyId;
  name: string;
  statement: string;
  forms: readonly PropertyForm[];
}

/** The reference model's payout math (reference/payout.ts), the default for M2, M3 and M4. */
export const modelPayoutMath: PayoutMath = { payoutP, payoutN };

const state = (check: (state: ObservedState) => Violation[]): PropertyForm => ({ kind: 'state', check });
const transition = (check: (transition: Transition) => Violation[]): PropertyForm => ({ kind: 'transition', check });

/** Every property of docs/design.md §4, in the table's order. */
export const PROPERTIES: readonly PropertyInfo[] = [
  {
    id: 'M1',
    name: 'pairs',
    statement: 'before settlement, `supply(P) == supply(N) == locked` for every series',
    forms: [state(checkM1)],
  },
  {
    id: 'M2',
    name: 'solvency',
    statement:
      "per ledger, the market's balance is at least the sum of `locked` over the series on every address of that ledger (a collateral is a ledger of its own unless the world declares several addresses of one ledger, like TUSD's two; a direct donation may add more, nothing may make it less but a negative rebase, forgiven up to exactly what it took), and after settlement `locked >= payoutP(supply P) + payoutN(supply N)`",
    forms: [{ kind: 'state', check: checkM2 }],
  },
  {
    id: 'M3',
    name: 'sum',
    statement: 'for every `a, S, x`: `a - 1 <= payoutP(a) + payoutN(a) <= a`, and the per-unit rates add to exactly 1',
    forms: [
      {
        kind: 'function',
        check: (math, sample) => [
          ...checkM3(math, { amount: sample.amount, strike: sample.strike, price: sample.price }),
          ...checkM3(math, { amount: sample.amount, strike: sample.strike, price: sample.otherPrice }),
        ],
      },
    ],
  },
  {
    id: 'M4',
    name: 'payoff shape',
    statement:
      '`payoutP` is `a` for `x <= S`, non-increasing in `x`; `payoutN` is 0 for `x <= S`, non-decreasing in `x`',
    forms: [{ kind: 'function', check: checkM4 }],
  },
  {
    id: 'M5',
    name: 'no liquidation',
    statement:
      "an account's P, N or collateral falls only through its own call or an allowance it granted: no action by anyone else, nor time, nor a price, shrinks it",
    forms: [transition(checkM5)],
  },
  {
    id: 'M6',
    name: 'exit',
    statement: 'a holder of `a` P and `a` N can always merge them for `a` collateral',
    forms: [
      {
        kind: 'probe',
        probes: probeM6,
        check: (run) => (isRunOf<M6Probe>(run, 'M6') ? checkM6Probe(run) : []),
      },
    ],
  },
  {
    id: 'M7',
    name: 'settlement',
    statement: 'no settlement before expiry or without a finalized value; a settled price never changes',
    forms: [state(checkM7State), transition(checkM7Transition)],
  },
  {
    id: 'M8',
    name: 'no value created',
    statement: 'collateral paid out by the market never exceeds collateral paid in (splits and donations), per token',
    forms: [state(checkM8State), transition(checkM8Transition)],
  },
  {
    id: 'O1',
    name: 'timing',
    statement: "no answer is accepted before the question's timestamp",
    forms: [state(checkO1State), transition(checkO1Transition)],
  },
  {
    id: 'O2',
    name: 'finality',
    statement: 'a value is final only after `liveness` undisputed or by arbitration, and never changes after',
    forms: [state(checkO2State), transition(checkO2Transition)],
  },
  {
    id: 'O3',
    name: 'escalation',
    statement: 'every answer after the first posts at least twice the bond before it',
    forms: [state(checkO3State), transition(checkO3Transition)],
  },
  {
    id: 'O4',
    name: 'bonds',
    statement:
      "the oracle's bond-token balance equals open bonds plus unwithdrawn credits; an answerer of the final value never loses its bond",
    forms: [state(checkO4State), transition(checkO4Transition)],
  },
  {
    id: 'O5',
    name: 'liveness',
    statement:
      'no question is frozen for ever: a pending arbitration can be cancelled after `arbitrationTimeout`, and an answered question with none pending becomes finalizable `liveness` after its last answer',
    forms: [
      state(checkO5State),
      {
        kind: 'probe',
        probes: probeO5,
        check: (run) => (isRunOf<O5Probe>(run, 'O5') ? checkO5Probe(run) : []),
      },
    ],
  },
  {
    id: 'D1',
    name: 'equivalence',
    statement:
      'for every action, the model and the EVM agree on success or revert (error and arguments), return values, events, and the whole observed state after it',
    forms: [{ kind: 'equivalence', check: (model, evm) => checkD1(model, evm) }],
  },
];

function isRunOf<P extends Probe>(run: ProbeRun, id: P['id']): run is ProbeRun<P> {
  return run.probe.id === id;
}

/** Forms by kind, listed once: the runner asks for them after every step. */
const FORMS_BY_KIND = new Map<PropertyKind, readonly { property: PropertyInfo; form: PropertyForm }[]>();

/** Every form of the given kind, with the property it belongs to (the same frozen list on every call). */
export function formsOfKind<K extends PropertyKind>(
  kind: K,
): readonly { property: PropertyInfo; form: Extract<PropertyForm, { kind: K }> }[] {
  let forms = FORMS_BY_KIND.get(kind);
  if (forms === undefined) {
    forms = Object.freeze(
      PROPERTIES.flatMap((property) =>
        property.forms.filter((form) => form.kind === kind).map((form) => Object.freeze({ property, form })),
      ),
    );
    FORMS_BY_KIND.set(kind, forms);
  }
  return forms as readonly { property: PropertyInfo; form: Extract<PropertyForm, { kind: K }> }[];
}

/** Options of the run-everything helpers. */
export interface CheckOptions {
  /** The payout math M2, M3 and M4 use; the reference model's by default. */
  math?: PayoutMath;
}

/** Runs every state form (M1, M2, M7, M8, O1–O5) on one state. */
export function checkState(observed: ObservedState, options: CheckOptions = {}): Violation[] {
  const math = options.math ?? modelPayoutMath;
  return formsOfKind('state').flatMap(({ form }) => form.check(observed, math));
}

/**
 * Runs every transition form (M5, M7, M8, O1–O4) on one step. State forms are separate: call
 * `checkState(t.after)` as well.
 */
export function checkTransition(step: Transition): Violation[] {
  return formsOfKind('transition').flatMap(({ form }) => form.check(step));
}

/** Runs every function form (M3 at both prices, M4 between them) on one sample of the payout math. */
export function checkPayoutSample(sample: PayoutPricePair, options: CheckOptions = {}): Violation[] {
  const math = options.math ?? modelPayoutMath;
  return formsOfKind('function').flatMap(({ form }) => form.check(math, sample));
}

/**
 * Every probe (M6, O5) that must succeed from `observed`. Run each on its own throw-away copy of
 * that state (`probe.warps`, then `probe.action`) and pass the result to `checkProbe`.
 */
export function probesFor(observed: ObservedState, options: ProbeOptions): Probe[] {
  return formsOfKind('probe').flatMap(({ form }) => form.probes(observed, options));
}

/** Checks the result of one probe with its property's probe checker. */
export function checkProbe(run: ProbeRun): Violation[] {
  return formsOfKind('probe').flatMap(({ form }) => form.check(run));
}
