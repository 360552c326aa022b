import { join, resolve } from 'node:path';
import { type Artifacts, compileContracts, PROJECT_ROOT } from '../compile/index.ts';
import { branchTarget } from '../guide/target.ts';
import { compileMutant } from './compile-mutant.ts';
import { runKillCampaign } from './kill-campaign.ts';
import type { Mutant } from './mutant.ts';

/** What happened to one mutant. */
export interface MutantOutcome {
  id: string;
  status: 'killed' | 'survived' | 'invalid';
  /** What killed it: a property id (`M2`, `O4`, …), `D1` (the diverging path is in `detail`), or `error` (the harness threw). */
  killedBy?: string;
  /** The failure as `cliffless fuzz` prints it (killed), or solc's first error (invalid). */
  detail?: string;
  /** Actions executed until the failure (excluding shrinking, which is not done). */
  actionsToKill?: number;
  /** Seconds from the start of the campaign (after compile) to the failure. */
  secondsToKill?: number;
  /** Seconds spent compiling the mutant. */
  compileSeconds: number;
  /** Total seconds for this mutant. */
  seconds: number;
  /** Every check that failed on the killing step: the mutant's row of the kill matrix. */
  violations?: string[];
  /** 0-based run and step of the killing failure (-1: the world could not be set up). */
  run?: number;
  step?: number;
  /** Survived: runs and actions executed, and whether the time budget cut the campaign short. */
  runs?: number;
  actions?: number;
  interrupted?: boolean;
  /** True when the compiled mutant came from the mutant cache. */
  compileCached?: boolean;
  /** Survived a guided campaign: the mutated line's branch directions it reached, of all. */
  reach?: { reached: number; total: number };
}

/** The campaign each mutant gets. */
export interface MutantBudget {
  seed: number;
  runs: number;
  depth: number;
  /** Wall-clock limit for the campaign, in seconds; the outcome then depends on the machine's speed. */
  timeSeconds?: number;
  /** Runs chosen by the guided loop directed at the mutated line (`cliffless mutate --guided`). */
  guided?: boolean;
}

/** Where to find the contracts and keep compiled mutants. */
export interface RunMutantOptions {
  contractsDir?: string;
  /** Mutant cache folder, or false for none (default `.cliffless/mutant-cache`). */
  cacheDir?: string | false;
}

/** The unmutated compilation, once per process and folder (a cache hit after the first). */
const baseArtifacts = new Map<string, Artifacts>();

/**
 * Compiles the mutant (solc-js, same settings as everything else), runs a bounded differential
 * campaign that stops at the first failure (no shrinking) and returns the outcome. Callable from a
 * worker thread; deterministic unless `budget.timeSeconds` cuts a campaign short.
 */
export async function runDifferentialOnMutant(
  mutant: Mutant,
  budget: MutantBudget,
  options: RunMutantOptions = {},
): Promise<MutantOutcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const contractsDir = resolve(options.contractsDir ?? join(PROJECT_ROOT, 'contracts'));
  let base = baseArtifacts.get(contractsDir);
  if (base === undefined) {
    base = compileContracts({ contractsDir }).artifacts;
    baseArtifacts.set(contractsDir, base);
  }
  const compileStarted = performance.now();
  const compiled = compileMutant(mutant, base, {
    contractsDir,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
  });
  const compileSeconds = (performance.now() - compileStarted) / 1000;
  if (!compiled.ok)
    return { id: mutant.id, status: 'invalid', detail: compiled.error, compileSeconds, seconds: seconds() };

  // The mutated line's branch directions in the mutant's code; its function's lines from the
  // unmutated AST (the mutant's own AST is not kept).
  const target =
    budget.guided === true
      ? branchTarget(compiled.artifacts, new Map([[mutant.file, new Set([mutant.line])]]), base)
      : undefined;
  const result = await runKillCampaign(compiled.artifacts, budget, target);
  const common = { id: mutant.id, compileSeconds, compileCached: compiled.cached };
  if (!result.killed) {
    return {
      ...common,
      status: 'survived',
      runs: result.runs,
      actions: result.actions,
      interrupted: result.interrupted,
      ...(result.reach === undefined ? {} : { reach: result.reach }),
      seconds: seconds(),
    };
  }
  return {
    ...common,
    status: 'killed',
    killedBy: result.killedBy,
    detail: result.detail,
    actionsToKill: result.actions,
    secondsToKill: result.seconds,
    violations: result.violations,
    run: result.run,
    step: result.step,
    seconds: seconds(),
  };
}
