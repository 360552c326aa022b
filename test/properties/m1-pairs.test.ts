import { describe, expect, it } from 'vitest';
import { checkM1 } from '../../properties/index.ts';
import { ALICE, baseState, N_TOKEN, P_TOKEN, SERIES, series, setBalance, settled, where } from './fixtures.ts';

describe('M1 pairs', () => {
  it('holds while supply(P) == supply(N) == locked', () => {
    expect(checkM1(baseState())).toEqual([]);
  });

  it('reports the series and the token whose supply drifted from locked', () => {
    const state = baseState();
    setBalance(state, N_TOKEN, ALICE, 51n);
    const violations = checkM1(state);
    expect(where(violations)).toEqual([{ id: 'M1', series: SERIES, token: N_TOKEN }]);
    expect(violations[0]?.expected).toBe('100');
    expect(violations[0]?.actual).toBe('101');
  });

  it('reports both sides when locked moves alone', () => {
    const state = baseState();
    series(state).locked = 99n;
    expect(where(checkM1(state))).toEqual([
      { id: 'M1', series: SERIES, token: P_TOKEN },
      { id: 'M1', series: SERIES, token: N_TOKEN },
    ]);
  });

  it('reports an unobserved claim token instead of passing', () => {
    const state = baseState();
    delete state.tokens[P_TOKEN];
    expect(checkM1(state)[0]?.actual).toBe('<missing>');
  });

  it('makes no claim after settlement, where redeem burns the sides apart', () => {
    const state = settled();
    setBalance(state, P_TOKEN, ALICE, 0n);
    expect(checkM1(state)).toEqual([]);
  });
});
