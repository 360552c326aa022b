import { checkedAdd, saturatingSub } from '../checked.ts';
import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import { ZERO_ADDRESS } from '../primitives.ts';
import { mint } from '../tokens/erc20.ts';
import type { Tx } from '../tx.ts';
import { marketBalance, pullCollateral } from './collateral.ts';
import { nonReentrant } from './guard.ts';
import { seriesOf, seriesToWrite } from './series-of.ts';

/**
 * `SplitMarket.split`. Checks, in order: reentrancy guard, series exists, not settled, amount != 0,
 * to != 0. Then pulls the collateral and requires the market's balance to have grown by `amount`.
 * Logs: collateral Transfer(caller → market) [a fee token adds its burn, then reverts anyway],
 * P Transfer(0 → to), N Transfer(0 → to), Split.
 */
export function split(tx: Tx, caller: Address, seriesId: Bytes32, amount: bigint, to: Address): AbiValue[] {
  return nonReentrant(tx, () => {
    const series = seriesOf(tx, seriesId);
    if (series.settled) revert('AlreadySettled', seriesId);
    if (amount === 0n) revert('ZeroAmount');
    if (to === ZERO_ADDRESS) revert('InvalidRecipient', to);

    const before = marketBalance(tx, series.collateral);
    pullCollateral(tx, series.collateral, caller, amount);
    // A balance that shrank counts as nothing received (unreachable here: callers are accounts).
    const received = saturatingSub(marketBalance(tx, series.collateral), before);
    if (received < amount) revert('CollateralShortfall', series.collateral, amount, received);

    const record = seriesToWrite(tx, seriesId);
    record.locked = checkedAdd(record.locked, amount);
    mint(tx, series.pToken, to, amount);
    mint(tx, series.nToken, to, amount);
    tx.emit(tx.config.market, 'Split', { seriesId, account: caller, to, amount });
    return [];
  });
}
