import type { ObservedState } from '../../properties/index.ts';
import {
  checkD1,
  checkProbe,
  formsOfKind,
  lockedOn,
  modelPayoutMath,
  type PayoutMath,
  type Probe,
  probesFor,
  rebaseShortfall,
  type Transition,
  type Violation,
} from '../../properties/index.ts';
import { balanceOf } from '../../properties/lookup.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import type { Address } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import { UPGRADABLE_VERSIONS } from '../../reference/tokens/upgradable.ts';
import { ContractCallError } from '../evm/contract-call-error.ts';
import type { PayoutInput } from '../evm/payout-math.ts';
import type { Side } from '../side.ts';
import type { StepFailure } from '../trace/failure.ts';
import { describeValue } from './render.ts';
import type { CampaignStats } from './stats.ts';

/**
 * The per-run state of {@link Checks} at one moment (what `reset` forgets), as a value: a warm
 * start (fuzz/guide/warm-start.ts) restores it with the two sides' snapshots. Opaque to callers.
 */
export interface ChecksRunState {
  readonly armed: ReadonlySet<Address>;
  readonly paused: ReadonlySet<Address>;
  readonly blocked: ReadonlyMap<Address, ReadonlySet<Address>>;
  readonly versions: ReadonlyMap<Address, bigint>;
  readonly shortfalls: ReadonlyMap<Address, bigint>;
  readonly probeRound: number;
}

/** Campaigns probe after every this-many steps, and at the end of every run. */
export const DEFAULT_PROBE_EVERY = 4;

/** How the runner checks each step. */
export interface ChecksOptions {
  /** Accounts that send transactions (probes need a caller). */
  actors: readonly Address[];
  /** Probes (M6, O5) per probing step, each on a throw-away copy of the EVM state; 0 turns them off. */
  probesPerStep: number;
  /**
   * Probe after every k-th step (and always on a run's final state). A probe costs whole extra EVM
   * calls, more than the step itself, so campaigns probe every {@link DEFAULT_PROBE_EVERY}th step;
   * replays probe every step (1).
   */
  probeEvery?: number;
  /**
   * The contract's payout math at given inputs (evaluated in the EVM). When set, every successful
   * redeem also checks M3 and M4 on the contract's math at the series' strike and settled price.
   */
  contractMath?: (inputs: PayoutInput[]) => Promise<PayoutMath>;
  /**
   * The contracts' public views against an observed state (fuzz/evm/view-check.ts), sampling by
   * `rotation` where a view has many arguments. When set, every run ends with it (D1).
   */
  views?: (state: ObservedState, rotation: number) => Promise<Violation[]>;
}

/**
 * Every check made after a step: D1 first (the two sides must agree before a property about either
 * means anything), then the state and transition properties, then the probes. Stateful only in
 * which collaterals refuse to move or pay short (armed, paused, blocked, upgraded to a fee), which
 * probes must know, and in what negative rebases took from the market, which M2 forgives; call
 * `reset` at the start of each run.
 */
export class Checks {
  private armed = new Set<Address>();
  /** Paused pausable tokens, and block-list tokens with their blocked accounts. */
  private paused = new Set<Address>();
  private blocked = new Map<Address, Set<Address>>();
  /** Upgradable tokens by the version they run now (absent: version 0). */
  private versions = new Map<Address, bigint>();
  /** What negative rebases took from the backing of the series on each rebasing token (M2). */
  private shortfalls = new Map<Address, bigint>();
  /** Probing rounds so far: the rotation through due probes continues across steps and runs. */
  private probeRound = 0;

  constructor(private readonly options: ChecksOptions) {}

  /** Forget per-run state (armed, paused, blocked, upgraded and rebased tokens). */
  reset(): void {
    this.armed = new Set();
    this.paused = new Set();
    this.blocked = new Map();
    this.versions = new Map();
    this.shortfalls = new Map();
  }

  /** The per-run state now, copied (later steps do not change it). */
  saveRunState(): ChecksRunState {
    return {
      armed: new Set(this.armed),
      paused: new Set(this.paused),
      blocked: new Map([...this.blocked].map(([token, accounts]) => [token, new Set(accounts)])),
      versions: new Map(this.versions),
      shortfalls: new Map(this.shortfalls),
      probeRound: this.probeRound,
    };
  }

