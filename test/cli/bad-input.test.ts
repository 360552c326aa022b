import { afterAll, describe, expect, it } from 'vitest';
import { CASES } from './bad-input-cases.ts';
import { userFolder } from './bad-input-fixtures.ts';
import { runMain } from './run-main.ts';

/**
 * The bad-input suite: every command, given malformed or hostile input (flags, traces, summaries,
 * allow-lists, contracts folders, output paths), exits with the code docs/errors.md gives (2), says
 * what was wrong and where, and changes no file the user had, leaving nothing behind. The CLI runs
 * in-process through `main(argv)`; nearly every case is refused before anything compiles.
 */
const u = userFolder();
afterAll(() => u.dispose());

describe('every bad input is refused cleanly (exit 2, what and where, no file changed)', () => {
  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, badCase) => {
    badCase.setup?.(u);
    const before = u.hashes();
    const result = await runMain(badCase.argv(u));
    const output = `${result.stderr}${result.stdout}`;
    expect(result.code, output).toBe(badCase.code ?? 2);
    for (const needle of badCase.says(u)) expect(output).toContain(needle);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // never a stack trace
    expect(u.hashes()).toEqual(before);
  });
});
