import type { Address } from './primitives.ts';
import type { Tx } from './tx.ts';

/**
 * `flows` is defined by logs, so the EVM side can compute it the same way: for every token of the
 * world (setup tokens including the bond token, and every claim token from its creation), `paidIn`
 * sums the values of its Transfer logs with `to == market` and `paidOut` those with `from == market`
 * (a self-transfer counts in both), starting with the setup's mints. A ledger's Transfer logs count
 * for every address of the ledger (its entry points log nothing themselves, see tokens/ledger.ts).
 * Hence, for every token, `balanceOf(market) == paidIn - paidOut` at all times.
 */
export function recordFlow(tx: Tx, token: Address, from: Address, to: Address, value: bigint): void {
  const market = tx.config.market;
  if (from !== market && to !== market) return;
  for (const address of tx.config.ledgers[token] ?? [token]) {
    const flow = tx.flows.get(address) ?? { paidIn: 0n, paidOut: 0n };
    tx.flows.set(address, {
      paidIn: to === market ? flow.paidIn + value : flow.paidIn,
      paidOut: from === market ? flow.paidOut + value : flow.paidOut,
    });
  }
}
