import type { Artifacts } from '../../fuzz/compile/index.ts';
import { BranchRecorder } from '../../fuzz/guide/branch-recorder.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../../fuzz/runner/prepare.ts';
import { WORLD } from '../fuzz/support.ts';

/** A deployed world with a branch recorder on its EVM (attached before anything is deployed). */
export async function guidedEnvironment(
  artifacts: Artifacts,
): Promise<{ env: PreparedEnvironment; recorder: BranchRecorder }> {
  let recorder: BranchRecorder | undefined;
  const env = await prepareEnvironment(artifacts, WORLD, {
    onChain: (chain) => {
      recorder = new BranchRecorder(chain.evm, artifacts);
    },
  });
  if (recorder === undefined) throw new Error('the recorder was never attached');
  return { env, recorder };
}

/**
 * Merge's accounting is off by one only when a merge takes out exactly the series' whole locked
 * collateral and sends it to someone other than the caller: a branch reachable only through a
 * narrow relationship (amount at the `locked` threshold, receiver ≠ caller).
 */
export const NARROW_MERGE = [
  'contracts/SplitMarket.sol',
  '        s.locked -= amount;\n        IERC20(s.collateral).safeTransfer(to, amount);',
  '        s.locked -= (to != msg.sender && amount + 1 == s.locked) ? amount - 1 : amount;\n        IERC20(s.collateral).safeTransfer(to, amount);',
] as const;
