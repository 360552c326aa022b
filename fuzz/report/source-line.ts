import { hexToBytes } from 'viem';
import type { Artifacts } from '../compile/artifacts.ts';
import { decodeInstructions } from '../coverage/bytecode.ts';
import { CodeIndex } from '../coverage/code-index.ts';
import { decodeSourceMap, type SourceMapEntry } from '../coverage/source-map.ts';
import { SourceText } from '../coverage/source-text.ts';

/** A line of the project's Solidity sources. */
export interface SourceLine {
  /** The source unit, as solc names it (`contracts/libraries/PayoutMath.sol`). */
  unit: string;
  /** 1-based. */
  line: number;
  /** The line's text, trimmed. */
  text: string;
}

/** One executed instruction, as the EVM's step event reports it. */
export interface ExecutedStep {
  /** Hex address of the code that ran (the code address, not the storage context). */
  codeAddress: string;
  pc: number;
  /** EVM call depth (0 = the transaction's frame). */
  depth: number;
  opcode: string;
  /** The top two stack words (top first), for jumps and returns. */
  top: readonly bigint[];
}

/** What the step did that the annotation rule looks at. */
export interface LocateQuery {
  /** The EVM side reverted. */
  reverted: boolean;
  /** The EVM side's value where the sides differ, when it is an integer return value. */
  returnedValue?: bigint;
}

interface Located {
  /** Own source position, or undefined for compiler-made code. */
  own: SourceLine | undefined;
  /** Innermost project line on the internal call path (own, else the innermost call site). */
  project: SourceLine | undefined;
}

/**
 * Finds the Solidity line to blame for a failing step, from the instructions the EVM ran for it,
 * read through solc's source maps (`j: i/o` marks a jump into or out of an internal function):
 *
 * 1. the EVM reverted: the project line of the first REVERT (its `revert`/`require`);
 * 2. a return value differs: the innermost internal call, made from a project source, that returned
 *    the EVM's value (the last of them): the call that computed it (a `mulDiv` that rounds the wrong
 *    way);
 * 3. otherwise (a divergence in state, a broken property): the project line of the step's last
 *    state-changing call (a CALL, not a STATICCALL: a token transfer, a mint, a burn); in a step
 *    that makes none, of its last SSTORE or LOG.
 *
 * "Project" means a unit under `contracts/` other than `contracts/test-mocks/`: an instruction in a
 * library (OpenZeppelin) is blamed on the project line that called into it.
 */
export function locateFailingLine(
  artifacts: Artifacts,
  steps: readonly ExecutedStep[],
  codeAt: ReadonlyMap<string, Uint8Array>,
  query: LocateQuery,
): SourceLine | undefined {
  const maps = new SourceMaps(artifacts);
  // Per EVM frame depth: the internal call stack (call-site lines, innermost last).
  const callStacks: { site: Located; depth: number }[][] = [];
  const returned: { site: Located; value: bigint; depth: number }[] = [];
  let firstRevert: SourceLine | undefined;
  let lastCall: SourceLine | undefined;
  let lastStateChange: SourceLine | undefined;
  let firstProject: SourceLine | undefined;
  for (const step of steps) {
    callStacks.length = Math.min(callStacks.length, step.depth + 1);
    while (callStacks.length <= step.depth) callStacks.push([]);
    const stack = callStacks[step.depth] as { site: Located; depth: number }[];
    const position = maps.at(codeAt.get(step.codeAddress), step.pc);
    const own = position === undefined ? undefined : maps.lineOf(position);
    const ownIsProject = own !== undefined && isProject(own.unit);
    const innermostCaller = [...stack].reverse().find((c) => c.site.project !== undefined)?.site.project;
    const project = ownIsProject ? own : innermostCaller;
    firstProject ??= project;
    if (step.opcode === 'JUMP' && position?.jump === 'i') stack.push({ site: { own, project }, depth: stack.length });
    if (step.opcode === 'JUMP' && position?.jump === 'o') {
      const call = stack.pop();
      const value = step.top[1];
      if (call !== undefined && value !== undefined) returned.push({ site: call.site, value, depth: call.depth });
    }
    if (step.opcode === 'REVERT' && firstRevert === undefined) firstRevert = project;
    if (step.opcode === 'CALL' && project !== undefined) lastCall = project;
    if (/^(SSTORE|LOG[0-4])$/.test(step.opcode) && project !== undefined) lastStateChange = project;
  }
  if (query.reverted && firstRevert !== undefined) return firstRevert;
  if (query.returnedValue !== undefined) {
    // The innermost such call, and of those the last: the value the step returned is computed late
    // (the optimizer may evaluate a sum's operands in either order, and both may call `mulDiv`).
    let producing: (typeof returned)[number] | undefined;
    for (const r of returned) {
      if (r.value !== query.returnedValue || r.site.own === undefined || !isProject(r.site.own.unit)) continue;
      if (producing === undefined || r.depth >= producing.depth) producing = r;
    }
    if (producing?.site.own !== undefined) return producing.site.own;
  }
  return lastCall ?? lastStateChange ?? firstProject;
}

/** The project's own sources: what an annotation may point at. */
export function isProject(unit: string): boolean {
  return unit.startsWith('contracts/') && !unit.startsWith('contracts/test-mocks/');
}

/** Every contract's pc → source map entry, and each source's text, built once per locate. */
class SourceMaps {
  private readonly index: CodeIndex;
  private readonly programs = new Map<string, Map<number, SourceMapEntry>>();
  private readonly units = new Map<number, { unit: string; text: SourceText }>();

  constructor(private readonly artifacts: Artifacts) {
    this.index = new CodeIndex(artifacts);
    for (const [unit, source] of Object.entries(artifacts.sources)) {
      this.units.set(source.id, { unit, text: new SourceText(source.content) });
    }
  }

  at(code: Uint8Array | undefined, pc: number): SourceMapEntry | undefined {
    if (code === undefined) return undefined;
    const identity = this.index.identify(code);
    if (identity === undefined) return undefined;
    const key = `${identity.kind} ${identity.contract}`;
    let program = this.programs.get(key);
    if (program === undefined) {
      const artifact = this.artifacts.contracts[identity.contract];
      if (artifact === undefined) return undefined;
      const runtime = identity.kind === 'runtime';
      const entries = decodeSourceMap(runtime ? artifact.deployedSourceMap : artifact.sourceMap);
      const instructions = decodeInstructions(hexToBytes(runtime ? artifact.deployedBytecode : artifact.bytecode));
      program = new Map(instructions.slice(0, entries.length).map((ins, i) => [ins.pc, entries[i] as SourceMapEntry]));
      this.programs.set(key, program);
    }
    return program.get(pc);
  }

  lineOf(entry: SourceMapEntry): SourceLine | undefined {
    const source = this.units.get(entry.file);
    if (source === undefined || entry.start < 0) return undefined;
    const line = source.text.lineOf(entry.start);
    return { unit: source.unit, line, text: source.text.lineText(line) };
  }
}
