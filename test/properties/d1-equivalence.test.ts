import { describe, expect, it } from 'vitest';
import { checkD1 } from '../../properties/index.ts';
import { ALICE, BOB, baseState, COLLATERAL, clone, ok, revert, setAllowance, setBalance } from './fixtures.ts';

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

  // Both sides share the unchanged, frozen parts of their states from step to step, and D1 skips a
  // pair of frozen parts it found equal before. These prove the skip never hides a difference.
  it('still finds a difference deep inside a part that replaced a frozen part compared equal before', () => {
    const model = deepFreeze(baseState());
    const evm = deepFreeze(clone(model));
    expect(checkD1({ outcome: ok(), state: model }, { outcome: ok(), state: evm })).toEqual([]);
    // The next EVM state: the same frozen parts except one token, rebuilt with one allowance changed.
    const changed = clone(evm);
    setAllowance(changed, COLLATERAL, BOB, ALICE, 5n);
    const next = { ...evm, tokens: { ...evm.tokens, [COLLATERAL]: deepFreeze(changed.tokens[COLLATERAL]) } };
    expect(checkD1({ outcome: ok(), state: model }, { outcome: ok(), state: next })).toMatchObject([
      { path: `state.tokens.${COLLATERAL}.allowances.${BOB}.${ALICE}`, expected: '0', actual: '5' },
    ]);
    // And the unchanged pair is still equal.
    expect(checkD1({ outcome: ok(), state: model }, { outcome: ok(), state: evm })).toEqual([]);
  });

  it('never skips parts that are not frozen: a value changed in place after a comparison is found', () => {
    const model = baseState();
    const evm = clone(model);
    expect(checkD1({ outcome: ok(), state: model }, { outcome: ok(), state: evm })).toEqual([]);
    setBalance(evm, COLLATERAL, ALICE, 1n);
    expect(checkD1({ outcome: ok(), state: model }, { outcome: ok(), state: evm })[0]).toMatchObject({
      path: `state.tokens.${COLLATERAL}.totalSupply`,
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
