import { describe, expect, it } from 'vitest';
import { rerunLine } from '../../fuzz/cli/kit/rerun.ts';
import { runMain } from './run-main.ts';

describe('hints that reproduce', () => {
  it('repeats every kept flag given, shell-quoted, durations in seconds, booleans bare', () => {
    const args = {
      positionals: [],
      flags: { seed: 7, contracts: "my dir/it's", time: 90, exhaustive: true, out: 'x', workers: 2 },
    };
    expect(rerunLine('fuzz', args, ['seed', 'runs', 'time', 'contracts', 'exhaustive'])).toBe(
      `npx cliffless fuzz --seed 7 --time 90s --contracts "my dir/it's" --exhaustive`,
    );
    expect(rerunLine('fuzz', args, ['seed', 'runs', 'time'], undefined, { runs: 24, time: undefined })).toBe(
      'npx cliffless fuzz --seed 7 --runs 24',
    );
  });

  it('replay --verbose shows each step’s return values and its events with their arguments, by name', async () => {
    const result = await runMain(['replay', 'test/traces/settle-at-strike.json', '--verbose']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '→ ok Transfer@WETH(from=alice, to=market, value=123456789012345678901245) Transfer@P#0(from=zero, to=alice, value=123456789012345678901245)',
    );
    expect(result.stdout).toContain(
      '→ ok returns=(2500000000000000000000) Settled@market(seriesId=#0, price=2500000000000000000000)',
    );
    expect(result.stdout).toContain('→ ok returns=(#0) SeriesCreated@market(seriesId=#0');
  }, 60_000);
});
