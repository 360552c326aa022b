/**
 * One draw a {@link Chooser} made: where its words start in the step, and what it drew them for (a
 * choice among `n`, or an amount up to `max`, which reads two words). A guided campaign reads this
 * to rewrite the words behind one field of an action without knowing how a builder draws it.
 */
export type Draw = { at: number; kind: 'below'; n: number } | { at: number; kind: 'upTo'; max: bigint; value: bigint };

/**
 * Draws choices from one generated step: a fixed list of 32-bit words that fast-check generates and
 * shrinks towards zero. Interpreting the same words against the same state always gives the same
 * action, and shrinking a word to 0 always moves towards the first (simplest) option.
 */
export class Chooser {
  private next = 0;

  /** @param log when given, every draw is appended to it (see {@link Draw}). */
  constructor(
    private readonly words: readonly number[],
    private readonly log?: Draw[],
  ) {}

  /** A raw word; past the end, a deterministic mix of the words so deep draws stay reproducible. */
  word(): number {
    const i = this.next++;
    if (i < this.words.length) return this.words[i] as number;
    let h = (i * 0x9e3779b1) >>> 0;
    for (const w of this.words) h = Math.imul(h ^ w, 0x85ebca6b) >>> 0;
    return h;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    if (n <= 1) return 0;
    this.log?.push({ at: this.next, kind: 'below', n });
    return this.word() % n;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Chooser.pick: empty list');
    return items[this.below(items.length)] as T;
  }

  /** An option by weight: `[[weight, value], …]`; weight-0 options are never chosen. */
  weighted<T>(options: readonly (readonly [number, T])[]): T {
    const total = options.reduce((sum, [w]) => sum + w, 0);
    let x = this.below(total);
    for (const [w, value] of options) {
      if (x < w) return value;
      x -= w;
    }
    return (options[options.length - 1] as readonly [number, T])[1];
  }

  /** True with probability `numerator / denominator`; shrinks to false. */
  chance(numerator: number, denominator: number): boolean {
    return this.below(denominator) >= denominator - numerator;
  }

  /** A bigint uniformly-ish in [0, max] (two words, enough spread for amounts). */
  upTo(max: bigint): bigint {
    if (max <= 0n) return 0n;
    const at = this.next;
    const r = (BigInt(this.word()) << 32n) | BigInt(this.word());
    const value = r % (max + 1n);
    this.log?.push({ at, kind: 'upTo', max, value });
    return value;
  }
}
