import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../fuzz/errors.ts';
import { ACTION_FIELDS, ACTION_KINDS, type FieldType } from '../../fuzz/trace/fields.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';

// The schema is checked two ways: structurally against ACTION_FIELDS (the table parse, resolve and
// serialize share), and by behaviour — schema and parser must accept and reject the same documents.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'docs/trace.schema.json'), 'utf8')) as Doc;
const defs = schema.$defs as Record<string, Doc>;
const tracesDir = join(root, 'test/traces');
const traceFiles = readdirSync(tracesDir).filter((f) => f.endsWith('.json'));

const seed = Number(process.env.FUZZ_SEED ?? 20_260_124);
const numRuns = Number(process.env.FUZZ_RUNS ?? 300);

// A well-kept validator (ajv, draft 2020-12, strict) rather than one of our own: the schema is
// checked by the same rules an editor or another tool would apply.
const validateTrace = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const validate = (doc: Json) => (validateTrace(doc) ? [] : (validateTrace.errors ?? []));
const schemaAccepts = (doc: Json) => validate(doc).length === 0;
function parserAccepts(doc: Json): boolean {
  try {
    parseTrace(JSON.stringify(doc), 'case.json');
    return true;
  } catch (error) {
    if (error instanceof TraceFormatError) return false;
    throw error;
  }
}

/** One action of every kind, every field set, with actors valid in the default world (alice … dave). */
const SAMPLE: Record<string, Doc> = {
  createSeries: {
    caller: 'alice',
    collateral: 'WETH',
    oracle: 'oracle',
    indexId: 'ETH/USD',
    strike: '2500000000000000000000',
    expiry: '1700086400',
  },
  split: { caller: 'alice', seriesId: '#0', amount: '1', to: 'bob' },
  merge: { caller: 'alice', seriesId: '#0', amount: '1', to: 'bob' },
  settle: { caller: 'alice', seriesId: '#0' },
  redeem: { caller: 'alice', seriesId: '#0', pAmount: '1', nAmount: '0', to: 'bob' },
  transfer: { caller: 'alice', token: 'P#0', to: 'market', amount: 'max' },
  approve: { caller: 'alice', token: 'USDC', spender: 'bob', amount: '5' },
  transferFrom: { caller: 'bob', token: 'USDC', from: 'alice', to: 'carol', amount: '5' },
  mintClaim: { caller: 'bob', token: 'P#0', to: 'bob', amount: '1' },
  burnClaim: { caller: 'market', token: 'N#3', from: 'alice', amount: 'max' },
  propose: { caller: 'dave', indexId: 'ETH/USD', timestamp: '1700086400', value: '0', bond: '1000000000000000000' },
  finalize: { caller: 'carol', indexId: 'ETH/USD', timestamp: '1700086400' },
  requestArbitration: { caller: 'carol', indexId: 'ETH/USD', timestamp: '1700086400' },
  arbitrate: { caller: 'arbitrator', indexId: 'ETH/USD', timestamp: '1700086400', value: '1' },
  cancelArbitration: { caller: 'carol', indexId: 'ETH/USD', timestamp: '1700086400' },
  withdraw: { caller: 'arbitrator' },
  armCallback: { caller: 'alice', token: 'CALLBACK', armed: true },
  pauseToken: { caller: 'alice', token: 'PAUSABLE', paused: true },
  blockAccount: { caller: 'bob', token: 'BLOCKLIST', account: 'market', blocked: true },
  rebase: { caller: 'carol', token: 'REBASING', factorBps: '8000' },
  upgradeToken: { caller: 'dave', token: 'UPGRADABLE', to: '1' },
  flashMint: { caller: 'bob', token: 'FLASH', market: 'market', seriesId: '#0', amount: '5', mergeBack: true },
  sendNative: { caller: 'carol', to: 'dave', amount: '7' },
  warp: { seconds: '3600' },
};

