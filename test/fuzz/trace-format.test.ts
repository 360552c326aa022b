import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContracts } from '../../fuzz/compile/index.ts';
import { TraceFormatError } from '../../fuzz/errors.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../../fuzz/runner/prepare.ts';
import { replayTrace } from '../../fuzz/runner/replay.ts';
import { ACTION_FIELDS, ACTION_KINDS, type FieldType } from '../../fuzz/trace/fields.ts';
import type { Trace, TraceAction, TraceExpect } from '../../fuzz/trace/format.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';
import { stringifyTrace } from '../../fuzz/trace/serialize.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import { runCliffless } from '../support/cli.ts';

// The trace format as a user meets it: errors that name the field, a lossless text form, and the
// CLI's exit codes (0 pass, 1 failure, 2 malformed input).

const root = new URL('../../', import.meta.url).pathname;
const tracesDir = join(root, 'test/traces');
const traceFiles = readdirSync(tracesDir).filter((f) => f.endsWith('.json'));
const seed = Number(process.env.FUZZ_SEED ?? 20_260_124);
const numRuns = Number(process.env.FUZZ_RUNS ?? 200);

/** A small valid trace; each error case below breaks one thing in it. */
function good(): Record<string, unknown> {
  return {
    format: 'cliffless-trace',
    version: 1,
    title: 'create, split',
    world: { actors: 2, approvals: true },
    actions: [
      {
        kind: 'createSeries',
        caller: 'alice',
        collateral: 'WETH',
        oracle: 'oracle',
        indexId: 'ETH/USD',
        strike: '2500000000000000000000',
        expiry: '1700086400',
      },
      { kind: 'split', caller: 'bob', seriesId: '#0', amount: '1000', to: 'bob', expect: { ok: true } },
    ],
  };
}
type Raw = ReturnType<typeof good> & { actions: Record<string, unknown>[] };
type Edit = (doc: Raw) => void;
/** The good trace's text after some edits. */
function edited(...edits: Edit[]): string {
  const doc = good() as Raw;
  for (const edit of edits) edit(doc);
  return JSON.stringify(doc, null, 2);
}
/** Sets a top-level field, or removes it when `value` is undefined. */
const top =
  (key: string, value: unknown): Edit =>
  (doc) => {
    if (value === undefined) delete doc[key];
    else doc[key] = value;
  };
/** Sets a field of action `i`, or removes it when `value` is undefined. */
const field =
  (i: number, key: string, value: unknown): Edit =>
  (doc) => {
    const action = doc.actions[i] as Record<string, unknown>;
    if (value === undefined) delete action[key];
    else action[key] = value;
  };
/** Adds an action at the start or the end. */
const add =
  (where: 'start' | 'end', action: Record<string, unknown>): Edit =>
  (doc) => {
    if (where === 'start') doc.actions.unshift(action);
    else doc.actions.push(action);
  };

/** The TraceFormatError parseTrace throws on `text`. */
function formatError(text: string): TraceFormatError {
  try {
    parseTrace(text, 'case.json');
  } catch (error) {
    if (error instanceof TraceFormatError) return error;
    throw error;
  }
  throw new Error('parseTrace accepted the trace');
}

