import fc from 'fast-check';

/** Words per generated step: enough for every choice an action makes; deeper draws are derived. */
export const WORDS_PER_STEP = 8;

/** The sequence of generated steps of one run (fast-check draws it; the campaign shrinks it itself). */
export function stepsArbitrary(depth: number): fc.Arbitrary<number[][]> {
  const step = fc.array(fc.nat({ max: 0xffff_ffff }), { minLength: WORDS_PER_STEP, maxLength: WORDS_PER_STEP });
  return fc.array(step, { minLength: 1, maxLength: depth, size: 'max' });
}

/**
 * The seed of run `index` of the campaign with seed `seed`: a 32-bit hash of both (murmur3's
 * finalizer over each 32-bit half). A run's steps depend on this alone, never on the runs before
 * it, so any worker can run any run and the campaign is the same for any number of workers or shards.
 */
export function runSeed(seed: number, index: number): number {
  let h = 0x9e37_79b9;
  for (const word of [seed % 2 ** 32, Math.floor(seed / 2 ** 32), index % 2 ** 32, Math.floor(index / 2 ** 32)]) {
    h = Math.imul(h ^ word, 0x85eb_ca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2_ae35);
    h ^= h >>> 16;
  }
  return h | 0;
}

/**
 * fast-check's bias schedule for run `index` (its `runIdToFrequency`): small values are favoured
 * often in the first runs and less later, as they were when one `fc.check` drew every run.
 */
export function biasFor(index: number): number {
  return 2 + Math.floor(Math.log10(index + 1));
}

/** Generates from `inner` at a fixed bias, whatever bias the sampler asks for. */
class FixedBias<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly bias: number,
  ) {
    super();
  }
  generate(random: fc.Random): fc.Value<T> {
    return this.inner.generate(random, this.bias);
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}

const arbitraries = new Map<number, fc.Arbitrary<number[][]>>();

/** The generated steps of run `index`: a pure function of (seed, index, depth). */
export function runWords(seed: number, index: number, depth: number): number[][] {
  let steps = arbitraries.get(depth);
  if (steps === undefined) {
    steps = stepsArbitrary(depth);
    arbitraries.set(depth, steps);
  }
  const [words] = fc.sample(new FixedBias(steps, biasFor(index)), { seed: runSeed(seed, index), numRuns: 1 });
  if (words === undefined) throw new Error('internal: fast-check sampled nothing');
  return words;
}
