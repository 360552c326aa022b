/**
 * The properties of docs/design.md §4 as code: predicates over observed states, transitions, the
 * payout math, probes and model/EVM pairs. Nothing here knows how a state was observed.
 *
 * @example
 * import { checkState, checkTransition } from './properties/index.ts';
 * const violations = [...checkTransition({ before, action, outcome, after }), ...checkState(after)];
 */
export { checkD1, type Observation } from './d1-equivalence.ts';
export { type Difference, deepDiff } from './deep-diff.ts';
export { balanceOf, supplyOf } from './lookup.ts';
export { checkM1 } from './m1-pairs.ts';
export { checkM2, lockedOn, type RebaseShortfalls, rebaseShortfall } from './m2-solvency.ts';
export { checkM3, expectedDust } from './m3-sum.ts';
export { checkM4, type PayoutPricePair } from './m4-shape.ts';
export { checkM5 } from './m5-no-liquidation.ts';
export { checkM6Probe, type M6Probe, probeM6 } from './m6-exit.ts';
export { checkM7State, checkM7Transition } from './m7-settlement.ts';
export { checkM8State, checkM8Transition } from './m8-no-value-created.ts';
export { checkO1State, checkO1Transition } from './o1-timing.ts';
export { checkO2State, checkO2Transition } from './o2-finality.ts';
export { checkO3State, checkO3Transition } from './o3-escalation.ts';
export { checkO4State, checkO4Transition, openBonds, totalCredits } from './o4-bonds.ts';
export { checkO5Probe, checkO5State, type O5Probe, probeO5 } from './o5-liveness.ts';
export type {
  ObservedState,
  OracleState,
  QuestionState,
  SeriesState,
  TokenMetadata,
  TokenState,
} from './observed-state.ts';
export { questionKey, UNREADABLE_DECIMALS, UNREADABLE_NAME } from './observed-state.ts';
export type { PayoutMath, PayoutPoint } from './payout-math.ts';
export { type Probe, type ProbeOptions, type ProbeRun, probeActions } from './probe.ts';
export {
  type CheckOptions,
  checkPayoutSample,
  checkProbe,
  checkState,
  checkTransition,
  formsOfKind,
  modelPayoutMath,
  PROPERTIES,
  type PropertyForm,
  type PropertyInfo,
  type PropertyKind,
  probesFor,
} from './registry.ts';
export { callerOf, type Transition } from './transition.ts';
export { type PropertyId, type Quotable, quote, type Violation } from './violation.ts';
