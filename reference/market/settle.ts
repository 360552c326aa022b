import { revert } from '../errors.ts';
import { finalValue } from '../oracle/final-value.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import type { Tx } from '../tx.ts';
import { nonReentrant } from './guard.ts';
import { seriesOf, seriesToWrite } from './series-of.ts';

/**
 * `SplitMarket.settle`, by anyone (`_caller` is unused: settle records no caller). Checks, in order:
 * reentrancy guard, series exists, not settled, now >= expiry, the oracle reports (indexId, expiry)
 * final. Logs: Settled. Returns `[price]`.
 */
export function settle(tx: Tx, _caller: Address, seriesId: Bytes32): AbiValue[] {
  return nonReentrant(tx, () => {
    const series = seriesOf(tx, seriesId);
    if (series.settled) revert('AlreadySettled', seriesId);
    if (tx.timestamp < series.expiry) revert('NotExpired', seriesId, series.expiry, tx.timestamp);
    const { isFinal, value } = finalValue(tx, series.oracle, series.indexId, series.expiry);
    if (!isFinal) revert('NotFinalized', seriesId, series.indexId, series.expiry);

    const record = seriesToWrite(tx, seriesId);
    record.settled = true;
    record.settlementPrice = value;
    tx.emit(tx.config.market, 'Settled', { seriesId, price: value });
    return [value];
  });
}
