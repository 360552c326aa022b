import { describe, expect, it } from 'vitest';
import {
  checkM2,
  lockedOn,
  modelPayoutMath,
  type ObservedState,
  type PayoutMath,
  rebaseShortfall,
} from '../../properties/index.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import {
  baseState,
  COLLATERAL,
  clone,
  MARKET,
  N_TOKEN,
  SERIES,
  series,
  setBalance,
  settled,
  where,
} from './fixtures.ts';
import { specPayout } from './payout-variants.ts';

describe('M2 solvency', () => {
  it('holds when the market holds exactly what is locked, and after a donation', () => {
    expect(checkM2(baseState(), specPayout)).toEqual([]);
    const donated = baseState();
    setBalance(donated, COLLATERAL, MARKET, 150n);
    expect(checkM2(donated, specPayout)).toEqual([]);
  });

  it('reports the collateral the market holds too little of', () => {
    const state = baseState();
    setBalance(state, COLLATERAL, MARKET, 99n);
    const violations = checkM2(state, specPayout);
    expect(where(violations)).toEqual([{ id: 'M2', account: MARKET, token: COLLATERAL }]);
    expect(violations[0]).toMatchObject({ expected: '>= 100', actual: '99' });
  });

  it('a collateral that is no observed token (the market itself) breaks M2 only once something is locked on it', () => {
    const state = baseState();
    series(state).collateral = MARKET;
    series(state).locked = 0n;
    expect(checkM2(state, specPayout)).toEqual([]);
    series(state).locked = 1n;
    expect(where(checkM2(state, specPayout))).toEqual([{ id: 'M2', account: MARKET, token: MARKET }]);
  });

  it('holds after settlement while locked covers the outstanding claims at the price', () => {
    // 100 P pay 80 and 100 N pay 20 at x = 2500, S = 2000.
    expect(checkM2(settled(), specPayout)).toEqual([]);
  });

  it('reports a settled series whose locked no longer covers its claims', () => {
    const state = settled();
    series(state).locked = 99n;
    setBalance(state, COLLATERAL, MARKET, 99n);
    const violations = checkM2(state, specPayout);
    expect(where(violations)).toEqual([{ id: 'M2', series: SERIES }]);
    expect(violations[0]).toMatchObject({ expected: '>= 100', actual: '99' });
  });

  it('uses the payout math it is given (a variant that overpays N breaks cover)', () => {
    const overpays: PayoutMath = { ...modelPayoutMath, payoutN: (a, S, x) => modelPayoutMath.payoutN(a, S, x) + 1n };
    expect(where(checkM2(settled(), overpays))).toEqual([{ id: 'M2', series: SERIES }]);
  });

  it('reports a settled series whose claim token is not observed', () => {
    const state = settled();
    delete state.tokens[N_TOKEN];
    expect(where(checkM2(state, specPayout))).toEqual([{ id: 'M2', series: SERIES }]);
  });

  it('forgives exactly what a negative rebase took from the backing, and not one unit more', () => {
    const before = baseState(); // 100 locked, 100 held
    const after = clone(before);
    setBalance(after, COLLATERAL, MARKET, 80n); // the rebase shrank every balance by 20%
    const lost = rebaseShortfall(before, after, COLLATERAL);
    expect(lost).toBe(20n);
    const shortfalls = new Map([[COLLATERAL, lost]]);
    expect(where(checkM2(after, specPayout))).toEqual([{ id: 'M2', account: MARKET, token: COLLATERAL }]);
    expect(checkM2(after, specPayout, shortfalls)).toEqual([]);
    const drained = clone(after);
    setBalance(drained, COLLATERAL, MARKET, 79n);
    const violations = checkM2(drained, specPayout, shortfalls);
    expect(where(violations)).toEqual([{ id: 'M2', account: MARKET, token: COLLATERAL }]);
    expect(violations[0]).toMatchObject({ expected: '>= 100 - 20 lost to negative rebases', actual: '79' });
  });

  it('a rebase up, one that only eats a donated surplus, or one with nothing locked forgives nothing', () => {
    const rebased = (held: bigint, now: bigint, locked = 100n) => {
      const before = baseState();
      series(before).locked = locked;
      setBalance(before, COLLATERAL, MARKET, held);
      const after = clone(before);
      setBalance(after, COLLATERAL, MARKET, now);
      return rebaseShortfall(before, after, COLLATERAL);
    };
    expect(rebased(100n, 120n)).toBe(0n);
    expect(rebased(150n, 110n)).toBe(0n);
    expect(rebased(150n, 90n)).toBe(10n);
    expect(rebased(50n, 40n, 0n)).toBe(0n);
  });

  describe('per ledger: one balance at two addresses (TUSD)', () => {
    const ENTRY: Address = `0x${'c1'.repeat(20)}`;
    const TWIN: Bytes32 = `0x${'5f'.repeat(32)}`;
    /**
     * The fixture's series on COLLATERAL (100 locked) and a twin on ENTRY, the ledger's second
     * address, locking `twinLocked`; the market's balance on the ledger is `held`, seen alike
     * through both addresses, as both observers report it.
     */
    const twoDoors = (held: bigint, twinLocked = 100n): ObservedState => {
      const state = baseState();
      setBalance(state, COLLATERAL, MARKET, held);
      state.tokens[ENTRY] = state.tokens[COLLATERAL] as ObservedState['tokens'][Address];
      state.ledgers = { [COLLATERAL]: [COLLATERAL, ENTRY] };
      state.series[TWIN] = { ...series(state), collateral: ENTRY, locked: twinLocked };
      return state;
    };
    /** The same state as a per-address M2 sees it: no ledger declared. */
    const perAddress = (state: ObservedState): ObservedState => ({ ...state, ledgers: {} });

    it('two series on the two addresses backed by one deposit: per address passes, per ledger fails', () => {
      const state = twoDoors(100n);
      // Each address shows the market holding 100, each series locks 100: the old check is blind.
      expect(checkM2(perAddress(state), specPayout)).toEqual([]);
      const violations = checkM2(state, specPayout);
      expect(where(violations)).toEqual([{ id: 'M2', account: MARKET, token: COLLATERAL }]);
      expect(violations[0]).toMatchObject({ expected: '>= 200', actual: '100' });
      expect(violations[0]?.message).toContain(`the ledger ${COLLATERAL} (at ${COLLATERAL}, ${ENTRY})`);
    });

    it('holds when the one balance covers both series, to the unit', () => {
      expect(checkM2(twoDoors(200n), specPayout)).toEqual([]);
      expect(where(checkM2(twoDoors(199n), specPayout))).toEqual([{ id: 'M2', account: MARKET, token: COLLATERAL }]);
      expect(checkM2(twoDoors(130n, 30n), specPayout)).toEqual([]);
    });

    it('lockedOn sums over every address of the ledger, through either address', () => {
      const state = twoDoors(200n, 30n);
      expect(lockedOn(state, COLLATERAL)).toBe(130n);
      expect(lockedOn(state, ENTRY)).toBe(130n);
      expect(lockedOn(perAddress(state), ENTRY)).toBe(30n);
    });
  });
});
