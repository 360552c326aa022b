import { describe, expect, it } from 'vitest';
import { checkM8State, checkM8Transition } from '../../properties/index.ts';
import { ALICE, BOB, baseState, COLLATERAL, MARKET, SERIES, setBalance, step, where } from './fixtures.ts';

const merge = { kind: 'merge', caller: ALICE, seriesId: SERIES, amount: 10n, to: ALICE } as const;

describe('M8 no value created', () => {
  it('holds while paid out <= paid in', () => {
    expect(checkM8State(baseState())).toEqual([]);
  });

  it('reports a token the market paid out more of than it took in', () => {
    const state = baseState();
    state.flows[COLLATERAL] = { paidIn: 100n, paidOut: 101n };
    const violations = checkM8State(state);
    expect(where(violations)).toEqual([{ id: 'M8', account: MARKET, token: COLLATERAL }]);
    expect(violations[0]).toMatchObject({ expected: '<= 100', actual: '101' });
  });

  it('holds when the counters move with the balance (a merge pays out 10, a donation pays in 5)', () => {
    const t = step(baseState(), merge, (s) => {
      setBalance(s, COLLATERAL, MARKET, 90n);
      s.flows[COLLATERAL] = { paidIn: 100n, paidOut: 10n };
    });
    expect(checkM8Transition(t)).toEqual([]);
    const donation = { kind: 'transfer', caller: BOB, token: COLLATERAL, to: MARKET, amount: 5n } as const;
    const d = step(baseState(), donation, (s) => {
      setBalance(s, COLLATERAL, MARKET, 105n);
      s.flows[COLLATERAL] = { paidIn: 105n, paidOut: 0n };
    });
    expect(checkM8Transition(d)).toEqual([]);
  });

  it('reports collateral that left the market uncounted', () => {
    const t = step(baseState(), merge, (s) => setBalance(s, COLLATERAL, MARKET, 90n));
    const violations = checkM8Transition(t);
    expect(where(violations)).toEqual([{ id: 'M8', account: MARKET, token: COLLATERAL }]);
    expect(violations[0]).toMatchObject({ expected: '0', actual: '-10' });
  });

  it('reports counters that go backwards', () => {
    const t = step(baseState(), merge, (s) => {
      s.flows[COLLATERAL] = { paidIn: 90n, paidOut: 0n };
      setBalance(s, COLLATERAL, MARKET, 90n);
    });
    expect(where(checkM8Transition(t))).toEqual([{ id: 'M8', token: COLLATERAL }]);
  });

  it('lets a rebase move the market balance of its own token with nothing counted, and nothing else', () => {
    const rebase = { kind: 'rebase', caller: BOB, token: COLLATERAL, factorBps: 8000n } as const;
    const shrink = (s: ReturnType<typeof baseState>) => setBalance(s, COLLATERAL, MARKET, 80n);
    expect(checkM8Transition(step(baseState(), rebase, shrink))).toEqual([]);
    const counted = step(baseState(), rebase, (s) => {
      shrink(s);
      s.flows[COLLATERAL] = { paidIn: 100n, paidOut: 20n };
    });
    expect(where(checkM8Transition(counted))).toEqual([{ id: 'M8', account: MARKET, token: COLLATERAL }]);
    const elsewhere = { ...rebase, token: MARKET };
    expect(where(checkM8Transition(step(baseState(), elsewhere, shrink)))).toEqual([
      { id: 'M8', account: MARKET, token: COLLATERAL },
    ]);
  });
});