  /** Returns to a saved per-run state (copied again: one saved state may be restored many times). */
  restoreRunState(saved: ChecksRunState): void {
    this.armed = new Set(saved.armed);
    this.paused = new Set(saved.paused);
    this.blocked = new Map([...saved.blocked].map(([token, accounts]) => [token, new Set(accounts)]));
    this.versions = new Map(saved.versions);
    this.shortfalls = new Map(saved.shortfalls);
    this.probeRound = saved.probeRound;
  }

  /** D1: outcome and whole observed state, model against EVM. */
  equivalence(
    index: number,
    action: Action,
    modelOutcome: Outcome,
    modelState: ObservedState,
    evmOutcome: Outcome,
    evmState: ObservedState,
    stats?: CampaignStats,
  ): StepFailure | undefined {
    const violations = checkD1({ outcome: modelOutcome, state: modelState }, { outcome: evmOutcome, state: evmState });
    stats?.recordCheck('D1', violations.length);
    return this.divergenceOf(index, action, violations);
  }

  /** Every state and transition property on the EVM's step, then the probes. */
  async properties(
    index: number,
    step: Transition,
    evm: Side,
    stats?: CampaignStats,
  ): Promise<StepFailure | undefined> {
    if (step.action.kind === 'armCallback' && step.outcome.ok) {
      if (step.action.armed) this.armed.add(step.action.token);
      else this.armed.delete(step.action.token);
    }
    if (step.action.kind === 'pauseToken' && step.outcome.ok) {
      if (step.action.paused) this.paused.add(step.action.token);
      else this.paused.delete(step.action.token);
    }
    if (step.action.kind === 'blockAccount' && step.outcome.ok) {
      const accounts = this.blocked.get(step.action.token) ?? new Set<Address>();
      if (step.action.blocked) accounts.add(step.action.account);
      else accounts.delete(step.action.account);
      this.blocked.set(step.action.token, accounts);
    }
    if (step.action.kind === 'upgradeToken' && step.outcome.ok) this.versions.set(step.action.token, step.action.to);
    if (step.action.kind === 'rebase' && step.outcome.ok) {
      const { token } = step.action;
      const lost = rebaseShortfall(step.before, step.after, token);
      if (lost > 0n) this.shortfalls.set(token, (this.shortfalls.get(token) ?? 0n) + lost);
    }
    const violations: Violation[] = [];
    for (const { property, form } of formsOfKind('transition')) {
      const found = form.check(step);
      stats?.recordCheck(property.id, found.length);
      violations.push(...found);
    }
    for (const { property, form } of formsOfKind('state')) {
      const found = form.check(step.after, modelPayoutMath, this.shortfalls);
      stats?.recordCheck(property.id, found.length);
      violations.push(...found);
    }
    if (violations.length === 0 && step.action.kind === 'redeem' && step.outcome.ok) {
      violations.push(...(await this.checkPayouts(step, stats)));
    }
    const every = this.options.probeEvery ?? 1;
    if (violations.length === 0 && index % every === every - 1) {
      violations.push(...(await this.runProbes(step.after, evm, stats)));
    }
    return this.failureOf(index, step.action, violations);
  }

  /**
   * Collaterals that refuse to move, or pay short, right now, so M6 promises no exit on them: armed
   * callback tokens, paused tokens, block-list tokens with anyone blocked (the market or a holder),
   * upgradable tokens running the fee-on-transfer version (a holder gets less than it merged), and
   * rebasing tokens of which the market holds less than its series lock after a negative rebase.
   */
  private hostile(state: ObservedState): Address[] {
    const listed = [...this.blocked].filter(([, accounts]) => accounts.size > 0).map(([token]) => token);
    const charging = [...this.versions]
      .filter(([, version]) => UPGRADABLE_VERSIONS[Number(version)] === 'feeOnTransfer')
      .map(([token]) => token);
    const short = [...this.shortfalls.keys()].filter(
      (token) => (balanceOf(state, token, state.market) ?? 0n) < lockedOn(state, token),
    );
    return [...this.armed, ...this.paused, ...listed, ...charging, ...short];
  }

  /**
   * A run's final state: the probes, whatever the cadence, so every run ends with M6 and O5 checked
   * where the generator left it; then the views against the state (D1), sampled by the run's length.
   */
  async atEnd(
    index: number,
    state: ObservedState,
    last: Action | undefined,
    evm: Side,
    stats?: CampaignStats,
  ): Promise<StepFailure | undefined> {
    if (last === undefined) return undefined; // nothing ran
    const every = this.options.probeEvery ?? 1;
    if (index % every !== every - 1) {
      const probed = this.failureOf(index, last, await this.runProbes(state, evm, stats));
      if (probed !== undefined) return probed; // else: just probed after the last step
    }
    return this.divergenceOf(index, last, await this.runViews(state, index, stats));
  }

