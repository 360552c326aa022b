import type { OptionInputs } from './black-scholes.ts';
import type { OptionPricer } from './claim-value.ts';

/** One point where a pricer's call and put break put–call parity. */
export interface ParityViolation {
  inputs: OptionInputs;
  /** (call − put) − (spot − strike·e^{−rτ}), in index units. */
  gap: number;
}

/**
 * Put–call parity, c − p = S − K·e^{−rτ}, checked at every given input: a pricing whose call and
 * put disagree (so P + N ≠ x for the claims) is reported with the size of the gap. `tolerance` is
 * relative to the spot (float64 noise is ~1e-15 of it).
 */
export function parityViolations(
  pricer: OptionPricer,
  inputs: readonly OptionInputs[],
  tolerance = 1e-12,
): ParityViolation[] {
  return inputs.flatMap((input) => {
    const { call, put } = pricer(input);
    const forward = input.spot - input.strike * Math.exp(-(input.rate ?? 0) * Math.max(input.tau, 0));
    const gap = call - put - forward;
    return Math.abs(gap) <= tolerance * input.spot ? [] : [{ inputs: input, gap }];
  });
}
