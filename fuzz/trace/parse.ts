import { TraceFormatError } from '../errors.ts';
import { parseJsonStrict } from '../io/input.ts';
import { ACTION_FIELDS } from './fields.ts';
import type { Trace, TraceAction, TraceExpect, TraceFailure, TraceMaximize, TraceWorld } from './format.ts';
import { DEFAULT_WORLD, TRACE_FORMAT, TRACE_VERSION } from './format.ts';
import { ACTOR_NAMES } from './names.ts';
import { isHex32, isHexAddress, parseIndexId, parseUint } from './values.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a trace file's text. Every problem is a TraceFormatError naming the file
 * and the JSON path of the field (`actions[3].amount`), so a hand-edited trace is easy to fix.
 * Names that only exist at run time (`#2`, `P#2`) are checked when the trace is replayed.
 */
export function parseTrace(text: string, file: string): Trace {
  const fail = (field: string, problem: string): never => {
    throw new TraceFormatError(file, field, problem);
  };
  const root = parseJsonStrict(text, fail) as Json;
  if (!isObject(root)) return fail('(root)', 'expected a JSON object');
  allowOnly(
    root,
    ['$schema', 'format', 'version', 'title', 'world', 'actions', 'seed', 'failure', 'maximize'],
    '',
    fail,
  );
  if (root.format !== TRACE_FORMAT) fail('format', `expected "${TRACE_FORMAT}", got ${JSON.stringify(root.format)}`);
  if (root.version !== TRACE_VERSION) {
    fail('version', `this cliffless reads version ${TRACE_VERSION}, got ${JSON.stringify(root.version)}`);
  }
  if (root.title !== undefined && typeof root.title !== 'string') fail('title', 'expected a string');
  if (root.seed !== undefined && !(typeof root.seed === 'number' && Number.isSafeInteger(root.seed))) {
    fail('seed', 'expected an integer');
  }
  const world = parseWorld(root.world, fail);
  if (!Array.isArray(root.actions)) return fail('actions', 'expected an array of actions');
  // An empty trace checks nothing but the deployment; accepting it would make a truncated or
  // mis-generated file pass silently, so it is refused (docs/errors.md).
  if (root.actions.length === 0) fail('actions', 'is empty: a trace replays at least one action');
  const actions = root.actions.map((a, i) => parseAction(a, `actions[${i}]`, world, fail));
  const trace: Trace = { format: TRACE_FORMAT, version: TRACE_VERSION, world, actions };
  if (typeof root.title === 'string') trace.title = root.title;
  if (typeof root.seed === 'number') trace.seed = root.seed;
  if (root.failure !== undefined) trace.failure = parseFailure(root.failure, fail);
  if (root.maximize !== undefined) trace.maximize = parseMaximize(root.maximize, fail);
  return trace;
}

type Fail = (field: string, problem: string) => never;

/** A `--maximize` result's record: `{"metric": "gas:split", "value": "81234", "at": "…"}`. */
function parseMaximize(value: Json, fail: Fail): TraceMaximize {
  if (!isObject(value)) return fail('maximize', 'expected an object such as {"metric": "gas:split", "value": "81234"}');
  allowOnly(value, ['metric', 'value', 'at'], 'maximize.', fail);
  if (typeof value.metric !== 'string' || value.metric.length === 0) fail('maximize.metric', 'expected a metric name');
  if (typeof value.value !== 'string' || !/^[0-9]+$/.test(value.value)) {
    fail('maximize.value', 'expected a decimal string');
  }
  if (value.at !== undefined && typeof value.at !== 'string') fail('maximize.at', 'expected a string');
  const record: TraceMaximize = { metric: value.metric as string, value: value.value as string };
  if (typeof value.at === 'string') record.at = value.at;
  return record;
}

function allowOnly(object: { [key: string]: Json }, keys: string[], at: string, fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) fail(`${at}${key}`, `unknown field (expected one of: ${keys.join(', ')})`);
  }
}

function parseWorld(value: Json | undefined, fail: Fail): TraceWorld {
  if (value === undefined) return { ...DEFAULT_WORLD };
  if (!isObject(value)) return fail('world', 'expected an object such as {"actors": 4, "approvals": true}');
  allowOnly(value, ['actors', 'approvals'], 'world.', fail);
  const actors = value.actors === undefined ? DEFAULT_WORLD.actors : value.actors;
  if (typeof actors !== 'number' || !Number.isInteger(actors) || actors < 1 || actors > 16) {
    fail('world.actors', `expected an integer from 1 to 16, got ${JSON.stringify(actors)}`);
  }
  const approvals = value.approvals === undefined ? DEFAULT_WORLD.approvals : value.approvals;
  if (typeof approvals !== 'boolean') fail('world.approvals', 'expected true or false');
  return { actors: actors as number, approvals: approvals as boolean };
}

