import type { ActionKind } from '../../reference/action.ts';
import { CampaignStats } from '../runner/stats.ts';

/** CampaignStats as plain data: what crosses from a worker thread (structured clone keeps Maps). */
export interface StatsData {
  runs: number;
  actions: number;
  failures: number;
  calls: Map<ActionKind, { calls: number; reverts: number }>;
  checks: Map<string, { checks: number; violations: number }>;
  reached: Map<string, number>;
  revertReasons: Map<string, number>;
}

export function statsToData(stats: CampaignStats): StatsData {
  return {
    runs: stats.runs,
    actions: stats.actions,
    failures: stats.failures,
    calls: stats.calls,
    checks: stats.checks,
    reached: stats.reached,
    revertReasons: stats.revertReasons,
  };
}

export function statsFromData(data: StatsData): CampaignStats {
  const stats = new CampaignStats();
  stats.merge(data as unknown as CampaignStats);
  return stats;
}
