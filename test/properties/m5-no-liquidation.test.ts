import { describe, expect, it } from 'vitest';
import { checkM5 } from '../../properties/index.ts';
import {
  ALICE,
  BOB,
  baseState,
  CAROL,
  COLLATERAL,
  MARKET,
  N_TOKEN,
  P_TOKEN,
  revert,
  SERIES,
  setAllowance,
  setBalance,
  step,
  where,
} from './fixtures.ts';

describe('M5 no liquidation', () => {
  it("holds when the caller's own balances fall (merge) and others only gain", () => {
    const t = step(baseState(), { kind: 'merge', caller: ALICE, seriesId: SERIES, amount: 10n, to: BOB }, (s) => {
      setBalance(s, P_TOKEN, ALICE, 50n);
      setBalance(s, N_TOKEN, ALICE, 40n);
      setBalance(s, COLLATERAL, MARKET, 90n);
      setBalance(s, COLLATERAL, BOB, 310n);
    });
    expect(checkM5(t)).toEqual([]);
  });

  it("reports a fall in someone else's balance caused by another caller", () => {
    const t = step(baseState(), { kind: 'settle', caller: BOB, seriesId: SERIES }, (s) => {
      setBalance(s, P_TOKEN, ALICE, 0n);
    });
    const violations = checkM5(t);
    expect(where(violations)).toEqual([{ id: 'M5', account: ALICE, token: P_TOKEN }]);
    expect(violations[0]).toMatchObject({ expected: '>= 60', actual: '0' });
  });

  it('reports a fall during a warp: time shrinks nothing', () => {
    const t = step(baseState(), { kind: 'warp', seconds: 100n }, (s) => setBalance(s, N_TOKEN, BOB, 49n));
    expect(where(checkM5(t))).toEqual([{ id: 'M5', account: BOB, token: N_TOKEN }]);
  });

  it('holds for a transferFrom within an allowance the owner granted', () => {
    const before = baseState();
    setAllowance(before, P_TOKEN, ALICE, BOB, 20n);
    const t = step(
      before,
      { kind: 'transferFrom', caller: BOB, token: P_TOKEN, from: ALICE, to: CAROL, amount: 20n },
      (s) => {
        setBalance(s, P_TOKEN, ALICE, 40n);
        setBalance(s, P_TOKEN, CAROL, 20n);
        setAllowance(s, P_TOKEN, ALICE, BOB, 0n);
      },
    );
    expect(checkM5(t)).toEqual([]);
  });

  it('reports a transferFrom beyond the allowance, and a fall in a reverted call', () => {
    const before = baseState();
    setAllowance(before, P_TOKEN, ALICE, BOB, 19n);
    const action = { kind: 'transferFrom', caller: BOB, token: P_TOKEN, from: ALICE, to: CAROL, amount: 20n } as const;
    const move = (s: typeof before) => {
      setBalance(s, P_TOKEN, ALICE, 40n);
      setBalance(s, P_TOKEN, CAROL, 20n);
    };
    expect(where(checkM5(step(before, action, move)))).toEqual([{ id: 'M5', account: ALICE, token: P_TOKEN }]);
    setAllowance(before, P_TOKEN, ALICE, BOB, 20n);
    expect(checkM5(step(before, action, move))).toEqual([]);
    const reverted = step(before, action, move, revert('ERC20InsufficientAllowance', BOB, 0n, 20n));
    expect(where(checkM5(reverted))).toEqual([{ id: 'M5', account: ALICE, token: P_TOKEN }]);
  });

  it('lets a successful rebase shrink every balance of its token, and no other token', () => {
    const rebase = { kind: 'rebase', caller: BOB, token: COLLATERAL, factorBps: 8000n } as const;
    const shrink = (s: ReturnType<typeof baseState>) => setBalance(s, COLLATERAL, ALICE, 0n);
    expect(checkM5(step(baseState(), rebase, shrink))).toEqual([]);
    const failed = step(baseState(), rebase, shrink, revert('InvalidRebase', 0n));
    expect(where(checkM5(failed))).toEqual([{ id: 'M5', account: ALICE, token: COLLATERAL }]);
    const other = step(baseState(), rebase, (s) => setBalance(s, P_TOKEN, ALICE, 0n));
    expect(where(checkM5(other))).toEqual([{ id: 'M5', account: ALICE, token: P_TOKEN }]);
  });
});