function parseAction(value: Json, at: string, world: TraceWorld, fail: Fail): TraceAction {
  if (!isObject(value)) return fail(at, 'expected an action object with a "kind"');
  const kind = value.kind;
  const kinds = Object.keys(ACTION_FIELDS);
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    return fail(`${at}.kind`, `expected one of ${kinds.join(', ')}; got ${JSON.stringify(kind)}`);
  }
  const spec = ACTION_FIELDS[kind as keyof typeof ACTION_FIELDS];
  allowOnly(value, ['kind', 'expect', 'note', ...Object.keys(spec)], `${at}.`, fail);
  const fields: TraceAction['fields'] = {};
  for (const [name, type] of Object.entries(spec)) {
    const field = `${at}.${name}`;
    const raw = value[name];
    if (raw === undefined) fail(field, `missing (a ${kind} needs ${Object.keys(spec).join(', ')})`);
    if (type === 'bool') {
      if (typeof raw !== 'boolean') fail(field, 'expected true or false');
      fields[name] = raw as boolean;
      continue;
    }
    if (typeof raw !== 'string') fail(field, `expected a string, got ${JSON.stringify(raw)}`);
    const text = raw as string;
    const problem = checkSyntax(type, text, world);
    if (problem !== undefined) fail(field, problem);
    fields[name] = text;
  }
  const action: TraceAction = { kind, fields };
  if (value.expect !== undefined) action.expect = parseExpect(value.expect, `${at}.expect`, fail);
  return action;
}

const STATIC_NAMES = [
  ...['zero', 'market', 'oracle', 'arbitrator', 'WETH', 'USDC', 'NORET', 'FEE', 'CALLBACK', 'BOND'],
  ...['RFALSE', 'ZEROREV', 'RACE', 'PAUSABLE', 'BLOCKLIST', 'DEC255', 'RAWSYM', 'RAWSYM2', 'RAWSYM3', 'RAWSYM4'],
  ...['REBASING', 'UPGRADABLE', 'U96', 'ZEROAPPROVE', 'SELFFROM', 'FLASH', 'NATIVE'],
];

function checkSyntax(type: string, text: string, world: TraceWorld): string | undefined {
  switch (type) {
    case 'uint': {
      const parsed = parseUint(text);
      return typeof parsed === 'string' ? parsed : undefined;
    }
    case 'indexId': {
      const parsed = parseIndexId(text);
      return parsed.startsWith('0x') ? undefined : parsed;
    }
    case 'series':
      return /^#\d+$/.test(text) || isHex32(text)
        ? undefined
        : `expected #k (the k-th series created, from 0) or a 0x 32-byte series id, got ${JSON.stringify(text)}`;
    default: {
      const actor = (ACTOR_NAMES as readonly string[]).indexOf(text);
      if (actor !== -1 && actor < world.actors) return undefined;
      if (isHexAddress(text) || /^[PN]#\d+$/.test(text) || STATIC_NAMES.includes(text)) return undefined;
      const known = [...ACTOR_NAMES.slice(0, world.actors), ...STATIC_NAMES];
      return `unknown address name ${JSON.stringify(text)}; expected a 0x address, P#k / N#k, or one of: ${known.join(', ')}`;
    }
  }
}

function parseExpect(value: Json, at: string, fail: Fail): TraceExpect {
  if (!isObject(value)) return fail(at, 'expected {"ok": true, ...} or {"revert": "ErrorName", ...}');
  const strings = (field: string): string[] | undefined => {
    const list = value[field];
    if (list === undefined) return undefined;
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
      return fail(`${at}.${field}`, 'expected an array of strings');
    }
    return list as string[];
  };
  if ('revert' in value) {
    allowOnly(value, ['revert', 'args'], `${at}.`, fail);
    if (typeof value.revert !== 'string' || value.revert.length === 0) fail(`${at}.revert`, 'expected an error name');
    const args = strings('args');
    return args === undefined ? { revert: value.revert as string } : { revert: value.revert as string, args };
  }
  allowOnly(value, ['ok', 'returns', 'events'], `${at}.`, fail);
  if (value.ok !== true) fail(`${at}.ok`, 'expected true (use {"revert": "ErrorName"} to expect a revert)');
  const expect: TraceExpect = { ok: true };
  const returns = strings('returns');
  const events = strings('events');
  if (returns !== undefined) expect.returns = returns;
  if (events !== undefined) expect.events = events;
  return expect;
}

function parseFailure(value: Json, fail: Fail): TraceFailure {
  if (!isObject(value)) return fail('failure', 'expected an object');
  allowOnly(value, ['step', 'kind', 'id', 'message', 'model', 'evm'], 'failure.', fail);
  const { step, kind, id, message, model, evm } = value;
  for (const side of ['model', 'evm'] as const) {
    if (value[side] !== undefined && typeof value[side] !== 'string') fail(`failure.${side}`, 'expected a string');
  }
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) fail('failure.step', 'expected an integer ≥ 0');
  if (kind !== 'divergence' && kind !== 'property' && kind !== 'expectation') {
    fail('failure.kind', 'expected "divergence", "property" or "expectation"');
  }
  if (typeof id !== 'string') fail('failure.id', 'expected a string');
  if (typeof message !== 'string') fail('failure.message', 'expected a string');
  const failure: TraceFailure = {
    step: step as number,
    kind: kind as TraceFailure['kind'],
    id: id as string,
    message: message as string,
  };
  if (typeof model === 'string') failure.model = model;
  if (typeof evm === 'string') failure.evm = evm;
  return failure;
}
