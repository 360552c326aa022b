import { describe, expect, it } from 'vitest';
import { blockStarts, decodeInstructions } from '../../fuzz/coverage/bytecode.ts';
import { decodeSourceMap } from '../../fuzz/coverage/source-map.ts';
import { SourceText } from '../../fuzz/coverage/source-text.ts';

describe('solc source maps', () => {
  it('decodes the compressed format: empty fields repeat the previous entry', () => {
    expect(decodeSourceMap('1:2:1;:9;2:1:2;;5:3:0:i:1;::::')).toEqual([
      { start: 1, length: 2, file: 1, jump: '-', modifierDepth: 0 },
      { start: 1, length: 9, file: 1, jump: '-', modifierDepth: 0 },
      { start: 2, length: 1, file: 2, jump: '-', modifierDepth: 0 },
      { start: 2, length: 1, file: 2, jump: '-', modifierDepth: 0 },
      { start: 5, length: 3, file: 0, jump: 'i', modifierDepth: 1 },
      { start: 5, length: 3, file: 0, jump: 'i', modifierDepth: 1 },
    ]);
    expect(decodeSourceMap('')).toEqual([]);
    expect(() => decodeSourceMap('1:2:x')).toThrow(/entry 0/);
    expect(() => decodeSourceMap('1:2:1;3:4:1:q')).toThrow(/entry 1: unknown jump type/);
  });

  it('decodes instructions with PUSH immediates skipped, and splits basic blocks', () => {
    // PUSH1 0x80, PUSH2 0x000a, JUMPI, INVALID, JUMPDEST, PUSH0, STOP, (truncated PUSH2)
    const code = Uint8Array.from([0x60, 0x80, 0x61, 0x00, 0x0a, 0x57, 0xfe, 0x5b, 0x5f, 0x00, 0x61, 0x01]);
    const instructions = decodeInstructions(code);
    expect(instructions.map((i) => [i.pc, i.op, i.push])).toEqual([
      [0, 0x60, 0x80n],
      [2, 0x61, 0x0an],
      [5, 0x57, undefined],
      [6, 0xfe, undefined],
      [7, 0x5b, undefined],
      [8, 0x5f, undefined],
      [9, 0x00, undefined],
      [10, 0x61, 0x01n],
    ]);
    expect([...blockStarts(instructions, instructions.length)]).toEqual([0, 0, 0, 3, 4, 4, 4, 7]);
  });

  it('counts lines by UTF-8 byte offsets, as solc does', () => {
    const text = new SourceText('// ≥ two\nuint x;\nfoo();\n');
    // '≥' is three bytes: "uint" starts at byte 11 (character 9).
    expect(text.lineOf(0)).toBe(1);
    expect(text.lineOf(10)).toBe(1);
    expect(text.lineOf(11)).toBe(2);
    expect(text.slice(11, 4)).toBe('uint');
    expect(text.lineOf(19)).toBe(3);
    expect(text.lineText(3)).toBe('foo();');
  });
});
