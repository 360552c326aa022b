import { dirname, join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CliflessError } from '../errors.ts';
import { jsonPath, parseJsonStrict, readInputFile } from '../io/input.ts';
import schema from './equivalent.schema.json' with { type: 'json' };
import type { Mutant } from './mutant.ts';

/** One declared equivalent mutant: its id, the text it replaces (the guard against stale ids) and why. */
export interface EquivalentEntry {
  id: string;
  original: string;
  reason: string;
}

/** A declarations file as read: where it came from and its entries, in file order. */
export interface EquivalentList {
  file: string;
  entries: EquivalentEntry[];
}

/** An entry that no longer names the mutant it was written for, and is therefore not applied. */
export interface StaleEquivalent extends EquivalentEntry {
  /** What is wrong: no mutant has the id, or the mutant with that id replaces other text. */
  problem: string;
}

/** A declarations file checked against the generated mutants: the entries that apply, and the stale ones. */
export interface Declarations {
  file: string;
  /** Entries in the file. */
  declared: number;
  /** The entries whose id and original text match a generated mutant, by id. */
  byId: ReadonlyMap<string, EquivalentEntry>;
  stale: StaleEquivalent[];
}

/** The file `cliffless mutate` reads when neither --equivalent nor --no-equivalent is given. */
export const EQUIVALENT_FILE_NAME = 'mutate-equivalent.json';

/**
 * Where the default declarations file is: beside the contracts folder (the repository root for
 * ./contracts), since its ids name mutants of exactly those contracts.
 */
export function defaultEquivalentFile(contractsDir: string): string {
  return join(dirname(contractsDir), EQUIVALENT_FILE_NAME);
}

const DETAILS =
  'A declarations file is JSON: {"equivalent": [{"id": "libraries/PayoutMath.sol:14:relational-boundary:0", ' +
  '"original": "x <= strike", "reason": "why no input tells them apart"}]}, ids and text as `cliffless mutate --list` ' +
  'prints them; fuzz/mutate/equivalent.schema.json is its JSON Schema, docs/mutate.md explains it.';

// The schema is the one description of the format (editors use it too); ajv applies it, the
// messages below only turn its error into `file: field: problem`.
let validator: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Reads and validates a declarations file (the input policy of fuzz/io/input.ts, then the JSON
 * Schema, then unique ids). `flag` names the option it came from (`equivalent`), undefined for the
 * default file, for the messages.
 *
 * @throws {CliflessError} exit 2, naming the file and the field, e.g.
 *   `mutate-equivalent.json: equivalent[2].reason: missing`.
 */
export function readEquivalentList(file: string, flag: string | undefined): EquivalentList {
  return parseEquivalentList(readInputFile(file, 'equivalent-mutant list', flag), file);
}

/** Parses declarations text; see {@link readEquivalentList}. */
export function parseEquivalentList(text: string, file: string): EquivalentList {
  const fail = (field: string, problem: string): never => {
    throw new CliflessError(`${file}: ${field}: ${problem}`, { details: DETAILS });
  };
  const root = parseJsonStrict(text, fail);
  validator ??= new Ajv2020({ strict: true, allErrors: false }).compile(schema);
  if (!validator(root)) {
    const error = validator.errors?.[0];
    if (error === undefined) return fail('(file)', 'does not match the schema');
    return fail(...describe(error));
  }
  const entries = (root as { equivalent: EquivalentEntry[] }).equivalent.map(({ id, original, reason }) => ({
    id,
    original,
    reason,
  }));
  const first = new Map<string, number>();
  entries.forEach((entry, i) => {
    const earlier = first.get(entry.id);
    if (earlier !== undefined)
      fail(`equivalent[${i}].id`, `${entry.id} is declared twice (also equivalent[${earlier}])`);
    first.set(entry.id, i);
  });
  return { file, entries };
}

/**
 * Checks each entry against the generated mutants (all of them, not only those selected, so a
 * stale entry is reported whatever `--only` keeps). An entry applies when a mutant has its id and
 * replaces its `original` text, runs of white space counting as one space (as `--list` prints it).
 */
export function matchDeclarations(list: EquivalentList, mutants: readonly Mutant[]): Declarations {
  const generated = new Map(mutants.map((m) => [m.id, m]));
  const byId = new Map<string, EquivalentEntry>();
  const stale: StaleEquivalent[] = [];
  for (const entry of list.entries) {
    const mutant = generated.get(entry.id);
    if (mutant === undefined) {
      stale.push({ ...entry, problem: 'no mutant has this id (find it again with `cliffless mutate --list`)' });
    } else if (collapseWhitespace(mutant.original) !== collapseWhitespace(entry.original)) {
      stale.push({
        ...entry,
        problem: `the mutant with this id now replaces \`${collapseWhitespace(mutant.original)}\``,
      });
    } else {
      byId.set(entry.id, entry);
    }
  }
  return { file: list.file, declared: list.entries.length, byId, stale };
}

/** `1 entry`, `11 entries`: how the reports count a file's declarations. */
export function entryCount(n: number): string {
  return `${n} entr${n === 1 ? 'y' : 'ies'}`;
}

/** A snippet on one line: runs of white space as one space, trimmed (what `--list` prints). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** ajv's first error as the field it is about (`equivalent[2].reason`) and a sentence. */
function describe(error: ErrorObject): [string, string] {
  // A JSON Pointer: `/equivalent/2/id`, array indices as digits.
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const at = (extra?: string) =>
    jsonPath(
      (extra === undefined ? segments : [...segments, extra]).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      '(file)',
    );
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return [at(String(params.missingProperty)), 'missing (each entry has "id", "original" and "reason")'];
    case 'additionalProperties':
      return [at(String(params.additionalProperty)), 'unknown field'];
    case 'pattern': {
      const field = segments[segments.length - 1];
      return field === 'id'
        ? [
            at(),
            'not a mutant id: <file under contracts/>:<line>:<operator>:<n>, as `cliffless mutate --list` prints it',
          ]
        : [at(), 'must not be empty'];
    }
    case 'type':
      return segments.length === 0
        ? [at(), 'expected a JSON object with an "equivalent" array']
        : [at(), `expected ${params.type === 'array' ? 'an array of entries' : `a ${String(params.type)}`}`];
    default:
      return [at(), error.message ?? `fails the schema's ${error.keyword}`];
  }
}
