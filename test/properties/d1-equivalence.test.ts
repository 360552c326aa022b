import { describe, expect, it } from 'vitest';
import { checkD1 } from '../../properties/index.ts';
import { ALICE, BOB, baseState, COLLATERAL, clone, ok, revert, setBalance } from './fixtures.ts';

const event = (value: bigint) => ({ address: COLLATERAL, name: 'Transfer', args: { from: ALICE, to: BOB, value } });

describe('D1 equivalence', () => {
  it('holds for equal outcomes and states', () => {
    const state = baseState();
    expect(checkD1({ outcome: ok(1n), state }, { outcome: ok(1n), state: clone(state) })).toEqual([]);
  });

  it('reports success against revert at outcome.ok first', () => {
    const state = baseState();
    const [violation] = checkD1({ outcome: ok(), state }, { outcome: revert('ZeroAmount'), state });
    expect(violation).toMatchObject({ id: 'D1', path: 'outcome.ok', expected: 'true', actual: 'false' });
  });

  it('reports the first differing revert argument', () => {
    const state = baseState();
    const model = { outcome: revert('ERC20InsufficientBalance', ALICE, 5n, 6n), state };
    const evm = { outcome: revert('ERC20InsufficientBalance', ALICE, 5n, 7n), state };
    expect(checkD1(model, evm)).toMatchObject([{ path: 'outcome.error.args[2]', expected: '6', actual: '7' }]);
  });

  it('reports an event argument by index and name, and a missing event', () => {
    const state = baseState();
    const model = { outcome: { ok: true as const, returns: [], events: [event(1n), event(2n)] }, state };
    const evm = { outcome: { ok: true as const, returns: [], events: [event(1n), event(3n)] }, state };
    expect(checkD1(model, evm)).toMatchObject([{ path: 'outcome.events[1].args.value', expected: '2', actual: '3' }]);
    const short = { outcome: { ok: true as const, returns: [], events: [event(1n)] }, state };
    expect(checkD1(model, short)).toMatchObject([{ path: 'outcome.events[1]', actual: '<missing>' }]);
  });

  it('reports the first differing state path, and more with a limit', () => {
    const state = baseState();
    const other = clone(state);
    setBalance(other, COLLATERAL, BOB, 1n);
    const violations = checkD1({ outcome: ok(), state }, { outcome: ok(), state: other }, 10);
    expect(violations.map((v) => v.path)).toEqual([
      `state.tokens.${COLLATERAL}.totalSupply`,
      `state.tokens.${COLLATERAL}.balances.${BOB}`,
    ]);
    expect(violations[1]).toMatchObject({ expected: '300', actual: '1' });
    expect(checkD1({ outcome: ok(), state }, { outcome: ok(), state: other })).toHaveLength(1);
  });

  it('reports a type mismatch with both types', () => {
    const state = baseState();
    const [violation] = checkD1(
      { outcome: ok(1n), state },
      { outcome: { ok: true, returns: ['1'], events: [] }, state },
    );
    expect(violation).toMatchObject({ path: 'outcome.returns[0]', expected: '1 (bigint)', actual: '1 (string)' });
  });
});
