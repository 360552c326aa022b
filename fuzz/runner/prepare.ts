import { checkD1 } from '../../properties/index.ts';
import type { Action } from '../../reference/action.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { Artifacts } from '../compile/index.ts';
import type { EvmHost, WorldOptions } from '../evm/index.ts';
import { contractPayoutMath, deployWorld, evmSide } from '../evm/index.ts';
import { checkViews } from '../evm/view-check.ts';
import type { TraceWorld } from '../trace/format.ts';
import { NameBook } from '../trace/names.ts';
import { Checks } from './checks.ts';
import type { Environment } from './environment.ts';
import { modelSide } from './model-side.ts';
import { describeFailure } from './render.ts';
import { runSequence } from './run-sequence.ts';

/** A prepared environment and the EVM host behind it (for gas, coverage and benchmarks). */
export interface PreparedEnvironment extends Environment {
  host: EvmHost;
}

/**
 * Deploys the world a trace or campaign names on the EVM, builds the model from the same setup,
 * checks the two agree before any action, applies the world's approvals on both sides (every actor
 * grants the market and the oracle an unlimited allowance on every token), and snapshots both.
 * `options.onChain` sees the chain before anything is deployed (the coverage recorder).
 */
export async function prepareEnvironment(
  artifacts: Artifacts,
  world: TraceWorld,
  options: Pick<WorldOptions, 'onChain'> = {},
): Promise<PreparedEnvironment> {
  const host = await deployWorld(artifacts, { actorCount: world.actors, ...options });
  const setup = host.setup;
  const model = modelSide(setup);
  const evm = evmSide(host);
  const [start] = checkD1(
    { outcome: { ok: true, returns: [], events: [] }, state: await model.observe() },
    { outcome: { ok: true, returns: [], events: [] }, state: await evm.observe() },
  );
  if (start !== undefined) {
    throw new Error(
      `internal: model and EVM disagree before any action at ${start.path}: ${start.expected} vs ${start.actual}`,
    );
  }
  if (world.approvals) {
    const approvals = approvalsPrelude(
      setup.actors,
      setup.tokens.map((t) => t.address),
      [setup.market, setup.oracle.address],
    );
    const checks = new Checks({ actors: setup.actors, probesPerStep: 0 });
    const result = await runSequence(model, evm, (_, i) => approvals[i], { checks });
    if (result.failure !== undefined) {
      throw new Error(
        `internal: the approvals prelude failed\n${describeFailure(result.failure, new NameBook(setup))}`,
      );
    }
  }
  return {
    setup,
    model,
    evm,
    host,
    modelStart: await model.snapshot(),
    evmStart: await evm.snapshot(),
    checkOptions: {
      contractMath: (inputs) => contractPayoutMath(host, inputs),
      views: (state, rotation) => checkViews(host, state, rotation),
    },
  };
}

/** Every actor approves every spender for the maximum on every token. */
export function approvalsPrelude(
  actors: readonly `0x${string}`[],
  tokens: readonly `0x${string}`[],
  spenders: readonly `0x${string}`[],
): Action[] {
  return actors.flatMap((caller) =>
    tokens.flatMap((token) =>
      spenders.map((spender): Action => ({ kind: 'approve', caller, token, spender, amount: MAX_UINT256 })),
    ),
  );
}
