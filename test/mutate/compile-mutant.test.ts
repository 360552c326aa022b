import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileContracts, PROJECT_ROOT } from '../../fuzz/compile/index.ts';
import { REMAPPINGS } from '../../fuzz/compile/settings.ts';
import { collectSources } from '../../fuzz/compile/sources.ts';
import { compileMutant, dependentsOf } from '../../fuzz/mutate/compile-mutant.ts';
import { generateMutants } from '../../fuzz/mutate/generate.ts';
import type { Mutant } from '../../fuzz/mutate/mutant.ts';
import { runDifferentialOnMutant } from '../../fuzz/mutate/run-mutant.ts';

const contractsDir = join(PROJECT_ROOT, 'contracts');
const cacheDir = mkdtempSync(join(tmpdir(), 'cliffless-mutant-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('compiling a mutant', () => {
  const base = compileContracts().artifacts;
  const payout = generateMutants({ files: ['libraries/PayoutMath.sol'] });

  it('recompiles the mutated unit and its importers only', () => {
    const sources = collectSources({ projectRoot: PROJECT_ROOT, contractsDir, overrides: {}, remappings: REMAPPINGS });
    expect(dependentsOf('contracts/libraries/PayoutMath.sol', sources, REMAPPINGS)).toEqual([
      'contracts/SplitMarket.sol',
      'contracts/libraries/PayoutMath.sol',
    ]);
    expect(dependentsOf('contracts/ClaimToken.sol', sources, REMAPPINGS)).toEqual([
      'contracts/ClaimToken.sol',
      'contracts/SplitMarket.sol',
    ]);
    expect(dependentsOf('contracts/SlowOracle.sol', sources, REMAPPINGS)).toEqual(['contracts/SlowOracle.sol']);
  });

  it('gives the same bytecode as the full compilation when nothing changed (the narrowed output selection is sound)', () => {
    const unchanged = {
      ...(payout[0] as Mutant),
      source: base.sources['contracts/libraries/PayoutMath.sol']?.content ?? '',
    };
    const compiled = compileMutant(unchanged, base, { contractsDir, cacheDir: false });
    if (!compiled.ok) throw new Error(compiled.error);
    expect(compiled.recompiled).toContain('contracts/SplitMarket.sol');
    const key = 'contracts/SplitMarket.sol:SplitMarket';
    expect(compiled.artifacts.contracts[key]?.deployedBytecode).toBe(base.contracts[key]?.deployedBytecode);
    expect(compiled.artifacts.contracts[key]?.bytecode).toBe(base.contracts[key]?.bytecode);
  });

  it('changes the dependent contract for a real mutant, and caches it in its own folder', () => {
    const mutant = payout.find((m) => m.id === 'libraries/PayoutMath.sol:14:rounding-flip:0') as Mutant;
    const first = compileMutant(mutant, base, { contractsDir, cacheDir });
    const again = compileMutant(mutant, base, { contractsDir, cacheDir });
    if (!first.ok || !again.ok) throw new Error('the rounding mutant should compile');
    const key = 'contracts/SplitMarket.sol:SplitMarket';
    expect(first.cached).toBe(false);
    expect(again.cached).toBe(true);
    expect(first.artifacts.contracts[key]?.deployedBytecode).not.toBe(base.contracts[key]?.deployedBytecode);
    expect(again.artifacts.contracts[key]?.deployedBytecode).toBe(first.artifacts.contracts[key]?.deployedBytecode);
    // Untouched contracts are the base's.
    const oracle = 'contracts/SlowOracle.sol:SlowOracle';
    expect(first.artifacts.contracts[oracle]).toBe(base.contracts[oracle]);
  });

  it("reports a mutant that does not compile as invalid, with solc's error, and runs nothing", async () => {
    const mutant = payout[0] as Mutant;
    const broken: Mutant = { ...mutant, id: 'broken', source: mutant.source.replace('uint256 a,', 'uint257 a,') };
    const outcome = await runDifferentialOnMutant(broken, { seed: 1, runs: 1, depth: 1 }, { cacheDir: false });
    expect(outcome).toMatchObject({ id: 'broken', status: 'invalid' });
    expect(outcome.detail).toMatch(/uint257/);
    expect(outcome.killedBy).toBeUndefined();
  });
});
