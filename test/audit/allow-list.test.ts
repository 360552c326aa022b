import { describe, expect, it } from 'vitest';
import { allowedBy, globMatches, parseAllowList } from '../../fuzz/audit/allow-list.ts';
import { CliflessError } from '../../fuzz/errors.ts';

const parse = (value: unknown) =>
  parseAllowList(typeof value === 'string' ? value : JSON.stringify(value), 'allow.json');
const problem = (value: unknown): string => {
  try {
    parse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CliflessError);
    expect((error as CliflessError).exitCode).toBe(2);
    return (error as CliflessError).message;
  }
  throw new Error('expected the allow-list to be rejected');
};

describe('allow-list', () => {
  it('parses entries and matches a difference by action kind and path pattern', () => {
    const list = parse({
      allow: [
        { action: 'split', path: 'outcome.ok', reason: 'split now needs at least 2' },
        { action: '*', path: 'state.tokens.P#*.balances.*', reason: 'claim balances move' },
      ],
    });
    expect(allowedBy(list, 'split', 'outcome.ok')?.reason).toBe('split now needs at least 2');
    expect(allowedBy(list, 'merge', 'outcome.ok')).toBeUndefined();
    expect(allowedBy(list, 'split', 'outcome.ok.extra')).toBeUndefined();
    expect(allowedBy(list, 'redeem', 'state.tokens.P#*.balances.*')?.reason).toBe('claim balances move');
    expect(allowedBy(list, 'redeem', 'state.tokens.N#*.balances.*')).toBeUndefined();
    expect(allowedBy(undefined, 'split', 'outcome.ok')).toBeUndefined();
  });

  it('treats only * as special in a pattern', () => {
    expect(globMatches('outcome.returns[0]', 'outcome.returns[0]')).toBe(true);
    expect(globMatches('outcome.returns[0]', 'outcomeXreturns[0]')).toBe(false);
    expect(globMatches('outcome.events[*].args.value', 'outcome.events[12].args.value')).toBe(true);
    expect(globMatches('state.*', 'outcome.ok')).toBe(false);
  });

  it('names the file and the field of every problem', () => {
    expect(problem('{"allow": [')).toMatch(/^allow\.json: \(file\): not valid JSON/);
    expect(problem([])).toContain('allow.json: (file): expected a JSON object');
    expect(problem({ allow: [], extra: 1 })).toContain('allow.json: extra: unknown field');
    expect(problem({ allow: {} })).toContain('allow.json: allow: expected an array');
    expect(problem({ allow: ['split'] })).toContain('allow.json: allow[0]: expected an object');
    expect(problem({ allow: [{ action: 'splt', path: 'outcome.ok', reason: 'r' }] })).toContain(
      'allow.json: allow[0].action: "splt" is not an action kind',
    );
    expect(problem({ allow: [{ action: 'split', path: '', reason: 'r' }] })).toContain(
      'allow[0].path: expected a non-empty',
    );
    expect(problem({ allow: [{ action: 'split', path: 'returns[0]', reason: 'r' }] })).toContain(
      'allow[0].path: "returns[0]" must start with "outcome", "state" or *',
    );
    expect(problem({ allow: [{ action: 'split', path: 'outcome.ok' }] })).toContain(
      'allow[0].reason: expected a non-empty',
    );
    expect(problem({ allow: [{ action: 'split', path: 'outcome.ok', reason: 'r', why: 1 }] })).toContain(
      'allow[0].why: unknown field',
    );
  });
});
