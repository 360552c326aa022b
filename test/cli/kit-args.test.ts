import { describe, expect, it } from 'vitest';
import { type CommandSpec, helpText, parseArgs } from '../../fuzz/cli/kit/args.ts';
import { UsageError } from '../../fuzz/errors.ts';

const SPEC: CommandSpec = {
  name: 'demo',
  summary: 'a command to parse',
  usage: 'cliffless demo [--seed N] [--tag T]... <file>',
  flags: [
    { name: 'seed', type: 'int', min: 0, max: 9, description: 'the seed', default: '1' },
    { name: 'tag', type: 'string', repeatable: true, description: 'a tag; repeat to add more' },
    { name: 'quiet', type: 'boolean', description: 'say less' },
  ],
  positionals: ['file'],
};

describe('the CLI kit: parseArgs', () => {
  it('adds up a repeatable flag, in order, and refuses any other flag given twice', () => {
    expect(parseArgs(SPEC, ['f', '--tag', 'a', '--tag=b', '--tag', 'c']).flags.tag).toEqual(['a', 'b', 'c']);
    expect(parseArgs(SPEC, ['f', '--tag', 'a']).flags.tag).toEqual(['a']);
    expect(parseArgs(SPEC, ['f']).flags.tag).toBeUndefined();
    expect(() => parseArgs(SPEC, ['f', '--seed', '1', '--seed', '2'])).toThrow(/--seed is given twice/);
    expect(() => parseArgs(SPEC, ['f', '--quiet', '--quiet'])).toThrow(/--quiet is given twice/);
    // Without the option the same command line is refused: the option is what lets it through.
    const once: CommandSpec = { ...SPEC, flags: SPEC.flags.map((f) => ({ ...f, repeatable: false })) };
    expect(() => parseArgs(once, ['f', '--tag', 'a', '--tag', 'b'])).toThrow(/--tag is given twice/);
  });

  it('holds numbers to min and max', () => {
    expect(parseArgs(SPEC, ['f', '--seed', '9']).flags.seed).toBe(9);
    expect(() => parseArgs(SPEC, ['f', '--seed', '10'])).toThrow(/--seed must be at most 9, got 10/);
    expect(() => parseArgs(SPEC, ['f', '--seed', '-1'])).toThrow(/--seed must be at least 0, got -1/);
  });

  it("names the command as its invocation says, in the message and in the UsageError's help line", () => {
    const bench: CommandSpec = { ...SPEC, positionals: [], invocation: 'npm run demo --' };
    const caught = (() => {
      try {
        parseArgs(bench, ['--sede', '1']);
      } catch (error) {
        return error;
      }
    })() as UsageError;
    expect(caught).toBeInstanceOf(UsageError);
    expect(caught.exitCode).toBe(2);
    expect(caught.message).toBe('unknown flag --sede for `npm run demo` (did you mean --seed?)');
    expect(caught.describe()).toContain('Run `npm run demo -- --help` for the options.');
    expect(() => parseArgs(bench, ['x'])).toThrow('`npm run demo` takes no arguments, got x');
    const plain = (() => {
      try {
        parseArgs(SPEC, []);
      } catch (error) {
        return error;
      }
    })() as UsageError;
    expect(plain.describe()).toContain('Run `cliffless demo --help` for the options.');
  });
});

describe('the CLI kit: helpText', () => {
  it('lines every description up in one column, marking a repeatable flag with ...', () => {
    expect(helpText({ ...SPEC, description: 'What it does.' })).toBe(
      [
        'cliffless demo — a command to parse',
        '',
        'Usage: cliffless demo [--seed N] [--tag T]... <file>',
        '',
        'What it does.',
        '',
        'Options:',
        '  --seed <int>       the seed (default: 1)',
        '  --tag <string>...  a tag; repeat to add more',
        '  --quiet            say less',
        '  --help             Show this help',
        '',
      ].join('\n'),
    );
  });
});
