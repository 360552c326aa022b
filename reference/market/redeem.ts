import { checkedSub } from '../checked.ts';
import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import { payoutN, payoutP } from '../payout.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import { ZERO_ADDRESS } from '../primitives.ts';
import { burn } from '../tokens/erc20.ts';
import type { Tx } from '../tx.ts';
import { pushCollateral } from './collateral.ts';
import { nonReentrant } from './guard.ts';
import { seriesOf, seriesToWrite } from './series-of.ts';

/**
 * `SplitMarket.redeem`. Checks, in order: reentrancy guard, series exists, settled, not both amounts
 * zero, to != 0; then burns P, then N (each even when its amount is 0, as the NatSpec says, which
 * logs a zero Transfer), then sends the payout unless it is 0. Returns `[payout]`.
 * Logs: P Transfer(caller → 0, pAmount), N Transfer(caller → 0, nAmount),
 * [collateral Transfer(market → to, payout) when payout > 0], Redeemed.
 */
export function redeem(
  tx: Tx,
  caller: Address,
  seriesId: Bytes32,
  pAmount: bigint,
  nAmount: bigint,
  to: Address,
): AbiValue[] {
  return nonReentrant(tx, () => {
    const series = seriesOf(tx, seriesId);
    if (!series.settled) revert('NotSettled', seriesId);
    // "pAmount + nAmount != 0" means "not both zero": a literal checked sum could overflow.
    if (pAmount === 0n && nAmount === 0n) revert('ZeroAmount');
    if (to === ZERO_ADDRESS) revert('InvalidRecipient', to);

    burn(tx, series.pToken, caller, pAmount);
    burn(tx, series.nToken, caller, nAmount);
    const price = series.settlementPrice;
    const payout = payoutP(pAmount, series.strike, price) + payoutN(nAmount, series.strike, price);
    const record = seriesToWrite(tx, seriesId);
    record.locked = checkedSub(record.locked, payout);
    if (payout > 0n) pushCollateral(tx, series.collateral, to, payout);
    tx.emit(tx.config.market, 'Redeemed', { seriesId, account: caller, to, pAmount, nAmount, payout });
    return [payout];
  });
}