function base(): Doc {
  return {
    format: 'cliffless-trace',
    version: 1,
    title: 'every kind',
    world: { actors: 16, approvals: true },
    actions: ACTION_KINDS.map((kind) => ({ kind, ...SAMPLE[kind] })),
  };
}
const kindIndex = (kind: string) => ACTION_KINDS.indexOf(kind as (typeof ACTION_KINDS)[number]);

/** A copy of the base trace with one change. */
function variant(change: (doc: Doc, actions: Doc[]) => void): Doc {
  const doc = base();
  change(doc, doc.actions as Doc[]);
  return doc;
}
/** The base trace with a top-level field set to `value`, or removed when it is undefined. */
const withTop = (key: string, value: Json | undefined) =>
  variant((doc) => {
    if (value === undefined) delete doc[key];
    else doc[key] = value;
  });
/** The base trace with one field of its first action set to `value`, or removed when undefined. */
const withFirst = (key: string, value: Json | undefined) =>
  variant((_, actions) => {
    const first = actions[0] as Doc;
    if (value === undefined) delete first[key];
    else first[key] = value;
  });
/** The base trace with one field of one action set to `value`. */
const withField = (kind: string, field: string, value: Json) =>
  variant((_, actions) => {
    (actions[kindIndex(kind)] as Doc)[field] = value;
  });

const MAX = MAX_UINT256.toString();
const FIELD_OF_TYPE: Record<FieldType, [string, string]> = {
  uint: ['split', 'amount'],
  address: ['split', 'to'],
  series: ['split', 'seriesId'],
  indexId: ['propose', 'indexId'],
  bool: ['armCallback', 'armed'],
};

/** Values of each field type on which schema and parser must agree (accepted or not). */
const VALUES: Record<FieldType, Json[]> = {
  uint: [
    ...['0', '1', '007', 'max', MAX, (MAX_UINT256 + 1n).toString(), `${'0'.repeat(100)}1`, `000${MAX}`],
    ...[(10n ** 77n).toString(), (10n ** 78n).toString(), (MAX_UINT256 - 1n).toString(), `1${'0'.repeat(77)}`],
    ...['-1', '1.5', '0x10', '1e18', '', ' 1', '1 ', 'MAX', 'Max', '١', 1, null, true],
  ],
  address: [
    ...['alice', 'sybil', 'zero', 'market', 'oracle', 'arbitrator', 'WETH', 'USDC', 'NORET', 'FEE', 'CALLBACK', 'BOND'],
    ...['RFALSE', 'ZEROREV', 'RACE', 'PAUSABLE', 'BLOCKLIST', 'DEC255', 'RAWSYM', 'RAWSYM4', 'RAWSYM5', 'DEC254'],
    ...['REBASING', 'UPGRADABLE', 'REBASING2', 'FLASH', 'FLASH2', 'NATIVE'],
    ...['P#0', 'N#31', `0x${'ab'.repeat(20)}`, `0x${'AB'.repeat(20)}`],
    ...['Q#0', 'P#', 'P#x', `0x${'0'.repeat(39)}`, `0x${'0'.repeat(41)}`, 'Alice', 'alice ', 'WETH2', 'eve', '', 0],
  ],
  series: ['#0', '#12', '#007', `0x${'00'.repeat(32)}`, `0x${'Ab'.repeat(32)}`, '#', '#a', '#-1', 'P#0', '1', 0],
  indexId: [
    ...['ETH/USD', 'a'.repeat(32), ' ', '~', `0x${'ab'.repeat(32)}`, `0X${'ab'.repeat(15)}`, '0', 'x0x'],
    ...['a'.repeat(33), '', '0x12', `0x${'g'.repeat(64)}`, `0x${'ab'.repeat(33)}`, 'ETH/€', 'a\tb', 'a\nb', 7],
  ],
  bool: [true, false, 'true', 1, null],
};

