import { checkedSub } from '../checked.ts';
import { revert } from '../errors.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import { ZERO_ADDRESS } from '../primitives.ts';
import { burn } from '../tokens/erc20.ts';
import type { Tx } from '../tx.ts';
import { pushCollateral } from './collateral.ts';
import { nonReentrant } from './guard.ts';
import { seriesOf, seriesToWrite } from './series-of.ts';

/**
 * `SplitMarket.merge`, allowed before and after expiry and settlement. Checks, in order: reentrancy
 * guard, series exists, amount != 0, to != 0; then burns P, then N (the claim token's
 * ERC20InsufficientBalance bubbles up), then sends the collateral.
 * Logs: P Transfer(caller → 0), N Transfer(caller → 0), collateral Transfer(market → to)
 * [a fee token adds Transfer(market → 0, fee)], Merged.
 */
export function merge(tx: Tx, caller: Address, seriesId: Bytes32, amount: bigint, to: Address): AbiValue[] {
  return nonReentrant(tx, () => {
    const series = seriesOf(tx, seriesId);
    if (amount === 0n) revert('ZeroAmount');
    if (to === ZERO_ADDRESS) revert('InvalidRecipient', to);

    burn(tx, series.pToken, caller, amount);
    burn(tx, series.nToken, caller, amount);
    const record = seriesToWrite(tx, seriesId);
    record.locked = checkedSub(record.locked, amount);
    pushCollateral(tx, series.collateral, to, amount);
    tx.emit(tx.config.market, 'Merged', { seriesId, account: caller, to, amount });
    return [];
  });
}
