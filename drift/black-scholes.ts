import { normalCdf } from './normal-cdf.ts';

/** The inputs of a European option price: spot, strike, volatility per √year, years left, rate. */
export interface OptionInputs {
  spot: number;
  strike: number;
  sigma: number;
  /** Years to expiry; 0 or less prices the payoff itself. */
  tau: number;
  /** Continuously compounded risk-free rate per year; the drift simulator uses 0. */
  rate?: number;
}

/** A call and a put on the same inputs. */
export interface OptionPrices {
  call: number;
  put: number;
}

/**
 * Black–Scholes prices of a European call and put (Hull, "Options, Futures, and Other Derivatives",
 * eq. 15.20–15.21). At expiry (tau ≤ 0) or with zero volatility the prices are the discounted
 * intrinsic values, so a series priced on its last step is worth its payoff.
 *
 * @example
 * blackScholes({ spot: 42, strike: 40, sigma: 0.2, tau: 0.5, rate: 0.1 }) // { call: 4.76…, put: 0.81… }
 */
export function blackScholes({ spot, strike, sigma, tau, rate = 0 }: OptionInputs): OptionPrices {
  const discountedStrike = strike * Math.exp(-rate * Math.max(tau, 0));
  if (tau <= 0 || sigma <= 0 || spot <= 0) {
    return { call: Math.max(spot - discountedStrike, 0), put: Math.max(discountedStrike - spot, 0) };
  }
  const deviation = sigma * Math.sqrt(tau);
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * sigma * sigma) * tau) / deviation;
  const d2 = d1 - deviation;
  // Each price from its own tail, not the other by parity: a deep out-of-the-money put (the one
  // a rolling P holder is short of) would otherwise be a small difference of large numbers.
  return {
    call: spot * normalCdf(d1) - discountedStrike * normalCdf(d2),
    put: discountedStrike * normalCdf(-d2) - spot * normalCdf(-d1),
  };
}
