import { DAYS_PER_YEAR, type DriftParams } from './params.ts';
import { Random } from './random.ts';

/**
 * One index path, stepped in place: geometric Brownian motion with drift μ and volatility σ, plus
 * Merton jumps (a Poisson number per step, each a lognormal factor) so crash days exist. The
 * jump compensator keeps E[x(t)] = x₀·e^{μt} whatever the jump settings, so μ means the same thing
 * with and without jumps.
 */
export class IndexPath {
  /** The index value after the last step. */
  x: number;
  private readonly random: Random;
  private readonly drift: number;
  private readonly diffusion: number;
  private readonly jumpsPerStep: number;
  private readonly jumpMean: number;
  private readonly jumpStd: number;

  constructor(params: DriftParams, path: number) {
    const dt = 1 / (params.stepsPerDay * DAYS_PER_YEAR);
    const compensator = params.jumpRate * (Math.exp(params.jumpMean + 0.5 * params.jumpStd ** 2) - 1);
    this.x = params.startPrice;
    this.random = new Random(params.seed, path);
    this.drift = (params.mu - 0.5 * params.sigma ** 2 - compensator) * dt;
    this.diffusion = params.sigma * Math.sqrt(dt);
    this.jumpsPerStep = params.jumpRate * dt;
    this.jumpMean = params.jumpMean;
    this.jumpStd = params.jumpStd;
  }

  /** Advances one step and returns the new index value. */
  step(): number {
    let logChange = this.drift + this.diffusion * this.random.normal();
    if (this.jumpsPerStep > 0) {
      for (let jumps = this.random.poisson(this.jumpsPerStep); jumps > 0; jumps--) {
        logChange += this.jumpMean + this.jumpStd * this.random.normal();
      }
    }
    this.x *= Math.exp(logChange);
    return this.x;
  }
}