/**
 * Where schema and parser knowingly differ, each with why. The test asserts each still behaves
 * exactly so: when the parser or the schema changes, it fails and this list must be updated.
 */
const KNOWN_GAPS: { name: string; doc: Doc; schema: boolean; parser: boolean; why: string }[] = [
  {
    name: 'an actor name beyond world.actors',
    doc: withTop('world', { actors: 3, approvals: true }), // the base trace's propose is called by dave, the 4th
    schema: true,
    parser: false,
    why: 'which names exist depends on world.actors; the schema lists all 16 names',
  },
];

/** Whole-document cases: [name, document]. Each must be accepted by both or rejected by both. */
const DOCUMENTS: [string, Json][] = [
  ['the base trace', base()],
  // Once gaps between the parser and the schema, now rejected by both.
  ['world.actors: null', withTop('world', { actors: null, approvals: true })],
  ['world.approvals: null', withTop('world', { actors: 16, approvals: null })],
  ['an unknown field in failure', withTop('failure', { step: 0, kind: 'property', id: 'M2', message: 'm', extra: 1 })],
  ['a non-string failure.model', withTop('failure', { step: 0, kind: 'property', id: 'M2', message: 'm', model: 5 })],
  ['no world (defaults)', withTop('world', undefined)],
  ['an empty world', withTop('world', {})],
  ['no actions', withTop('actions', [])],
  ['a $schema link', withTop('$schema', '../../docs/trace.schema.json')],
  ['a non-string $schema', withTop('$schema', 5)],
  ['a seed', withTop('seed', -3)],
  ['a failure', withTop('failure', { step: 2, kind: 'divergence', id: 'D1', message: 'm' })],
  [
    'a failure with both sides',
    withTop('failure', { step: 0, kind: 'expectation', id: 'expect', message: '', model: 'a', evm: 'b' }),
  ],
  ['a note', withField('split', 'note', 'why')],
  ['a non-string note', withField('split', 'note', { any: 1 })],
  ['a JSON array', []],
  ['null', null],
  ['no format', withTop('format', undefined)],
  ['another format', withTop('format', 'cliffless')],
  ['version 2', withTop('version', 2)],
  ['version "1"', withTop('version', '1')],
  ['no version', withTop('version', undefined)],
  ['a numeric title', withTop('title', 5)],
  ['a fractional seed', withTop('seed', 1.5)],
  ['an unsafe seed', withTop('seed', 2 ** 53)],
  ['a string seed', withTop('seed', '1')],
  ['an unknown top-level field', withTop('actors', 4)],
  ['no actions field', withTop('actions', undefined)],
  ['actions as an object', withTop('actions', {})],
  ['world null', withTop('world', null)],
  ['world.actors 0', withTop('world', { actors: 0 })],
  ['world.actors 17', withTop('world', { actors: 17 })],
  ['world.actors 1.5', withTop('world', { actors: 1.5 })],
  ['world.actors "4"', withTop('world', { actors: '4' })],
  ['world.approvals "yes"', withTop('world', { approvals: 'yes' })],
  ['an unknown world field', withTop('world', { actors: 16, tokens: 3 })],
  ['an action that is a number', withTop('actions', [5])],
  ['an action without kind', withFirst('kind', undefined)],
  ['an unknown kind', withFirst('kind', 'mint')],
  ['a numeric kind', withFirst('kind', 5)],
  ['failure.step -1', withTop('failure', { step: -1, kind: 'property', id: 'M2', message: 'm' })],
  ['failure.step 1.5', withTop('failure', { step: 1.5, kind: 'property', id: 'M2', message: 'm' })],
  ['failure.kind other', withTop('failure', { step: 0, kind: 'crash', id: 'M2', message: 'm' })],
  ['failure.id numeric', withTop('failure', { step: 0, kind: 'property', id: 2, message: 'm' })],
  ['failure without message', withTop('failure', { step: 0, kind: 'property', id: 'M2' })],
  ['failure as a string', withTop('failure', 'M2')],
];

