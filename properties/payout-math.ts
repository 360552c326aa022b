/**
 * The payout functions of docs/design.md §2, as parameters: M2, M3 and M4 take an implementation so
 * they can be run against the reference model's math, the contract's `payoutOf` (through the EVM),
 * or a deliberately broken variant.
 */
export interface PayoutMath {
  /** What `amount` P pays at price `price` for strike `strike`. */
  payoutP(amount: bigint, strike: bigint, price: bigint): bigint;
  /** What `amount` N pays at price `price` for strike `strike`. */
  payoutN(amount: bigint, strike: bigint, price: bigint): bigint;
}

/** One point of the payout functions' domain: `a`, `S` and `x` of docs/design.md §2. */
export interface PayoutPoint {
  amount: bigint;
  strike: bigint;
  price: bigint;
}

/** Evaluates both payouts, turning a throw into a message so a checker can report it. */
export function evaluatePayouts(
  math: PayoutMath,
  point: PayoutPoint,
): { ok: true; p: bigint; n: bigint } | { ok: false; message: string } {
  try {
    return {
      ok: true,
      p: math.payoutP(point.amount, point.strike, point.price),
      n: math.payoutN(point.amount, point.strike, point.price),
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** `a=…, S=…, x=…`, for violation messages. */
export function describePoint(point: PayoutPoint): string {
  return `a=${point.amount}, S=${point.strike}, x=${point.price}`;
}
