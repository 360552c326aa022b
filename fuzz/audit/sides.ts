import { deepDiff } from '../../properties/deep-diff.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { compileForCli } from '../compile/for-cli.ts';
import type { Artifacts } from '../compile/index.ts';
import { CliflessError } from '../errors.ts';
import type { Chain, EvmHost } from '../evm/index.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../runner/prepare.ts';
import type { Side } from '../side.ts';
import type { TraceWorld } from '../trace/format.ts';

/** The two versions an audit compares, as reports name them. */
export type Version = 'base' | 'new';

/**
 * The model and both versions of the contracts, each deployed in its own embedded EVM from the same
 * fixed deployer, so every address is the same on both and one action means the same call on each.
 * Every run starts from the saved snapshots.
 */
export interface AuditEnvironment {
  /** The world as the new version deployed it (equal to the base's, or preparation refuses). */
  setup: WorldSetup;
  world: TraceWorld;
  model: Side;
  base: Side;
  next: Side;
  baseHost: EvmHost;
  newHost: EvmHost;
  starts: { model: unknown; base: unknown; next: unknown };
}

/**
 * Compiles one version for the audit; a compile error is a CliflessError (exit 2) that says which
 * version failed and shows solc's diagnostics, file:line first.
 */
export function compileVersion(version: Version, dir: string, label: string, log: (line: string) => void): Artifacts {
  try {
    return compileForCli(dir, (line) => log(`${version}: ${line}`));
  } catch (error) {
    if (error instanceof CliflessError) {
      throw new CliflessError(`${version} contracts (${label}): ${error.message}`, {
        ...(error.details === undefined ? {} : { details: error.details }),
      });
    }
    throw error;
  }
}

/**
 * Deploys both versions and the model (`onNewChain` sees the new version's chain before anything
 * is deployed on it: a branch recorder). Each version decodes and observes with its own artifacts (an
 * ABI or storage layout may change between them); the generator and the model see the new version's
 * setup. The audit refuses (exit 2) when the two versions do not deploy the same world or do not
 * start in the same observed state — a constructor or deployment change — because from different
 * start states every action would differ and no difference would mean anything.
 */
export async function prepareAudit(
  artifacts: Record<Version, Artifacts>,
  world: TraceWorld,
  labels: Record<Version, string>,
  options: { onNewChain?: (chain: Chain) => void } = {},
): Promise<AuditEnvironment> {
  const prepare = async (version: Version): Promise<PreparedEnvironment> => {
    try {
      const onChain = version === 'new' ? options.onNewChain : undefined;
      return await prepareEnvironment(artifacts[version], world, onChain === undefined ? {} : { onChain });
    } catch (error) {
      // prepareEnvironment calls a start state the model does not match "internal"; here it is
      // the version's doing (a constructor change), so say so plainly.
      const reason = (error as Error).message.replace(/^internal: /, '');
      throw new CliflessError(`${version} contracts (${labels[version]}): cannot deploy the audit world: ${reason}`, {
        details:
          'Both versions must deploy with the harness’s constructor arguments (fuzz/evm/world.ts) and start in the state the model describes; a constructor or deployment change cannot be audited this way.',
      });
    }
  };
  const base = await prepare('base');
  const next = await prepare('new');
  const [setupDifference] = deepDiff(base.setup, next.setup, 'setup', 1);
  const [stateDifference] = deepDiff(await base.evm.observe(), await next.evm.observe(), 'state', 1);
  const difference = setupDifference ?? stateDifference;
  if (difference !== undefined) {
    throw new CliflessError(
      `base and new contracts deploy different worlds: ${difference.path} is ${difference.expected} in base, ${difference.actual} in new`,
      {
        details:
          'An audit runs the same actions from the same start state on both versions; a change to a constructor, to the deployment or to the starting state cannot be audited this way. Audit the behaviour change and the deployment change separately.',
      },
    );
  }
  return {
    setup: next.setup,
    world,
    model: next.model,
    base: base.evm,
    next: next.evm,
    baseHost: base.host,
    newHost: next.host,
    starts: { model: next.modelStart, base: base.evmStart, next: next.evmStart },
  };
}

/** Puts the model and both versions back at the start of a run. */
export async function resetAudit(env: AuditEnvironment): Promise<void> {
  await env.model.restore(env.starts.model);
  await env.base.restore(env.starts.base);
  await env.next.restore(env.starts.next);
}