const EXPECTS: Json[] = [
  { ok: true },
  { ok: true, returns: [], events: [] },
  { ok: true, returns: ['1', 'alice'], events: ['Transfer', 'Split'] },
  { revert: 'ZeroAmount' },
  { revert: 'BondTooLow', args: ['2', '1'] },
  { ok: false },
  { ok: 'true' },
  { ok: true, returns: [1] },
  { ok: true, events: 'Transfer' },
  { ok: true, reverts: 'x' },
  { revert: '' },
  { revert: 5 },
  { revert: 'X', args: [1] },
  { revert: 'X', ok: true },
  { revert: 'X', returns: [] },
  {},
  null,
  'ok',
  [],
];

describe('docs/trace.schema.json', () => {
  it.each(traceFiles)('accepts test/traces/%s, as the parser does', (file) => {
    const text = readFileSync(join(tracesDir, file), 'utf8');
    expect(validate(JSON.parse(text) as Json)).toEqual([]);
    expect(() => parseTrace(text, file)).not.toThrow();
  });

  it('has one oneOf branch per action kind, with exactly the fields of ACTION_FIELDS', () => {
    const refOf: Record<FieldType, string> = {
      address: '#/$defs/address',
      series: '#/$defs/series',
      indexId: '#/$defs/indexId',
      uint: '#/$defs/uint',
      bool: '#/$defs/bool',
    };
    const branches = ((defs.action as Doc).oneOf as Doc[]).map((b) => String(b.$ref).replace('#/$defs/', ''));
    expect(branches).toEqual(ACTION_KINDS);
    for (const kind of ACTION_KINDS) {
      const branch = defs[kind] as Doc;
      const fields = ACTION_FIELDS[kind];
      const properties = branch.properties as Record<string, Doc>;
      expect(properties.kind, kind).toEqual({ const: kind });
      expect(Object.keys(properties), kind).toEqual(['kind', ...Object.keys(fields), 'expect', 'note']);
      expect(branch.required, kind).toEqual(['kind', ...Object.keys(fields)]);
      expect(branch.additionalProperties, kind).toBe(false);
      for (const [name, type] of Object.entries(fields))
        expect(properties[name], `${kind}.${name}`).toEqual({ $ref: refOf[type] });
    }
  });

  it('spells out "at most 2^256 - 1" digit by digit in the uint pattern', () => {
    const digits = MAX_UINT256.toString();
    const alternatives: string[] = [];
    for (let i = 0; i < digits.length; i++) {
      const d = Number(digits[i]);
      // A first digit below 1 is a leading zero, already covered by the shorter alternative.
      if (d === 0 || (i === 0 && d === 1)) continue;
      const rest = digits.length - i - 1;
      alternatives.push(`${digits.slice(0, i)}${d === 1 ? '0' : `[0-${d - 1}]`}${rest > 0 ? `[0-9]{${rest}}` : ''}`);
    }
    alternatives.push(digits);
    const expected = `^(max|0*[0-9]{1,${digits.length - 1}}|0*(${alternatives.join('|')}))$`;
    expect(defs.uint?.pattern).toBe(expected);
  });
});

