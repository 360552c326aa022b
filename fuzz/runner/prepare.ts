import { checkD1 } from '../../properties/index.ts';
import type { Action } from '../../reference/action.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { Artifacts } from '../compile/index.ts';
import { CliflessError } from '../errors.ts';
import { DeploymentError } from '../evm/deploy.ts';
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
  let host: EvmHost;
  try {
    host = await deployWorld(artifacts, { actorCount: world.actors, ...options });
  } catch (error) {
    if (!(error instanceof DeploymentError)) throw error;
    throw new CliflessError(`the contracts do not deploy: ${error.message}`, {
      details:
        'The harness deploys them with the constructor arguments in fuzz/evm/world.ts; a constructor that reverts with those cannot be fuzzed.',
    });
  }
  const setup = host.setup;
  const model = modelSide(setup);
  const evm = evmSide(host);
  const [start] = checkD1(
    { outcome: { ok: true, returns: [], events: [] }, state: await model.observe() },
    { outcome: { ok: true, returns: [], events: [] }, state: await evm.observe() },
  );
  if (start !== undefined) {
    // The contracts' doing (a constructor that sets up another state), so a finding: exit 1.
    throw new CliflessError(
      `the contracts fail D1 before any action: at ${start.path}, the model has ${start.expected} and the EVM ${start.actual}`,
      {
        exitCode: 1,
        details: 'The deployed contracts do not start in the state the model describes (fuzz/evm/world.ts).',
      },
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
      // Every actor approving the market and the oracle is part of the world: a failure there is the
      // contracts' (an approve that reverts or sets another allowance), so a finding: exit 1.
      throw new CliflessError('the contracts fail while the world is set up (every actor approves market and oracle)', {
        exitCode: 1,
        details: describeFailure(result.failure, new NameBook(setup)),
      });
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
