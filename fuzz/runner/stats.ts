import type { ActionKind } from '../../reference/action.ts';

/** Counters a campaign reports: per action kind, calls and reverts; per property, checks and violations. */
export class CampaignStats {
  runs = 0;
  actions = 0;
  failures = 0;
  readonly calls = new Map<ActionKind, { calls: number; reverts: number }>();
  readonly checks = new Map<string, { checks: number; violations: number }>();
  /** Milestones reached at least once per run, summed over runs (proves the campaign goes deep). */
  readonly reached = new Map<string, number>();

  /** Reverts by action kind and error name (`split: ZeroAmount`), to see what a campaign runs into. */
  readonly revertReasons = new Map<string, number>();

  recordAction(kind: ActionKind, revert: string | undefined): void {
    this.actions++;
    const row = this.calls.get(kind) ?? { calls: 0, reverts: 0 };
    row.calls++;
    if (revert !== undefined) {
      row.reverts++;
      const key = `${kind}: ${revert}`;
      this.revertReasons.set(key, (this.revertReasons.get(key) ?? 0) + 1);
    }
    this.calls.set(kind, row);
  }

  recordCheck(id: string, violations: number): void {
    const row = this.checks.get(id) ?? { checks: 0, violations: 0 };
    row.checks++;
    row.violations += violations;
    this.checks.set(id, row);
  }

  recordReached(milestones: Iterable<string>): void {
    for (const m of milestones) this.reached.set(m, (this.reached.get(m) ?? 0) + 1);
  }

  /** Adds another campaign's counters (workers, shards). */
  merge(other: CampaignStats): void {
    this.runs += other.runs;
    this.actions += other.actions;
    this.failures += other.failures;
    for (const [k, v] of other.calls) {
      const row = this.calls.get(k) ?? { calls: 0, reverts: 0 };
      this.calls.set(k, { calls: row.calls + v.calls, reverts: row.reverts + v.reverts });
    }
    for (const [k, v] of other.checks) {
      const row = this.checks.get(k) ?? { checks: 0, violations: 0 };
      this.checks.set(k, { checks: row.checks + v.checks, violations: row.violations + v.violations });
    }
    for (const [k, v] of other.reached) this.reached.set(k, (this.reached.get(k) ?? 0) + v);
    for (const [k, v] of other.revertReasons) this.revertReasons.set(k, (this.revertReasons.get(k) ?? 0) + v);
  }
}
