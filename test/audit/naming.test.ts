import { describe, expect, it } from 'vitest';
import { genericPath, withNames } from '../../fuzz/audit/naming.ts';
import { ARBITRATOR, actorAddress } from '../../fuzz/evm/world.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';

const weth: Address = '0x00000000000000000000000000000000000000e1';
const setup = {
  timestamp: 1n,
  market: '0x00000000000000000000000000000000000000a1',
  oracle: {
    address: '0x00000000000000000000000000000000000000a2',
    bondToken: weth,
    minBond: 1n,
    liveness: 1n,
    arbitrationTimeout: 1n,
    arbitrator: ARBITRATOR,
  },
  tokens: [{ address: weth, kind: 'plain', decimals: 18, name: 'Wrapped Ether', symbol: 'WETH' }],
  actors: [actorAddress(0), actorAddress(1), ARBITRATOR],
  balances: {},
} as unknown as WorldSetup;

describe('difference paths', () => {
  it('names addresses, series and index ids the way traces do', () => {
    const book = new NameBook(setup);
    const series = `0x${'ab'.repeat(32)}` as Bytes32;
    book.addSeries(series, '0x00000000000000000000000000000000000000b1', '0x00000000000000000000000000000000000000b2');
    const ethUsd = `0x${Buffer.from('ETH/USD').toString('hex').padEnd(64, '0')}`;
    expect(withNames(`state.tokens.0x00000000000000000000000000000000000000b1.balances.${actorAddress(1)}`, book)).toBe(
      'state.tokens.P#0.balances.bob',
    );
    expect(withNames(`state.series.${series}.locked`, book)).toBe('state.series.#0.locked');
    expect(withNames(`state.oracleState.questions.${ethUsd}@1700003600.finalized`, book)).toBe(
      'state.oracleState.questions.ETH/USD@1700003600.finalized',
    );
  });

  it('groups the same change met by different actors and series, but keeps roles and tokens apart', () => {
    expect(genericPath('state.tokens.P#1.balances.bob')).toBe('state.tokens.P#*.balances.*');
    expect(genericPath('state.tokens.P#0.allowances.alice.market')).toBe('state.tokens.P#*.allowances.*.market');
    expect(genericPath('state.oracleState.credits.arbitrator')).toBe('state.oracleState.credits.arbitrator');
    expect(genericPath('state.tokens.WETH.balances.market')).toBe('state.tokens.WETH.balances.market');
    expect(genericPath('outcome.returns[0]')).toBe('outcome.returns[0]');
    // A name that merely starts like an actor's is not one.
    expect(genericPath('state.tokens.WETH.balances.alicex')).toBe('state.tokens.WETH.balances.alicex');
  });
});
