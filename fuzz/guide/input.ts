import type { TraceAction } from '../trace/format.ts';
import type { Lean } from './edge-lean.ts';

/**
 * One input of a guided campaign: a fixed prefix of actions (a corpus entry read from a trace file,
 * by names) followed by generator words, one list of 32-bit words per step, interpreted against the
 * state as the open-loop generator does (fuzz/generate/interpret.ts).
 */
export interface GuidedInput {
  /** Actions replayed first, as a trace names them (empty for an input the campaign generated). */
  prefix: TraceAction[];
  /** Where the prefix came from (a corpus file), for messages. */
  prefixFile?: string;
  words: number[][];
  /**
   * Steps of `words` to lean towards an edge of the state or an earlier step when the run reaches
   * them (edge-lean.ts), at most one per step, sorted by step. Part of the input: a replay resolves
   * them the same way, and the executed actions (what a corpus file records) are concrete.
   */
  leans?: Lean[];
  /**
   * Steps of `prefix` to lean the same way, by index into `prefix`, at most one per step, sorted:
   * resolved on the action the trace names (edge-lean.ts `leanAction`), so a loaded corpus entry is
   * explored around, not only replayed. A leaned prefix action and those after it carry no `expect`.
   */
  prefixLeans?: Lean[];
}

/** A deterministic 32-bit generator (mulberry32): the mutations of run i depend on (seed, i) alone. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A 32-bit word. */
  word(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 1 ? 0 : this.word() % n;
  }
}