  /** The views against the run's final state (D1), when the environment gave a view check. */
  private async runViews(state: ObservedState, rotation: number, stats?: CampaignStats): Promise<Violation[]> {
    if (this.options.views === undefined) return [];
    const violations = await this.options.views(state, rotation);
    stats?.recordCheck('D1', violations.length);
    return violations;
  }

  /** A D1 failure at `index`: the first violation, with each side's value rendered. */
  private divergenceOf(index: number, action: Action, violations: Violation[]): StepFailure | undefined {
    const first = violations[0];
    if (first === undefined) return undefined;
    return {
      step: index,
      action,
      kind: 'divergence',
      id: 'D1',
      message: first.message,
      model: describeValue(first.expected),
      evm: describeValue(first.actual),
      violations,
    };
  }

  private failureOf(index: number, action: Action, violations: Violation[]): StepFailure | undefined {
    const first = violations[0];
    if (first === undefined) return undefined;
    return {
      step: index,
      action,
      kind: 'property',
      id: first.id,
      message: first.message,
      model: `expected ${first.expected}`,
      evm: `saw ${first.actual}`,
      violations,
    };
  }

  /**
   * M3 and M4 on the contract's own math at a realized settlement: the redeemed amount and one whole
   * unit, at the settled price and at the strike (where the payoff changes shape).
   */
  private async checkPayouts(step: Transition, stats?: CampaignStats): Promise<Violation[]> {
    const { contractMath } = this.options;
    if (contractMath === undefined || step.action.kind !== 'redeem') return [];
    const series = step.after.series[step.action.seriesId];
    if (series === undefined) return [];
    const amount = step.action.pAmount > step.action.nAmount ? step.action.pAmount : step.action.nAmount;
    const sample = { amount, strike: series.strike, price: series.settlementPrice, otherPrice: series.strike };
    const inputs = [amount, WAD].flatMap((a) =>
      [sample.price, sample.otherPrice].map((price) => ({ amount: a, strike: sample.strike, price })),
    );
    let math: PayoutMath;
    try {
      math = await contractMath(inputs);
    } catch (error) {
      if (!(error instanceof ContractCallError)) throw error;
      // The payout math must be defined at every input a settled series can redeem at: a revert,
      // an out-of-gas or junk there fails M3 (P + N pays out the amount) at this redeem.
      stats?.recordCheck('M3', 1);
      return [
        {
          id: 'M3',
          message: `the contract's payout math did not return: ${error.message}`,
          expected: 'payoutOf returns (P payout, N payout)',
          actual: error.reason,
          series: step.action.seriesId,
        },
      ];
    }
    const violations: Violation[] = [];
    for (const { property, form } of formsOfKind('function')) {
      const found = form.check(math, sample);
      stats?.recordCheck(property.id, found.length);
      violations.push(...found);
    }
    return violations;
  }

  /**
   * Runs a rotating sample of the probes due in `state` on throw-away copies of the EVM: every
   * probe is eventually exercised across steps while each step pays for only a few.
   */
  private async runProbes(state: ObservedState, evm: Side, stats?: CampaignStats): Promise<Violation[]> {
    if (this.options.probesPerStep === 0) return [];
    const all = probesFor(state, { actors: this.options.actors, hostileCollaterals: this.hostile(state) });
    if (all.length === 0) return [];
    const index = this.probeRound++;
    const chosen: Probe[] = [];
    for (let i = 0; i < Math.min(this.options.probesPerStep, all.length); i++) {
      chosen.push(all[(index * this.options.probesPerStep + i) % all.length] as Probe);
    }
    const saved = await evm.snapshot();
    const violations: Violation[] = [];
    for (const probe of chosen) {
      let found: Violation[];
      try {
        for (const warp of probe.warps) await evm.execute(warp);
        const before = await evm.observe();
        const outcome = await evm.execute(probe.action);
        const after = await evm.observe();
        found = checkProbe({ probe, before, outcome, after });
      } finally {
        await evm.restore(saved); // each probe once, throw or not: the run continues from `state`
      }
      stats?.recordCheck(probe.id, found.length);
      violations.push(...found);
      if (found.length > 0) break;
    }
    return violations;
  }
}