describe('Differential: the schema and parse.ts accept the same traces', () => {
  it.each(DOCUMENTS)('agree on %s', (_, doc) => {
    expect(schemaAccepts(doc)).toBe(parserAccepts(doc));
  });

  it('agree when any one field of any kind is missing, mistyped, or joined by an unknown field', () => {
    for (const kind of ACTION_KINDS) {
      for (const field of Object.keys(ACTION_FIELDS[kind])) {
        const missing = variant((_, actions) => delete (actions[kindIndex(kind)] as Doc)[field]);
        expect(schemaAccepts(missing), `${kind} without ${field}`).toBe(false);
        expect(parserAccepts(missing), `${kind} without ${field}`).toBe(false);
        const mistyped = withField(kind, field, ACTION_FIELDS[kind][field] === 'bool' ? 'true' : 1);
        expect(schemaAccepts(mistyped), `${kind}.${field} mistyped`).toBe(false);
        expect(parserAccepts(mistyped), `${kind}.${field} mistyped`).toBe(false);
      }
      const extra = withField(kind, 'amout', '1');
      expect(schemaAccepts(extra), `${kind} with an unknown field`).toBe(false);
      expect(parserAccepts(extra), `${kind} with an unknown field`).toBe(false);
    }
  });

  it.each(Object.entries(VALUES).flatMap(([type, values]) => values.map((v) => [type, v] as const)))(
    'agree on the %s value %j',
    (type, value) => {
      const [kind, field] = FIELD_OF_TYPE[type as FieldType];
      const doc = withField(kind, field, value);
      expect(schemaAccepts(doc)).toBe(parserAccepts(doc));
    },
  );

  it.each(EXPECTS)('agree on the expect %j', (value) => {
    const doc = withField('split', 'expect', value);
    expect(schemaAccepts(doc)).toBe(parserAccepts(doc));
  });

  it.each(KNOWN_GAPS)('differ as documented on $name ($why)', ({ doc, schema: bySchema, parser }) => {
    expect(schemaAccepts(doc)).toBe(bySchema);
    expect(parserAccepts(doc)).toBe(parser);
  });

  it('agree on random uint, address, series and index strings', () => {
    const hex = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg'), minLength: n, maxLength: n });
    const value = (type: FieldType): fc.Arbitrary<string> => {
      switch (type) {
        case 'uint':
          return fc.oneof(
            fc.bigInt({ min: 0n, max: 2n ** 257n }).map(String),
            fc.bigInt({ min: MAX_UINT256 - 1000n, max: MAX_UINT256 + 1000n }).map(String),
            fc.tuple(fc.nat(5), fc.bigInt({ min: 0n, max: 2n ** 257n })).map(([z, v]) => `${'0'.repeat(z)}${v}`),
            fc.string({ unit: fc.constantFrom(...'0123456789max-.e '), maxLength: 80 }),
          );
        case 'indexId':
          return fc.oneof(
            fc.string({ unit: 'binary-ascii', maxLength: 40 }),
            hex(64).map((h) => `0x${h}`),
            fc.string({ unit: 'binary-ascii', maxLength: 4 }).map((s) => `0x${s}`),
            fc.string({ unit: 'grapheme', maxLength: 34 }),
          );
        case 'series':
          return fc.oneof(
            fc.nat().map((k) => `#${k}`),
            hex(64).map((h) => `0x${h}`),
            fc.string({ unit: fc.constantFrom(...'#0123456789xPN-'), maxLength: 6 }),
          );
        default:
          return fc.oneof(
            fc.constantFrom('alice', 'bob', 'zero', 'BOND', 'arbitrator', 'Alice', 'eve', 'WETH3'),
            fc
              .tuple(fc.constantFrom('P', 'N', 'Q', ''), fc.string({ unit: fc.constantFrom(...'#01x'), maxLength: 4 }))
              .map(([side, rest]) => `${side}${rest}`),
            fc.integer({ min: 38, max: 42 }).chain((n) => hex(n).map((h) => `0x${h}`)),
          );
      }
    };
    const types: FieldType[] = ['uint', 'indexId', 'series', 'address'];
    fc.assert(
      fc.property(
        fc.constantFrom(...types).chain((type) => fc.tuple(fc.constant(type), value(type))),
        ([type, text]) => {
          const [kind, field] = FIELD_OF_TYPE[type];
          const doc = withField(kind, field, text);
          expect([type, text, schemaAccepts(doc)]).toEqual([type, text, parserAccepts(doc)]);
        },
      ),
      { seed, numRuns },
    );
  });
});
