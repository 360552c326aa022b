import { hasCode } from '../code.ts';
import { ModelUnsupportedError, revert } from '../errors.ts';
import { claimTokenAddresses, seriesIdOf } from '../ids.ts';
import type { AbiValue } from '../outcome.ts';
import type { Address, Bytes32 } from '../primitives.ts';
import { claimSymbolFromData } from '../tokens/raw-symbol.ts';
import type { Tx } from '../tx.ts';
import { claimNameAndSymbol, collateralSymbolForClaims } from './claim-naming.ts';
import { nonReentrant } from './guard.ts';

/** What createSeries is given. */
export interface CreateSeriesArgs {
  collateral: Address;
  oracle: Address;
  indexId: Bytes32;
  strike: bigint;
  expiry: bigint;
}

/**
 * `SplitMarket.createSeries`. Checks, in order: collateral has code, oracle has code, strike != 0,
 * expiry > now, series does not exist. Deploys P then N with CREATE (no logs: OZ's ERC20 constructor
 * emits none), then emits SeriesCreated. Returns `[seriesId]`.
 */
export function createSeries(tx: Tx, args: CreateSeriesArgs): AbiValue[] {
  return nonReentrant(tx, () => {
    const { collateral, oracle, indexId, strike, expiry } = args;
    if (!hasCode(tx.config, tx.tokens, collateral)) revert('CollateralHasNoCode', collateral);
    if (!hasCode(tx.config, tx.tokens, oracle)) revert('OracleHasNoCode', oracle);
    if (strike === 0n) revert('ZeroStrike');
    if (expiry <= tx.timestamp) revert('ExpiryNotInFuture', expiry, tx.timestamp);
    const seriesId = seriesIdOf(collateral, oracle, indexId, strike, expiry);
    if (tx.series.has(seriesId)) revert('SeriesExists', seriesId);

    // ClaimToken takes the collateral's decimals(), or 18 when that call fails (market, oracle), and
    // names itself after the collateral's symbol, or COLL when it has none that fits.
    const collateralToken = tx.tokens.get(collateral);
    const decimals = collateralToken?.decimals ?? 18;
    const collateralSymbol =
      collateralToken?.symbolData === undefined
        ? collateralSymbolForClaims(collateralToken?.symbol)
        : claimSymbolFromData(collateralToken.symbolData);
    const { pToken, nToken } = claimTokenAddresses(tx.config.market, tx.series.size);
    for (const [side, token] of [
      ['P', pToken],
      ['N', nToken],
    ] as const) {
      if (hasCode(tx.config, tx.tokens, token)) {
        throw new ModelUnsupportedError('CREATE address collision.', `The claim token address ${token} is taken.`);
      }
      tx.tokens.set(token, {
        kind: 'claim',
        decimals,
        ...claimNameAndSymbol(side, collateralSymbol, strike, expiry),
        totalSupply: 0n,
        balances: new Map(),
        allowances: new Map(),
        armed: false,
      });
      tx.flows.set(token, { paidIn: 0n, paidOut: 0n });
    }
    tx.series.set(seriesId, {
      collateral,
      oracle,
      indexId,
      strike,
      expiry,
      pToken,
      nToken,
      locked: 0n,
      settled: false,
      settlementPrice: 0n,
    });
    tx.emit(tx.config.market, 'SeriesCreated', {
      seriesId,
      collateral,
      oracle,
      indexId,
      strike,
      expiry,
      pToken,
      nToken,
    });
    return [seriesId];
  });
}
