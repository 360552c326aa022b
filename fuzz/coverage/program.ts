import { hexToBytes } from 'viem';
import type { ContractArtifact } from '../compile/artifacts.ts';
import { type BranchSite, rangeKey, type SourceRange, within } from './ast.ts';
import { blockStarts, decodeInstructions, endsFlow, type Instruction, OP } from './bytecode.ts';
import { decodeSourceMap, type SourceMapEntry } from './source-map.ts';

/** Which code of a contract ran: its runtime code, or its creation code (the constructor). */
export type CodeKind = 'runtime' | 'creation';

/** A JUMPI that decides a branch site, and which of its two ways is the site's side 0 (true). */
export interface DecidingJump {
  pc: number;
  site: BranchSite;
  /**
   * True when jumping is side 0, false when falling through is; undefined when the code after it
   * does not tell (neither or both ways lead into code of one side only).
   */
  jumpIsTrue: boolean | undefined;
}

/** A contract's code, decoded and tied to its sources: what the coverage report reads it through. */
export interface Program {
  kind: CodeKind;
  /** The instructions the source map describes (metadata and the runtime code inside creation code left out). */
  instructions: Instruction[];
  entries: SourceMapEntry[];
  /** Per instruction: the index of its basic block's first instruction. */
  blockOf: Int32Array;
  /** pc → instruction index. */
  indexOf: Map<number, number>;
  deciding: DecidingJump[];
}

/** How a JUMPI's way is labelled when the code does not tell which side it is. */
export const JUMPED = 0;
export const FELL_THROUGH = 1;

/**
 * Decodes an artifact's runtime or creation code against its source map and finds the JUMPIs that
 * decide branch sites: a JUMPI decides a site when solc attributes it to the site's construct (or,
 * failing that, to its condition). Other JUMPIs (dispatch, ABI decoding, checked arithmetic,
 * external-call checks, array bounds) are compiler-made and not counted as branches.
 */
export function analyzeProgram(
  artifact: ContractArtifact,
  kind: CodeKind,
  sites: { byRange: Map<string, BranchSite>; byCondition: Map<string, BranchSite> },
): Program {
  const code = hexToBytes(kind === 'runtime' ? artifact.deployedBytecode : artifact.bytecode);
  const entries = decodeSourceMap(kind === 'runtime' ? artifact.deployedSourceMap : artifact.sourceMap);
  const instructions = decodeInstructions(code).slice(0, entries.length);
  const blockOf = blockStarts(instructions, instructions.length);
  const indexOf = new Map(instructions.map((ins, i) => [ins.pc, i]));
  const program: Program = { kind, instructions, entries, blockOf, indexOf, deciding: [] };
  for (const [i, ins] of instructions.entries()) {
    if (ins.op !== OP.JUMPI) continue;
    const key = rangeKey(entries[i] as SourceMapEntry);
    const site = sites.byRange.get(key) ?? sites.byCondition.get(key);
    if (site === undefined) continue;
    program.deciding.push({ pc: ins.pc, site, jumpIsTrue: polarity(program, i, site) });
  }
  return program;
}

/** Blocks followed from a successor before giving up on finding code of one side. */
const PATH_BLOCKS = 6;

function polarity(program: Program, jumpi: number, site: BranchSite): boolean | undefined {
  const previous = program.instructions[jumpi - 1];
  const target = previous?.push === undefined ? undefined : program.indexOf.get(Number(previous.push));
  if (target === undefined) return undefined;
  const jumped = walk(program, target, site);
  const fell = walk(program, jumpi + 1, site);
  // A one-sided construct (`if` without `else`, `&&`, `||`, a loop) compiles to a detour: one way
  // runs the body and then comes back to where the other way goes at once. The way whose code
  // reaches, or pushes as a return address, the other way's start is the body.
  const bodySide =
    site.sides[0] !== undefined && site.sides[1] === undefined
      ? 0
      : site.sides[1] !== undefined && site.sides[0] === undefined
        ? 1
        : undefined;
  if (bodySide !== undefined) {
    const fellDetours = fell.mentions.has(program.instructions[target]?.pc ?? -1);
    const jumpedDetours = jumped.mentions.has(program.instructions[jumpi + 1]?.pc ?? -1);
    if (fellDetours !== jumpedDetours) return fellDetours ? bodySide === 1 : bodySide === 0;
  }
  // Otherwise the way that alone leads into code of one side is that side.
  if (jumped.reached[0] !== fell.reached[0]) return jumped.reached[0];
  if (jumped.reached[1] !== fell.reached[1]) return fell.reached[1];
  return undefined;
}

interface Walk {
  /** Whether the path ran code attributed to side 0, side 1 of the site. */
  reached: [boolean, boolean];
  /** Code offsets the path reached or pushed as a constant. */
  mentions: Set<number>;
}

/**
 * Follows straight-line code from instruction `from` (through unconditional static jumps, up to
 * the next JUMPI or halt): which sides of `site` it runs code of, and which offsets it mentions.
 */
function walk(program: Program, from: number, site: BranchSite): Walk {
  const result: Walk = { reached: [false, false], mentions: new Set() };
  const inside = (side: SourceRange | undefined, at: SourceRange) => side !== undefined && within(at, side);
  let i = from;
  for (let blocks = 0; blocks < PATH_BLOCKS; ) {
    const ins = program.instructions[i];
    const at = program.entries[i];
    if (ins === undefined || at === undefined) break;
    result.mentions.add(ins.pc);
    if (ins.push !== undefined && ins.push < BigInt(Number.MAX_SAFE_INTEGER)) result.mentions.add(Number(ins.push));
    if (inside(site.sides[0], at)) result.reached[0] = true;
    if (inside(site.sides[1], at)) result.reached[1] = true;
    if (ins.op === OP.JUMPI) break;
    if (ins.op === OP.JUMP) {
      const pushed = program.instructions[i - 1]?.push;
      const next = pushed === undefined ? undefined : program.indexOf.get(Number(pushed));
      if (next === undefined) break;
      i = next;
      blocks++;
    } else if (endsFlow(ins.op)) {
      break;
    } else {
      i++;
      if (program.instructions[i]?.op === OP.JUMPDEST) blocks++;
    }
  }
  return result;
}
