import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifacts } from '../../fuzz/compile/index.ts';
import { compileContracts } from '../../fuzz/compile/index.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../../fuzz/runner/prepare.ts';
import type { TraceWorld } from '../../fuzz/trace/format.ts';

/** The seed CI campaigns use unless FUZZ_SEED says otherwise. */
export const SEED = Number(process.env.FUZZ_SEED ?? 1);

/** FUZZ_RUNS, or the given default. */
export const runs = (fallback: number): number => Number(process.env.FUZZ_RUNS ?? fallback);

/** The standard world: four actors and the arbitrator, unlimited approvals to market and oracle. */
export const WORLD: TraceWorld = { actors: 4, approvals: true };

/** The shipped contracts, compiled (cached after the first time). */
export function shippedArtifacts(): Artifacts {
  return compileContracts().artifacts;
}

/**
 * The contracts with one file's text changed in memory: a deliberately broken variant that exists
 * only for the test, never in contracts/. Throws if `find` does not occur, so a refactor of the
 * contract cannot silently turn the test into one that breaks nothing.
 */
export function brokenArtifacts(unit: string, find: string, replace: string): Artifacts {
  const original = readFileSync(join(import.meta.dirname, '..', '..', unit), 'utf8');
  if (!original.includes(find)) throw new Error(`broken variant: "${find}" does not occur in ${unit}`);
  return compileContracts({ sources: { [unit]: original.replace(find, replace) } }).artifacts;
}

/** A fresh environment on the given artifacts. */
export function environment(artifacts: Artifacts, world: TraceWorld = WORLD): Promise<PreparedEnvironment> {
  return prepareEnvironment(artifacts, world);
}
