import type { WorldSetup } from '../../reference/setup.ts';
import type { Side } from '../side.ts';
import { Checks, type ChecksOptions } from './checks.ts';

/**
 * A deployed world on both sides, with the snapshots every run starts from: a campaign deploys once
 * and restores these before each run, never redeploying.
 */
export interface Environment {
  setup: WorldSetup;
  model: Side;
  evm: Side;
  modelStart: unknown;
  evmStart: unknown;
  /** Checks that need the EVM beyond the Side interface (the contract's payout math and views). */
  checkOptions?: Pick<ChecksOptions, 'contractMath' | 'views'>;
}

/** Puts both sides back at the start of a run. */
export async function resetEnvironment(env: Environment): Promise<void> {
  await env.model.restore(env.modelStart);
  await env.evm.restore(env.evmStart);
}

/**
 * The checks for runs on this environment: its actors, its EVM-backed options (the contract's
 * payout math, its views) and the given probe cadence.
 */
export function checksFor(env: Environment, cadence: { probesPerStep: number; probeEvery?: number }): Checks {
  return new Checks({
    actors: env.setup.actors,
    probesPerStep: cadence.probesPerStep,
    ...(cadence.probeEvery === undefined ? {} : { probeEvery: cadence.probeEvery }),
    ...env.checkOptions,
  });
}
