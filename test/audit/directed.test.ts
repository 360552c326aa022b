import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../fuzz/audit/audit.ts';
import { changedLines } from '../../fuzz/audit/changed-lines.ts';
import { auditMarkdown } from '../../fuzz/audit/markdown.ts';
import { prepareAudit } from '../../fuzz/audit/sides.ts';
import { auditJson, auditSummary } from '../../fuzz/audit/terminal.ts';
import type { Artifacts } from '../../fuzz/compile/index.ts';
import { BranchRecorder } from '../../fuzz/guide/branch-recorder.ts';
import { branchTarget } from '../../fuzz/guide/target.ts';
import { brokenArtifacts, shippedArtifacts, WORLD } from '../fuzz/support.ts';
import { SPLIT_REJECTS_ONE } from './variants.ts';

let shipped: Artifacts;
let changed: Artifacts;

beforeAll(() => {
  shipped = shippedArtifacts();
  const [edit] = SPLIT_REJECTS_ONE;
  if (edit === undefined) throw new Error('no edit');
  changed = brokenArtifacts(`contracts/${edit.file}`, edit.find, edit.replace);
});

const context = {
  base: { label: 'base', replay: { contractsDir: 'base' } },
  next: { label: 'new', contractsDir: 'new' },
  seed: 4,
  depth: 12,
};

describe('directed audit', () => {
  it('targets the changed line: split’s `amount < 2` check, its two branch directions in SplitMarket', () => {
    const lines = changedLines(shipped, changed);
    expect([...lines].map(([unit, set]) => [unit, [...set]])).toEqual([['contracts/SplitMarket.sol', [72]]]);
    const target = branchTarget(changed, lines);
    expect(target.lines).toHaveLength(1);
    expect(target.lines[0]?.text).toBe('if (amount < 2) revert ZeroAmount();');
    expect(target.directions).toHaveLength(2);
    expect(target.directions.every((d) => d.startsWith('b:contracts/SplitMarket.sol:SplitMarket@'))).toBe(true);
    // split's other checks are the function's: reaching them is getting closer.
    expect(target.near.length).toBeGreaterThan(0);
    // The same sources have no changed line, so nothing to aim at.
    expect(changedLines(shipped, shipped).size).toBe(0);
  });

  it('reports how many of the changed line’s directions the runs reached (1 of 2 in one short run), in the terminal, the Markdown and the JSON', async () => {
    const target = branchTarget(changed, changedLines(shipped, changed));
    let recorder: BranchRecorder | undefined;
    const env = await prepareAudit(
      { base: shipped, new: changed },
      WORLD,
      { base: 'base', new: 'new' },
      {
        onNewChain: (chain) => {
          recorder = new BranchRecorder(chain.evm, changed);
        },
      },
    );
    if (recorder === undefined) throw new Error('no recorder');
    const result = await runAudit(env, {
      // Seed 4's one run splits (2 units or more) and never splits 1 (seeds 1–30 measured; 4, 11 and 16 do).
      seed: 4,
      runs: 1,
      depth: 8,
      shrinkBudget: 16,
      target: { target, recorder, guided: true },
    });
    recorder.detach();
    expect(result.mode).toBe('directed');
    expect(result.reach).toMatchObject({ reached: 1, total: 2 });
    expect(result.groups.map((g) => g.key)).toEqual([]);
    const summary = auditSummary(result, [], context);
    expect(summary).toContain('changed lines: 1 of 2 branch directions reached (1 line;');
    expect(auditMarkdown(result, [], context)).toContain('Changed lines: **1 of 2 branch directions reached**');
    expect(auditJson(result, [], context)).toMatchObject({
      mode: 'directed',
      changedLines: {
        directionsReached: 1,
        directions: 2,
        lines: [{ file: 'contracts/SplitMarket.sol', line: 72, directionsReached: 1, directions: 2 }],
      },
    });
  });
});
