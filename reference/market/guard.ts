import { revert } from '../errors.ts';
import type { Tx } from '../tx.ts';

/** OpenZeppelin's `nonReentrant` (transient): a nested entry reverts before any check of its own. */
export function nonReentrant<T>(tx: Tx, body: () => T): T {
  if (tx.guardEntered) revert('ReentrancyGuardReentrantCall');
  tx.guardEntered = true;
  try {
    return body();
  } finally {
    tx.guardEntered = false;
  }
}
