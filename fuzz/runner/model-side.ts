import { createWorld, execute, observe, restore, type Snapshot, snapshot } from '../../reference/index.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import type { Side } from '../side.ts';

/** The reference model as a {@link Side}. */
export function modelSide(setup: WorldSetup): Side {
  const world = createWorld(setup);
  return {
    name: 'model',
    execute: async (action) => execute(world, action),
    observe: async () => observe(world),
    snapshot: async () => snapshot(world),
    restore: async (saved) => restore(world, saved as Snapshot),
  };
}