const ERRORS: [name: string, text: string, field: string, problem: RegExp][] = [
  ['invalid JSON', '{"format": "cliffless-trace",', '(file)', /not valid JSON/],
  ['a wrong version', edited(top('version', 2)), 'version', /reads version 1, got 2/],
  ['a wrong format tag', edited(top('format', 'trace')), 'format', /expected "cliffless-trace"/],
  ['an unknown kind', edited(field(1, 'kind', 'deposit')), 'actions[1].kind', /expected one of createSeries, split/],
  ['an unknown field', edited(field(1, 'amout', '1')), 'actions[1].amout', /unknown field/],
  [
    'a missing field',
    edited(field(1, 'to', undefined)),
    'actions[1].to',
    /missing \(a split needs caller, seriesId, amount, to\)/,
  ],
  ['a negative uint', edited(field(1, 'amount', '-1')), 'actions[1].amount', /decimal integer string or "max"/],
  ['a hex uint', edited(field(1, 'amount', '0x10')), 'actions[1].amount', /decimal integer/],
  ['an exponent uint', edited(field(0, 'strike', '2.5e21')), 'actions[0].strike', /decimal integer/],
  [
    'a uint above 2^256 - 1',
    edited(field(1, 'amount', (MAX_UINT256 + 1n).toString())),
    'actions[1].amount',
    /does not fit in uint256/,
  ],
  [
    'a number where a uint string goes',
    edited(field(1, 'amount', 1000)),
    'actions[1].amount',
    /expected a string, got 1000/,
  ],
  [
    'an unknown actor name',
    edited(field(1, 'caller', 'eve')),
    'actions[1].caller',
    /unknown address name "eve".*alice, bob/,
  ],
  ['an actor beyond world.actors', edited(field(1, 'to', 'carol')), 'actions[1].to', /unknown address name "carol"/],
  ['a malformed series', edited(field(1, 'seriesId', 'first')), 'actions[1].seriesId', /expected #k/],
  [
    'an index id of 33 characters',
    edited(field(0, 'indexId', 'X'.repeat(33))),
    'actions[0].indexId',
    /1 to 32 printable ASCII/,
  ],
  ['a world with 0 actors', edited(top('world', { actors: 0 })), 'world.actors', /from 1 to 16/],
  ['an unknown world field', edited(top('world', { actors: 2, tokens: 6 })), 'world.tokens', /unknown field/],
  ['an expect with ok false', edited(field(1, 'expect', { ok: false })), 'actions[1].expect.ok', /expected true/],
  ['an unknown top-level field', edited(top('steps', [])), 'steps', /unknown field/],
  ['actions missing', edited(top('actions', undefined)), 'actions', /expected an array/],
];

describe('parseTrace errors name the field and exit with 2', () => {
  it.each(ERRORS)('%s → %s', (_, text, field, problem) => {
    const error = formatError(text);
    expect(error.field).toBe(field);
    expect(error.file).toBe('case.json');
    expect(error.exitCode).toBe(2);
    expect(error.message.startsWith(`case.json: ${field}: `)).toBe(true);
    expect(error.message).toMatch(problem);
    expect(error.describe()).toContain('docs/trace-format.md');
  });
});

describe('names that only exist at run time are checked when the trace replays', () => {
  let env: PreparedEnvironment;
  beforeAll(async () => {
    env = await prepareEnvironment(compileContracts().artifacts, { actors: 2, approvals: true });
  });

  it.each([
    [
      '#5 with one series created',
      field(1, 'seriesId', '#5'),
      'actions[1].seriesId',
      /#5 names series number 5 \(from 0\), but only 1 series exist at this step/,
    ],
    [
      '#0 before any series exists',
      add('start', { kind: 'settle', caller: 'bob', seriesId: '#0' }),
      'actions[0].seriesId',
      /only 0 series exist/,
    ],
    [
      'P#1 with one series created',
      add('end', { kind: 'transfer', caller: 'bob', token: 'P#1', to: 'alice', amount: '1' }),
      'actions[2].token',
      /P#1 does not name anything at this step/,
    ],
  ] as const)('%s', async (_, change, field, problem) => {
    const trace = parseTrace(edited(change), 'case.json');
    const failure = await replayTrace(env, trace, 'case.json', { probesPerStep: 0 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TraceFormatError);
    expect((failure as TraceFormatError).field).toBe(field);
    expect((failure as TraceFormatError).exitCode).toBe(2);
    expect((failure as TraceFormatError).message).toMatch(problem);
  });

  // An action the model refuses as input (armCallback on a token that is not CALLBACK, a caller
  // with code, a warp past 2^256 - 1) is a bad trace: exit 2 naming the action, not a stack trace.
  it.each([
    ['armCallback on WETH', { kind: 'armCallback', caller: 'alice', token: 'WETH', armed: true }],
    ['a caller with code', { kind: 'transfer', caller: 'market', token: 'WETH', to: 'alice', amount: '0' }],
    ['a warp past 2^256 - 1', { kind: 'warp', seconds: 'max' }],
  ] as const)('%s is a TraceFormatError naming the action', async (_, action) => {
    const trace = parseTrace(edited(add('end', { ...action })), 'case.json');
    const failure = await replayTrace(env, trace, 'case.json', { probesPerStep: 0 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TraceFormatError);
    expect((failure as TraceFormatError).field).toMatch(/^actions\[2\]/);
  });

  it('a series created earlier in the trace resolves, and so do its claim tokens', async () => {
    const trace = parseTrace(
      edited(
        add('end', {
          kind: 'transfer',
          caller: 'bob',
          token: 'N#0',
          to: 'alice',
          amount: '1',
          expect: { ok: true, returns: ['true'] },
        }),
      ),
      'case.json',
    );
    const result = await replayTrace(env, trace, 'case.json', { probesPerStep: 0 });
    expect(result.failure).toBeUndefined();
    const created = result.steps[0]?.outcome;
    expect(created?.ok && created.events[0]?.name).toBe('SeriesCreated');
    expect(result.book.address('N#0')).toBe(created?.ok ? created.events[0]?.args.nToken : undefined);
  });
});

describe('parse(stringify(trace)) is the identity', () => {
  it.each(traceFiles)('on test/traces/%s', (file) => {
    const trace = parseTrace(readFileSync(join(tracesDir, file), 'utf8'), file);
    const text = stringifyTrace(trace);
    expect(parseTrace(text, file)).toEqual(trace);
    expect(stringifyTrace(parseTrace(text, file))).toBe(text);
  });

  it('keeps every optional field; drops only notes and $schema, which replay ignores', () => {
    const text = readFileSync(join(tracesDir, 'oracle-cancel-arbitration.json'), 'utf8');
    const trace = parseTrace(text, 'x.json');
    expect(text).toContain('"note"');
    expect(stringifyTrace(trace)).not.toContain('"note"');
    expect(stringifyTrace(trace)).not.toContain('$schema');
  });

  it('on random traces of every action kind', () => {
    const uint = fc.oneof(
      fc.bigInt({ min: 0n, max: MAX_UINT256 }).map((v) => (v === MAX_UINT256 ? 'max' : v.toString())),
      fc.constant('max'),
    );
    const arbitraryOf: Record<FieldType, fc.Arbitrary<string | boolean>> = {
      uint,
      bool: fc.boolean(),
      address: fc.oneof(
        fc.constantFrom('alice', 'bob', 'carol', 'zero', 'market', 'oracle', 'arbitrator', 'WETH', 'NORET', 'BOND'),
        fc.nat(9).map((k) => `P#${k}`),
        fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => `0x${Buffer.from(b).toString('hex')}`),
      ),
      series: fc.oneof(
        fc.nat(9).map((k) => `#${k}`),
        fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `0x${Buffer.from(b).toString('hex')}`),
      ),
      indexId: fc.oneof(
        fc.constantFrom('ETH/USD', 'CPI', 'x'),
        fc
          .string({ unit: 'binary-ascii', minLength: 1, maxLength: 32 })
          .filter((s) => /^[\x20-\x7e]+$/.test(s) && !s.startsWith('0x')),
      ),
    };
    const expectation: fc.Arbitrary<TraceExpect | undefined> = fc.oneof(
      fc.constant(undefined),
      fc.record(
        { ok: fc.constant(true as const), returns: fc.array(fc.string()), events: fc.array(fc.string()) },
        { requiredKeys: ['ok'] },
      ),
      fc.record({ revert: fc.string({ minLength: 1 }), args: fc.array(fc.string()) }, { requiredKeys: ['revert'] }),
    );
    const action: fc.Arbitrary<TraceAction> = fc.constantFrom(...ACTION_KINDS).chain((kind) =>
      fc
        .tuple(fc.tuple(...Object.values(ACTION_FIELDS[kind]).map((type) => arbitraryOf[type])), expectation)
        .map(([values, expect]) => {
          const fields = Object.fromEntries(
            Object.keys(ACTION_FIELDS[kind]).map((name, i) => [name, values[i] as string | boolean]),
          );
          return expect === undefined ? { kind, fields } : { kind, fields, expect };
        }),
    );
    const trace: fc.Arbitrary<Trace> = fc
      .record({
        title: fc.option(fc.string(), { nil: undefined }),
        seed: fc.option(fc.integer(), { nil: undefined }),
        approvals: fc.boolean(),
        actions: fc.array(action, { minLength: 1, maxLength: 6 }), // an empty trace is refused
        failure: fc.option(
          fc.record(
            {
              step: fc.nat(),
              kind: fc.constantFrom('divergence', 'property', 'expectation'),
              id: fc.string(),
              message: fc.string(),
              model: fc.string(),
              evm: fc.string(),
            },
            { requiredKeys: ['step', 'kind', 'id', 'message'] },
          ),
          { nil: undefined },
        ),
      })
      .map(({ title, seed: s, approvals, actions, failure }) => {
        const t: Trace = { format: 'cliffless-trace', version: 1, world: { actors: 3, approvals }, actions };
        if (title !== undefined) t.title = title;
        if (s !== undefined) t.seed = s;
        if (failure !== undefined) t.failure = failure as NonNullable<Trace['failure']>;
        return t;
      });
    fc.assert(
      fc.property(trace, (t) => {
        expect(parseTrace(stringifyTrace(t), 'random.json')).toEqual(t);
      }),
      { seed, numRuns },
    );
  });
});

describe('the CLI: `cliffless replay` exit codes (run in a temporary folder)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cliffless-trace-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => runCliffless(args, { cwd: dir, timeoutMs: 110_000 });
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const scenario = (file: string) => readFileSync(join(tracesDir, file), 'utf8');

  it('exits 0 on a passing trace', () => {
    const path = write('pass.json', scenario('settle-at-strike.json'));
    const result = run('replay', path);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`PASS ${path}: 14 actions`);
  });

  it('exits 1 on a trace whose expect is not met, naming the step', () => {
    const text = scenario('settle-at-strike.json').replace(
      '"pAmount": "7", "nAmount": "0", "to": "alice", "expect": {"ok": true, "returns": ["7"]',
      '"pAmount": "7", "nAmount": "0", "to": "alice", "expect": {"ok": true, "returns": ["6"]',
    );
    expect(text).not.toBe(scenario('settle-at-strike.json'));
    const path = write('fail.json', text);
    const result = run('replay', path, '--verbose');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL ${path}`);
    expect(result.stdout).toContain('step 11: redeem');
    expect(result.stdout).toContain('expected returns [6], got [7]');
  });

  it('exits 2 on a malformed trace, naming the field on stderr', () => {
    const path = write('malformed.json', edited(field(1, 'amount', '-5')));
    const result = run('replay', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: actions[1].amount: expected a decimal integer string or "max", got "-5"`);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a name that does not exist at its step, naming the field', () => {
    const path = write('unknown-series.json', edited(field(1, 'seriesId', '#5')));
    const result = run('replay', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: actions[1].seriesId: #5 names series number 5`);
  });

  it('exits 2 on a missing file', () => {
    const result = run('replay', join(dir, 'nope.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read the trace (ENOENT)');
  });

  it('exits 0 on --help and prints the usage', () => {
    const result = run('replay', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cliffless replay <trace.json> [--verbose]');
  });

  it('exits 2 on an unknown flag, suggesting the near one', () => {
    const result = run('replay', 'x.json', '--verbos');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag --verbos');
    expect(result.stderr).toContain('did you mean --verbose?');
  });
});
