import type { Action } from '../../reference/action.ts';
import type { GasUsage } from '../evm/chain.ts';
import type { EvmHost } from '../evm/host.ts';
import type { Side } from '../side.ts';

/**
 * The EVM side, with the gas of each action it executes remembered by the action object. The
 * checks run probes on throw-away copies through the same side (new action objects), and the
 * runner executes each step's action once before them, so the first gas recorded for a step's
 * action object is that step's: keyed by identity, a probe never stands in for a step.
 */
export class GasMeter {
  private readonly gas = new WeakMap<Action, GasUsage | undefined>();
  readonly side: Side;

  constructor(evm: Side, host: EvmHost) {
    this.side = {
      ...evm,
      execute: async (action) => {
        const outcome = await evm.execute(action);
        if (!this.gas.has(action)) this.gas.set(action, host.lastGas);
        return outcome;
      },
    };
  }

  /** The gas each of these steps' actions used when it ran (`undefined`: a warp, or never metered). */
  gasOf(steps: readonly { action: Action }[]): (GasUsage | undefined)[] {
    return steps.map((step) => this.gas.get(step.action));
  }
}
