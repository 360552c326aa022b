/** EVM opcodes the coverage analysis needs by name. */
export const OP = {
  STOP: 0x00,
  JUMP: 0x56,
  JUMPI: 0x57,
  JUMPDEST: 0x5b,
  PUSH1: 0x60,
  PUSH32: 0x7f,
  RETURN: 0xf3,
  REVERT: 0xfd,
  INVALID: 0xfe,
  SELFDESTRUCT: 0xff,
} as const;

/** One decoded instruction. */
export interface Instruction {
  pc: number;
  op: number;
  /** The immediate of a PUSH1..PUSH32 (truncated at the code's end), else undefined. */
  push: bigint | undefined;
}

/**
 * Decodes `code` into instructions in order, PUSH immediates skipped over: the i-th instruction is
 * what the i-th entry of solc's source map describes. Trailing metadata decodes as junk
 * instructions; source maps stop before it, so callers only read the first `entries` of them.
 */
export function decodeInstructions(code: Uint8Array): Instruction[] {
  const instructions: Instruction[] = [];
  for (let pc = 0; pc < code.length; ) {
    const op = code[pc] as number;
    if (op >= OP.PUSH1 && op <= OP.PUSH32) {
      const size = op - OP.PUSH1 + 1;
      let value = 0n;
      for (let i = 1; i <= size && pc + i < code.length; i++) value = (value << 8n) | BigInt(code[pc + i] as number);
      instructions.push({ pc, op, push: value });
      pc += size + 1;
    } else {
      instructions.push({ pc, op, push: undefined });
      pc += 1;
    }
  }
  return instructions;
}

/** True for instructions after which execution never falls through to the next one. */
export function endsFlow(op: number): boolean {
  return (
    op === OP.STOP ||
    op === OP.JUMP ||
    op === OP.RETURN ||
    op === OP.REVERT ||
    op === OP.INVALID ||
    op === OP.SELFDESTRUCT
  );
}

/**
 * Basic blocks over the first `count` instructions: a block starts at the first instruction, at
 * every JUMPDEST and after every JUMPI or flow-ending instruction, and runs to the next start.
 * Returns, per instruction, the index of the block's first instruction. Entering a block runs it to
 * its end unless the frame halts exceptionally inside it (out of gas): the recorder relies on this.
 */
export function blockStarts(instructions: readonly Instruction[], count: number): Int32Array {
  const startOf = new Int32Array(count);
  let start = 0;
  for (let i = 0; i < count; i++) {
    const ins = instructions[i] as Instruction;
    const previous = instructions[i - 1];
    if (
      i > 0 &&
      (ins.op === OP.JUMPDEST || (previous !== undefined && (previous.op === OP.JUMPI || endsFlow(previous.op))))
    )
      start = i;
    startOf[i] = start;
  }
  return startOf;
}
