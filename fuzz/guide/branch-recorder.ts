import type { EVM } from '@ethereumjs/evm';
import { hexToBytes } from 'viem';
import type { Artifacts } from '../compile/artifacts.ts';
import { decodeInstructions, OP } from '../coverage/bytecode.ts';
import { CodeIndex } from '../coverage/code-index.ts';

/** One contract's JUMPI directions reached in the current run, as a bitmap over pc × direction. */
interface Slot {
  /** `source:Name` or `source:Name (creation)`: a feature id never contains an address. */
  label: string;
  length: number;
  /** Bit `2·pc + taken` set when the JUMPI at pc went that way in this run. */
  run: Uint8Array;
  /**
   * Indices set in `run`, to clear them cheaply and to list them in order. Only appended to during
   * a run (a new array for the next one), so a saved run state keeps a reference and a length.
   */
  touched: number[];
}

/** The branch directions a run had reached at one moment (see {@link BranchRecorder.saveRun}). */
export type BranchRunState = readonly {
  readonly slot: Slot;
  readonly touched: readonly number[];
  readonly length: number;
}[];

type Handler = (runState: JumpiState, common: unknown) => void;
interface JumpiState {
  programCounter: number;
  code: Uint8Array;
  stack: { peek(n: number): bigint[] };
}
interface Hookable {
  _opcodeMap: { opHandler: Handler }[];
}

/**
 * Records which way each JUMPI of the contracts under test went, per run: the feedback of a guided
 * campaign. Lighter than the coverage recorder (fuzz/coverage/recorder.ts): it wraps only the
 * JUMPI handler and sets one byte per (code, pc, direction), with no block counts, so it can run
 * in every campaign. Code is recognised by its bytes (CodeIndex: every ClaimToken is ClaimToken,
 * wherever it is deployed), so a feature's id names the contract and pc, never an address, and is
 * the same on every worker and every run.
 */
export class BranchRecorder {
  private readonly index: CodeIndex;
  private readonly byCode = new WeakMap<Uint8Array, Slot | null>();
  private readonly slots = new Map<string, Slot>();
  private lastCode: Uint8Array | undefined;
  private lastSlot: Slot | null = null;
  private readonly restore: () => void;

  constructor(evm: EVM, artifacts: Artifacts) {
    this.index = new CodeIndex(artifacts);
    const entry = (evm as unknown as Hookable)._opcodeMap[OP.JUMPI] as { opHandler: Handler };
    const original = entry.opHandler;
    // The interpreter moves the pc past the opcode (or to the destination) inside the original
    // handler: the JUMPI's own pc and its condition are read before calling it.
    entry.opHandler = (runState, common) => {
      const at = runState.programCounter - 1;
      const taken = (runState.stack.peek(2)[1] as bigint) !== 0n ? 1 : 0;
      original(runState, common);
      const code = runState.code;
      const slot = code === this.lastCode ? this.lastSlot : this.slotOf(code);
      if (slot === null || at >= slot.length) return;
      const bit = 2 * at + taken;
      if (slot.run[bit] === 0) {
        slot.run[bit] = 1;
        slot.touched.push(bit);
      }
    };
    this.restore = () => {
      entry.opHandler = original;
    };
  }

  private slotOf(code: Uint8Array): Slot | null {
    let slot = this.byCode.get(code);
    if (slot === undefined) {
      const identity = this.index.identify(code);
      if (identity === undefined) slot = null;
      else {
        const label = identity.kind === 'runtime' ? identity.contract : `${identity.contract} (creation)`;
        slot = this.slots.get(label) ?? null;
        if (slot === null) {
          slot = { label, length: identity.length, run: new Uint8Array(2 * identity.length), touched: [] };
          this.slots.set(label, slot);
        }
      }
      this.byCode.set(code, slot);
    }
    this.lastCode = code;
    this.lastSlot = slot;
    return slot;
  }

  /**
   * The branch directions reached since the last call, as feature ids `b:<contract>@<pc>:<T|F>`
   * (T: the jump was taken), sorted; clears them for the next run.
   */
  takeRun(): string[] {
    const features: string[] = [];
    for (const slot of this.slots.values()) {
      for (const bit of slot.touched) {
        features.push(branchFeature(slot.label, bit >> 1, (bit & 1) === 1));
        slot.run[bit] = 0;
      }
      slot.touched = [];
    }
    return features.sort();
  }

  /**
   * The current run's directions so far, in O(contracts): a warm start's snapshot. The arrays are
   * shared, not copied; they are only appended to until `takeRun` replaces them.
   */
  saveRun(): BranchRunState {
    return [...this.slots.values()]
      .filter((slot) => slot.touched.length > 0)
      .map((slot) => ({ slot, touched: slot.touched, length: slot.touched.length }));
  }

  /** Makes the current run's directions exactly those of `saved` (which stays valid). */
  restoreRun(saved: BranchRunState): void {
    for (const slot of this.slots.values()) {
      for (const bit of slot.touched) slot.run[bit] = 0;
      slot.touched = [];
    }
    for (const { slot, touched, length } of saved) {
      slot.touched = touched.slice(0, length);
      for (const bit of slot.touched) slot.run[bit] = 1;
    }
  }

  /** Puts the EVM's JUMPI handler back. */
  detach(): void {
    this.restore();
  }
}

/** The feature id of one branch direction. */
export function branchFeature(contract: string, pc: number, taken: boolean): string {
  return `b:${contract}@${pc}:${taken ? 'T' : 'F'}`;
}

/**
 * Every branch direction of each contract's runtime code (two per JUMPI), by contract: the
 * denominators of the summary's coverage. Contracts without code (interfaces) are left out.
 */
export function branchTotals(artifacts: Artifacts): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [contract, artifact] of Object.entries(artifacts.contracts).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const code = hexToBytes(artifact.deployedBytecode);
    if (code.length < 2) continue;
    // solc appends CBOR metadata whose length is the last two bytes: its bytes are no instructions.
    const metadata = ((code[code.length - 2] as number) << 8) | (code[code.length - 1] as number);
    const end = metadata + 2 <= code.length ? code.length - metadata - 2 : code.length;
    const jumpis = decodeInstructions(code.subarray(0, end)).filter((i) => i.op === OP.JUMPI).length;
    if (jumpis > 0) totals.set(contract, 2 * jumpis);
  }
  return totals;
}
