import { describe, expect, it } from 'vitest';
import { type MetricInput, measure, parseMetric } from '../../fuzz/guide/metrics.ts';
import type { ExecutedStep } from '../../fuzz/runner/run-sequence.ts';
import type { NameBook } from '../../fuzz/trace/names.ts';
import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { EventLog } from '../../reference/outcome.ts';
import { ZERO_ADDRESS } from '../../reference/primitives.ts';

// Hand-built steps and states: the metrics' accounting rules, without an EVM.
const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const [ALICE, BOB, MARKET, USDC, P, N] = [a(1), a(2), a(3), a(4), a(5), a(6)];
const SERIES = `0x${'11'.repeat(32)}` as const;
const names = { nameOf: (x: string) => x, seriesName: () => '#0' } as unknown as NameBook;

const transfer = (token: string, from: string, to: string, value: bigint): EventLog =>
  ({ address: token, name: 'Transfer', args: { from, to, value } }) as EventLog;
const step = (kind: 'split' | 'merge' | 'redeem', caller: string, events: EventLog[]): ExecutedStep => ({
  action: { kind, caller } as unknown as Action,
  outcome: { ok: true, returns: [], events },
});

function input(
  steps: ExecutedStep[],
  balances: { p: Record<string, bigint>; n: Record<string, bigint> },
  series: { locked: bigint; settled: boolean; strike?: bigint; price?: bigint },
): MetricInput {
  const supply = (b: Record<string, bigint>) => Object.values(b).reduce((s, v) => s + v, 0n);
  const final = {
    market: MARKET,
    ledgers: {},
    tokens: {
      [P]: { totalSupply: supply(balances.p), balances: balances.p, allowances: {} },
      [N]: { totalSupply: supply(balances.n), balances: balances.n, allowances: {} },
    },
    series: {
      [SERIES]: {
        collateral: USDC,
        pToken: P,
        nToken: N,
        locked: series.locked,
        settled: series.settled,
        strike: series.strike ?? 3n,
        settlementPrice: series.price ?? 0n,
      },
    },
  } as unknown as ObservedState;
  return { steps, gas: steps.map(() => undefined), final, book: names, actors: [ALICE, BOB] };
}

const split = (caller: string, to: string, amount: bigint) =>
  step('split', caller, [
    transfer(USDC, caller, MARKET, amount),
    transfer(P, ZERO_ADDRESS, to, amount),
    transfer(N, ZERO_ADDRESS, to, amount),
  ]);
const merge = (caller: string, to: string, amount: bigint, paid = amount) =>
  step('merge', caller, [
    transfer(P, caller, ZERO_ADDRESS, amount),
    transfer(N, caller, ZERO_ADDRESS, amount),
    transfer(USDC, MARKET, to, paid),
  ]);
const extraction = parseMetric('extraction');

describe('the extraction metric', () => {
  it('is 0 for a split and merge, and for pairs still held', () => {
    const open = { locked: 10n, settled: false };
    expect(
      measure(extraction, input([split(ALICE, ALICE, 10n), merge(ALICE, ALICE, 10n)], { p: {}, n: {} }, open)).value,
    ).toBe(0n);
    expect(
      measure(extraction, input([split(ALICE, ALICE, 10n)], { p: { [ALICE]: 10n }, n: { [ALICE]: 10n } }, open)).value,
    ).toBe(0n);
  });

  it('counts a ledger with two addresses as one collateral: a split through the entry point, logged by the ledger, extracts nothing', () => {
    // The series' collateral is the entry point; the Transfer into the market comes from the ledger's address.
    const [LEDGER, ENTRY] = [a(7), a(8)];
    const viaEntry = input(
      [
        step('split', ALICE, [
          transfer(LEDGER, ALICE, MARKET, 10n),
          transfer(P, ZERO_ADDRESS, ALICE, 10n),
          transfer(N, ZERO_ADDRESS, ALICE, 10n),
        ]),
      ],
      { p: { [ALICE]: 10n }, n: { [ALICE]: 10n } },
      { locked: 10n, settled: false },
    );
    const final = viaEntry.final as unknown as { series: Record<string, { collateral: string }>; ledgers: unknown };
    (final.series[SERIES] as { collateral: string }).collateral = ENTRY;
    final.ledgers = { [LEDGER]: [LEDGER, ENTRY] };
    expect(measure(extraction, viaEntry).value).toBe(0n);
    // Without the ledger named, the split's payment and the claims' worth fall on two tokens.
    final.ledgers = {};
    expect(measure(extraction, viaEntry).value).toBe(10n);
  });

  it("counts what a contract pays in during an actor's call against that actor: a flash mint split and merged back extracts nothing", () => {
    const FLASH = a(9);
    const flash = step('split', ALICE, [
      transfer(USDC, FLASH, MARKET, 10n),
      transfer(P, ZERO_ADDRESS, FLASH, 10n),
      transfer(N, ZERO_ADDRESS, FLASH, 10n),
      transfer(P, FLASH, ZERO_ADDRESS, 10n),
      transfer(N, FLASH, ZERO_ADDRESS, 10n),
      transfer(USDC, MARKET, FLASH, 10n),
    ]);
    expect(measure(extraction, input([flash], { p: {}, n: {} }, { locked: 0n, settled: false })).value).toBe(0n);
  });

  it('counts claims received from another caller against the receiver, so a gift extracts nothing', () => {
    const steps = [split(ALICE, BOB, 10n), merge(BOB, BOB, 10n)];
    expect(measure(extraction, input(steps, { p: {}, n: {} }, { locked: 0n, settled: false })).value).toBe(0n);
  });

  it('finds one wei more than a merge should pay, and names who took it', () => {
    const steps = [split(ALICE, ALICE, 10n), merge(ALICE, BOB, 10n, 11n)];
    const measured = measure(extraction, input(steps, { p: {}, n: {} }, { locked: 0n, settled: false }));
    expect(measured).toMatchObject({ value: 1n, at: `${ALICE} on ${USDC}` });
  });
});

describe('the dust metric', () => {
  it('is what a settled series keeps beyond what every holder can still take out', () => {
    // Three pairs split apart; at price 7 for strike 3, three P pay floor(9/7) = 1 and three N floor(12/7) = 1.
    const settled = { locked: 3n, settled: true, strike: 3n, price: 7n };
    const measured = measure(parseMetric('dust'), input([], { p: { [ALICE]: 3n }, n: { [BOB]: 3n } }, settled));
    expect(measured.value).toBe(1n);
    // Held together, the pairs merge for all three: nothing is left.
    const together = measure(parseMetric('dust'), input([], { p: { [ALICE]: 3n }, n: { [ALICE]: 3n } }, settled));
    expect(together.value).toBe(0n);
    expect(
      measure(parseMetric('dust'), input([], { p: { [ALICE]: 3n }, n: { [BOB]: 3n } }, { locked: 3n, settled: false }))
        .value,
    ).toBe(0n);
  });
});
