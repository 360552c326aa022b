import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** 2⁻⁵³: one unit in the last place of a float64 in [0.5, 1). */
const ULP = 2 ** -53;

/**
 * A seeded source of uniforms and standard normals. The bits come from pure-rand's xoroshiro128+
 * (fast-check's own generator: well kept, dependency-free, and the same stream on every machine
 * because it is pure 32-bit integer arithmetic); the floats and normals are made here, so the
 * numbers depend only on the seed and on nothing platform-specific beyond IEEE-754 `Math.log`,
 * `Math.cos` and `Math.sin`.
 */
export class Random {
  private readonly generator;
  private spare = Number.NaN;

  /**
   * The stream of path `path` under `seed`. Each path has its own generator, its 128-bit state
   * four MurmurHash3 finalizer mixes of (seed, path, word), so path i is the same whatever the
   * number of paths, their order, or how they are split across workers, and a sample path can be
   * re-run on its own.
   */
  constructor(seed: number, path = 0) {
    const words: number[] = [0, 1, 2, 3].map((word) => mix32(mix32(mix32(seed) ^ path) ^ (word + 0x9e3779b9)));
    if (!words.some((w) => w !== 0)) words[0] = 1; // xoroshiro's one forbidden state
    this.generator = xoroshiro128plusFromState(words);
  }

  /** Uniform on (0, 1]: 53 random bits, so never 0 and safe to take the log of. */
  uniform(): number {
    const high = this.generator.next() >>> 5; // 27 bits
    const low = this.generator.next() >>> 6; // 26 bits
    return 1 - (high * 67108864 + low) * ULP;
  }

  /**
   * A standard normal by the Box–Muller transform (G. E. P. Box and M. E. Muller, 1958): two
   * uniforms give two independent normals, the second kept for the next call.
   */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const kept = this.spare;
      this.spare = Number.NaN;
      return kept;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** A Poisson count with mean `mean` by Knuth's product of uniforms: fine for the small means of one step. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.uniform(); product > limit; product *= this.uniform()) count++;
    return count;
  }
}

/** MurmurHash3's 32-bit finalizer (Austin Appleby): a bijection that spreads every input bit. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
