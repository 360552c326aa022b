import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, parseJsonStrict, readInputFile } from '../../fuzz/io/input.ts';

const fail = (field: string, problem: string): never => {
  throw new Error(`${field}: ${problem}`);
};

describe('the input policy', () => {
  it('parses strict JSON and allows one key in many objects', () => {
    expect(parseJsonStrict('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]', fail)).toEqual([
      { a: 1 },
      { a: 2 },
      { b: { a: 3 } },
    ]);
  });

  it('refuses a key twice in one object, at any depth, naming its path, line and column', () => {
    expect(() => parseJsonStrict('{"a": 1, "a": 2}', fail)).toThrow(
      'a: the key appears twice in one object (line 1, column 10)',
    );
    expect(() => parseJsonStrict('{"x": [{"k": 1},\n {"k": 1, "k": 2}]}', fail)).toThrow(
      'x[1].k: the key appears twice in one object (line 2',
    );
    expect(() => parseJsonStrict('{"a": {"b": 1, "b": 1}}', fail)).toThrow('a.b: the key appears twice');
  });

  it('refuses what JSON.parse refuses (comments, trailing commas)', () => {
    expect(() => parseJsonStrict('{"a": 1,}', fail)).toThrow('(file): not valid JSON');
    expect(() => parseJsonStrict('{"a": 1 /* c */}', fail)).toThrow('(file): not valid JSON');
  });

  it('reads a regular file exactly at the bound and refuses one byte more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cliffless-input-'));
    const limit = INPUT_LIMITS['allow-list'];
    writeFileSync(join(dir, 'at.json'), 'a'.repeat(limit));
    writeFileSync(join(dir, 'over.json'), 'a'.repeat(limit + 1));
    expect(readInputFile(join(dir, 'at.json'), 'allow-list', 'allow')).toHaveLength(limit);
    expect(() => readInputFile(join(dir, 'over.json'), 'allow-list', 'allow')).toThrow(
      `--allow ${join(dir, 'over.json')}: is ${limit + 1} bytes, over the ${limit}-byte limit for an allow-list`,
    );
  });
});
