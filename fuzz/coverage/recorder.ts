import type { EVM } from '@ethereumjs/evm';
import type { Artifacts } from '../compile/artifacts.ts';
import { type EvmInternals, evmInternals, type OpcodeEntry } from '../evm/ethereumjs-internals.ts';
import { OP } from './bytecode.ts';
import { type CodeIdentity, CodeIndex } from './code-index.ts';
import { type CodeHits, type CoverageData, emptyCoverage } from './data.ts';

/** Counts for one contract's code, indexed by pc. */
interface Counter {
  identity: CodeIdentity;
  blocks: Float64Array;
  fell: Float64Array;
  jumped: Float64Array;
}

type Hookable = EvmInternals;

/** A coverage recorder attached to one EVM; see {@link recordCoverage}. */
export interface CoverageRecorder {
  /** What was recorded so far (a copy: later execution does not change it). */
  data(): CoverageData;
  /** Puts the EVM back as it was: no hook of the recorder stays behind. */
  detach(): void;
}

/**
 * Starts recording which code of `artifacts` the EVM runs, until `detach`.
 *
 * Instead of the `step` event, which builds an object with a copy of the stack and memory for
 * every instruction, the recorder counts basic-block entries: a frame entering its code at pc 0,
 * every JUMPDEST executed, and every JUMPI that falls through (plus which way each JUMPI went). A
 * block entered runs to its end unless the frame halts exceptionally inside it (out of gas), so
 * these counts give every executed instruction. It wraps the EVM's own JUMPDEST and JUMPI handlers
 * and its `runInterpreter` for this EVM only; nothing is installed while coverage is off.
 *
 * Code is recognised by its bytes ({@link CodeIndex}): contracts created while running (claim
 * tokens) are counted as their artifact; code no artifact produced is ignored.
 */
export function recordCoverage(evm: EVM, artifacts: Artifacts): CoverageRecorder {
  const hookable = evmInternals(evm);
  const index = new CodeIndex(artifacts);
  const counters = new Map<string, Counter>();
  const byCode = new WeakMap<Uint8Array, Counter | null>();
  let lastCode: Uint8Array | undefined;
  let lastCounter: Counter | null = null;

  const counterOf = (code: Uint8Array): Counter | null => {
    if (code === lastCode) return lastCounter;
    let counter = byCode.get(code);
    if (counter === undefined) {
      const identity = index.identify(code);
      counter = identity === undefined ? null : counterFor(identity);
      byCode.set(code, counter);
    }
    lastCode = code;
    lastCounter = counter;
    return counter;
  };
  const counterFor = (identity: CodeIdentity): Counter => {
    const key = `${identity.kind} ${identity.contract}`;
    let counter = counters.get(key);
    if (counter === undefined) {
      const size = identity.length + 1;
      counter = {
        identity,
        blocks: new Float64Array(size),
        fell: new Float64Array(size),
        jumped: new Float64Array(size),
      };
      counters.set(key, counter);
    }
    return counter;
  };

  const jumpdest = hookable._opcodeMap[OP.JUMPDEST] as OpcodeEntry;
  const jumpi = hookable._opcodeMap[OP.JUMPI] as OpcodeEntry;
  const originals = { jumpdest: jumpdest.opHandler, jumpi: jumpi.opHandler, runInterpreter: hookable.runInterpreter };
  // The handlers run after the interpreter moved past the opcode: its pc is programCounter - 1.
  jumpdest.opHandler = (runState, common) => {
    const counter = counterOf(runState.code);
    const pc = runState.programCounter - 1;
    if (counter !== null && pc < counter.identity.length) bump(counter.blocks, pc);
    originals.jumpdest(runState, common);
  };
  jumpi.opHandler = (runState, common) => {
    const pc = runState.programCounter - 1;
    const taken = (runState.stack.peek(2)[1] as bigint) !== 0n;
    originals.jumpi(runState, common);
    const counter = counterOf(runState.code);
    if (counter === null || pc >= counter.identity.length) return;
    if (taken) {
      bump(counter.jumped, pc);
      return;
    }
    bump(counter.fell, pc);
    // A JUMPDEST right after counts its own entry when it runs.
    if (runState.code[pc + 1] !== OP.JUMPDEST) bump(counter.blocks, pc + 1);
  };
  hookable.runInterpreter = function (message, opts) {
    const code = message.code;
    if (code instanceof Uint8Array && code.length > 0 && (opts?.pc ?? 0) === 0 && code[0] !== OP.JUMPDEST) {
      const counter = counterOf(code);
      if (counter !== null) bump(counter.blocks, 0);
    }
    return originals.runInterpreter.call(this, message, opts);
  };

  return {
    data: () => {
      const data = emptyCoverage(artifacts.key);
      for (const counter of counters.values()) {
        const hits: CodeHits = { blocks: {}, jumps: {} };
        counter.blocks.forEach((n, pc) => {
          if (n > 0) hits.blocks[pc] = n;
        });
        for (let pc = 0; pc < counter.fell.length; pc++) {
          const fell = counter.fell[pc] as number;
          const jumped = counter.jumped[pc] as number;
          if (fell > 0 || jumped > 0) hits.jumps[pc] = [fell, jumped];
        }
        data.contracts[counter.identity.contract] = {
          ...data.contracts[counter.identity.contract],
          [counter.identity.kind]: hits,
        };
      }
      return data;
    },
    detach: () => {
      jumpdest.opHandler = originals.jumpdest;
      jumpi.opHandler = originals.jumpi;
      // The original is the prototype's method: removing the own property restores it.
      if (
        Object.hasOwn(hookable, 'runInterpreter') &&
        originals.runInterpreter === Object.getPrototypeOf(hookable).runInterpreter
      )
        delete (hookable as Partial<Hookable>).runInterpreter;
      else hookable.runInterpreter = originals.runInterpreter;
    },
  };
}

function bump(counts: Float64Array, at: number): void {
  counts[at] = (counts[at] as number) + 1;
}
