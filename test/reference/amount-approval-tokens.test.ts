import { describe, expect, test } from 'vitest';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { TokenSetup } from '../../reference/setup.ts';
import { MAX_UINT96 } from '../../reference/tokens/calls.ts';
import { ALICE, BOB, makeSetup, makeWorld, ok, reverts, START } from './fixture.ts';

// The uint96 (UNI, COMP), zero-approval (BNB) and self-transferFrom (DSToken) kinds of
// docs/collateral.md in the model, each from its description.

const at = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
const U96 = at(0x4101);
const ZEROAPPROVE = at(0x4102);
const SELFFROM = at(0x4103);

function world() {
  const base = makeSetup();
  const tokens: TokenSetup[] = [
    { address: U96, kind: 'uint96', decimals: 18, name: 'U', symbol: 'U' },
    { address: ZEROAPPROVE, kind: 'zeroApprovalRevert', decimals: 18, name: 'Z', symbol: 'Z' },
    { address: SELFFROM, kind: 'selfTransferFrom', decimals: 18, name: 'S', symbol: 'S' },
  ];
  const balances = { ...base.balances };
  for (const t of tokens) balances[t.address] = { [ALICE]: START, [BOB]: START };
  return makeWorld({ tokens: [...base.tokens, ...tokens], balances });
}

const allowanceOf = (w: ReturnType<typeof world>, token: Address, owner: Address, spender: Address) =>
  w.state.tokens.get(token)?.allowances.get(owner)?.get(spender) ?? 0n;

describe('uint96', () => {
  test('a value above 2^96 - 1 reverts AmountExceedsUint96(value) before the balance is looked at', () => {
    const w = world();
    const big = MAX_UINT96 + 1n;
    reverts(w, { kind: 'transfer', caller: ALICE, token: U96, to: BOB, amount: big }, 'AmountExceedsUint96', big);
    reverts(
      w,
      { kind: 'transferFrom', caller: BOB, token: U96, from: ALICE, to: BOB, amount: big },
      'AmountExceedsUint96',
      big,
    );
    reverts(w, { kind: 'approve', caller: ALICE, token: U96, spender: BOB, amount: big }, 'AmountExceedsUint96', big);
  });
  test('approve(2^256 - 1) stores 2^96 - 1, an allowance transferFrom never spends', () => {
    const w = world();
    ok(w, { kind: 'approve', caller: ALICE, token: U96, spender: BOB, amount: MAX_UINT256 });
    expect(allowanceOf(w, U96, ALICE, BOB)).toBe(MAX_UINT96);
    ok(w, { kind: 'transferFrom', caller: BOB, token: U96, from: ALICE, to: BOB, amount: 7n });
    expect(allowanceOf(w, U96, ALICE, BOB)).toBe(MAX_UINT96);
    ok(w, { kind: 'approve', caller: ALICE, token: U96, spender: BOB, amount: MAX_UINT96 - 1n });
    ok(w, { kind: 'transferFrom', caller: BOB, token: U96, from: ALICE, to: BOB, amount: 7n });
    expect(allowanceOf(w, U96, ALICE, BOB)).toBe(MAX_UINT96 - 8n);
  });
});

describe('zeroApprovalRevert, selfTransferFrom', () => {
  test('an approve of zero reverts ZeroValueApproval() before the spender is looked at', () => {
    const w = world();
    reverts(w, { kind: 'approve', caller: ALICE, token: ZEROAPPROVE, spender: BOB, amount: 0n }, 'ZeroValueApproval');
    const zero = at(0);
    reverts(w, { kind: 'approve', caller: ALICE, token: ZEROAPPROVE, spender: zero, amount: 0n }, 'ZeroValueApproval');
    ok(w, { kind: 'approve', caller: ALICE, token: ZEROAPPROVE, spender: BOB, amount: 1n });
  });
  test("the source's own transferFrom needs no allowance; anyone else's does", () => {
    const w = world();
    ok(w, { kind: 'transferFrom', caller: ALICE, token: SELFFROM, from: ALICE, to: BOB, amount: 5n });
    expect(w.state.tokens.get(SELFFROM)?.balances.get(BOB)).toBe(START + 5n);
    reverts(
      w,
      { kind: 'transferFrom', caller: BOB, token: SELFFROM, from: ALICE, to: BOB, amount: 1n },
      'ERC20InsufficientAllowance',
      BOB,
      0n,
      1n,
    );
  });
});
