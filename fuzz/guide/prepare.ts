import type { Artifacts } from '../compile/index.ts';
import type { Chain } from '../evm/index.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../runner/prepare.ts';
import type { TraceWorld } from '../trace/format.ts';
import { BranchRecorder } from './branch-recorder.ts';

/**
 * Deploys the world with a branch recorder on its EVM, attached before anything is deployed (on
 * the main thread and on every worker thread alike). `onChain` sees the chain too (the coverage
 * recorder of `--coverage`).
 */
export async function prepareGuidedEnvironment(
  artifacts: Artifacts,
  world: TraceWorld,
  onChain?: (chain: Chain) => void,
): Promise<{ env: PreparedEnvironment; recorder: BranchRecorder }> {
  let recorder: BranchRecorder | undefined;
  const env = await prepareEnvironment(artifacts, world, {
    onChain: (chain) => {
      onChain?.(chain);
      recorder = new BranchRecorder(chain.evm, artifacts);
    },
  });
  if (recorder === undefined) throw new Error('internal: the branch recorder was never attached');
  return { env, recorder };
}
