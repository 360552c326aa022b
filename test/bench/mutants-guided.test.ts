import { describe, expect, it } from 'vitest';
import type { ForgeOutcome } from '../../bench/forge-mutant.ts';
import type { MachineInfo } from '../../bench/machine.ts';
import {
  formatMutantReport,
  type HarnessOutcome,
  type MutantRow,
  summarizeMutants,
} from '../../bench/mutants-report.ts';

const forge = (id: string, secondsToKill?: number): ForgeOutcome =>
  secondsToKill === undefined
    ? { id, status: 'survived', calls: 9000, compileSeconds: 20, seconds: 50 }
    : {
        id,
        status: 'killed',
        killedBy: 'M2',
        secondsToKill,
        campaignSeconds: secondsToKill,
        compileSeconds: 30,
        seconds: 40,
      };
const harness = (id: string, secondsToKill?: number, reach?: HarnessOutcome['reach']): HarnessOutcome =>
  secondsToKill === undefined
    ? {
        id,
        status: 'survived',
        actions: 4000,
        compileSeconds: 2,
        seconds: 22,
        ...(reach === undefined ? {} : { reach }),
      }
    : { id, status: 'killed', killedBy: 'D1', secondsToKill, actionsToKill: 12, compileSeconds: 4, seconds: 5 };

/** Three tools: the guided harness kills b (open-loop does not) and misses c (open-loop kills it). */
const ROWS: MutantRow[] = [
  { id: 'a', forge: forge('a', 0.5), harness: harness('a', 0.4), guided: harness('a', 0.2) },
  { id: 'b', forge: forge('b'), harness: harness('b'), guided: harness('b', 3) },
  {
    id: 'c',
    forge: forge('c', 1),
    harness: harness('c', 2),
    guided: harness('c', undefined, { reached: 1, total: 4 }),
  },
  { id: 'd', forge: forge('d'), harness: harness('d'), guided: harness('d', undefined, { reached: 0, total: 2 }) },
];
const MACHINE: MachineInfo = {
  date: '2026-12-04T10:00:00.000Z',
  node: 'v20.0.0',
  cpu: 'Test CPU',
  cores: 2,
  load: [1, 2, 3],
};

describe('bench:mutants: the guided harness side by side', () => {
  it('counts the third tool: kills, medians (all three killed: a only), and who killed what the other harness did not', () => {
    const s = summarizeMutants(ROWS);
    expect(s.guided).toMatchObject({ compared: 4, kills: 2, medianSecondsToKill: 1.6, medianSecondsToKillBoth: 0.2 });
    expect(s.harness).toMatchObject({ kills: 2, medianSecondsToKill: 1.2, medianSecondsToKillBoth: 0.4 });
    expect(s.guidedOnly).toEqual(['b']);
    expect(s.openLoopOnly).toEqual(['c']);
    expect(s.neither).toEqual(['d']);
  });

  it('prints a guided column and row, with how much of the mutated line a guided survivor reached', () => {
    const config = {
      set: 'all' as const,
      budget: 20,
      seed: 1,
      jobs: 1 as const,
      forgeDepth: 64,
      harnessDepth: 100,
      guided: true,
    };
    const text = formatMutantReport(ROWS, config, MACHINE, MACHINE);
    expect(text).toContain('guided harness (directed)');
    expect(text).toContain('survived (4000 actions, line 1/4)');
    expect(text).toMatch(/kills\s+2\/4\s+2\/4\s+2\/4/);
    expect(text).toMatch(/on mutants all three killed\s+0\.50s\s+0\.40s\s+0\.20s/);
    expect(text).toContain('killed by the guided harness, not the open-loop one: b\n');
    expect(text).toContain('killed by the open-loop harness, not the guided one: c\n');
  });

  it('leaves the report as it was without guided outcomes', () => {
    const rows = ROWS.map(({ guided: _, ...row }) => row);
    expect(summarizeMutants(rows).guided).toBeUndefined();
    expect(
      formatMutantReport(
        rows,
        { set: 'all', budget: 20, seed: 1, jobs: 1, forgeDepth: 64, harnessDepth: 100 },
        MACHINE,
        MACHINE,
      ),
    ).not.toContain('guided');
  });
});
