import { revert } from '../errors.ts';
import type { Bytes32 } from '../primitives.ts';
import type { SeriesRecord } from '../state.ts';
import type { Tx } from '../tx.ts';

/** The series `seriesId`, for reading; `UnknownSeries(seriesId)` when it was never created. */
export function seriesOf(tx: Tx, seriesId: Bytes32): Readonly<SeriesRecord> {
  return tx.series.get(seriesId) ?? revert('UnknownSeries', seriesId);
}

/** The series `seriesId`, owned by the transaction for writing; it must exist. */
export function seriesToWrite(tx: Tx, seriesId: Bytes32): SeriesRecord {
  const record = tx.series.mut(seriesId);
  if (record === undefined) throw new Error(`internal: series ${seriesId} vanished`);
  return record;
}
