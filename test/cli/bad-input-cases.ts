import { mkdirSync } from 'node:fs';
import { firstActionWith, GOOD_TRACE, summaryText, traceWith, type UserFolder } from './bad-input-fixtures.ts';

/**
 * One hostile or mistaken invocation: its arguments (built in the user's folder `u`), the exit code
 * it must end with, and what its message must name (the flag, field or path, and the problem).
 * `setup` writes the case's own input file first.
 */
export interface BadInputCase {
  name: string;
  argv: (u: UserFolder) => string[];
  says: (u: UserFolder) => string[];
  code?: number;
  setup?: (u: UserFolder) => void;
}

const c = (
  name: string,
  argv: (u: UserFolder) => string[],
  says: (u: UserFolder) => string[],
  extra: Partial<BadInputCase> = {},
): BadInputCase => ({ name, argv, says, ...extra });

/** A malformed trace file `name`, given to `command` (replay or export-forge), naming `field`. */
function badTrace(command: string, name: string, text: string | Uint8Array, field: string): BadInputCase {
  return c(
    `${command}: ${name}`,
    (u) => [command, u.at(`${name}.json`)],
    (u) => [u.at(`${name}.json`), field],
    { setup: (u) => void u.file(`${name}.json`, text) },
  );
}

/** Every malformed trace: each given to replay and to export-forge. */
const TRACES: [string, string | Uint8Array, string][] = [
  ['not-json', '{"format": ', 'not valid JSON'],
  ['empty-file', '', 'not valid JSON'],
  ['not-utf8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'not UTF-8'],
  ['root-array', '[]', '(root)'],
  ['duplicate-root-key', GOOD_DUPLICATE_ROOT(), 'format'],
  [
    'duplicate-action-key',
    firstActionWith(() => {}).replace('"caller": "alice",', '"caller": "alice", "caller": "bob",'),
    'actions[0].caller',
  ],
  ['duplicate-world-key', traceWith(() => {}).replace('"actors": 3,', '"actors": 3, "actors": 16,'), 'world.actors'],
  [
    'wrong-format',
    traceWith((t) => {
      t.format = 'other';
    }),
    'format',
  ],
  [
    'wrong-version',
    traceWith((t) => {
      t.version = 99;
    }),
    'version',
  ],
  [
    'no-actions',
    traceWith((t) => {
      delete t.actions;
    }),
    'actions',
  ],
  [
    'actions-object',
    traceWith((t) => {
      t.actions = {};
    }),
    'actions',
  ],
  [
    'empty-actions',
    traceWith((t) => {
      t.actions = [];
    }),
    'actions: is empty',
  ],
  [
    'unknown-kind',
    firstActionWith((a) => {
      a.kind = 'steal';
    }),
    'actions[0].kind',
  ],
  [
    'kind-missing',
    firstActionWith((a) => {
      delete a.kind;
    }),
    'actions[0].kind',
  ],
  [
    'field-missing',
    firstActionWith((a) => {
      delete a.strike;
    }),
    'actions[0].strike',
  ],
  [
    'extra-field',
    firstActionWith((a) => {
      a.sneaky = '1';
    }),
    'actions[0].sneaky',
  ],
  [
    'uint-negative',
    firstActionWith((a) => {
      a.strike = '-1';
    }),
    'actions[0].strike',
  ],
  [
    'uint-overflow',
    firstActionWith((a) => {
      a.strike = `1${'0'.repeat(78)}`;
    }),
    'actions[0].strike',
  ],
  [
    'maximize-value-not-decimal',
    traceWith((t) => {
      t.maximize = { metric: 'gas:split', value: 12 };
    }),
    'maximize.value',
  ],
  [
    'uint-number',
    firstActionWith((a) => {
      a.strike = 5;
    }),
    'actions[0].strike',
  ],
  [
    'uint-float',
    firstActionWith((a) => {
      a.strike = '1.5';
    }),
    'actions[0].strike',
  ],
  [
    'uint-hex-junk',
    firstActionWith((a) => {
      a.expiry = '0xzz';
    }),
    'actions[0].expiry',
  ],
  [
    'unknown-actor',
    firstActionWith((a) => {
      a.caller = 'mallory';
    }),
    'actions[0].caller',
  ],
  [
    'actor-beyond-world',
    firstActionWith((a) => {
      a.caller = 'dave';
    }),
    'actions[0].caller',
  ],
  [
    'bad-address',
    firstActionWith((a) => {
      a.collateral = '0x1234';
    }),
    'actions[0].collateral',
  ],
  [
    'bad-index-id',
    firstActionWith((a) => {
      a.indexId = 'x'.repeat(40);
    }),
    'actions[0].indexId',
  ],
  [
    'bad-series',
    traceWith((t) => {
      ((t.actions as Record<string, unknown>[])[1] as Record<string, unknown>).seriesId = 'first';
    }),
    'actions[1].seriesId',
  ],
  [
    'world-actors-zero',
    traceWith((t) => {
      t.world = { actors: 0, approvals: true };
    }),
    'world.actors',
  ],
  [
    'world-actors-17',
    traceWith((t) => {
      t.world = { actors: 17, approvals: true };
    }),
    'world.actors',
  ],
  [
    'world-string',
    traceWith((t) => {
      t.world = 'big';
    }),
    'world',
  ],
  [
    'seed-float',
    traceWith((t) => {
      t.seed = 1.5;
    }),
    'seed',
  ],
  [
    'expect-junk',
    firstActionWith((a) => {
      a.expect = 'ok';
    }),
    'actions[0].expect',
  ],
  [
    'action-null',
    traceWith((t) => {
      (t.actions as unknown[])[0] = null;
    }),
    'actions[0]',
  ],
];

function GOOD_DUPLICATE_ROOT(): string {
  return traceWith(() => {}).replace(
    '"format": "cliffless-trace",',
    '"format": "cliffless-trace", "format": "cliffless-trace",',
  );
}

/** Trace paths that are not regular files under the bound. */
const TRACE_PATHS: [string, (u: UserFolder) => string, string][] = [
  ['missing file', (u) => u.at('nowhere.json'), 'ENOENT'],
  ['a folder', (u) => u.at('folder'), 'is a folder'],
  ['a link to a folder', (u) => u.at('link-to-folder'), 'is a folder'],
  ['a FIFO', (u) => u.at('fifo'), 'not a regular file'],
  ['/dev/zero', () => '/dev/zero', 'not a regular file'],
  ['/dev/null', () => '/dev/null', 'not a regular file'],
  ['over the size bound', (u) => u.at('huge.json'), 'over the 8388608-byte limit'],
];

const fuzz = (...a: string[]) => ['fuzz', ...a];

export const CASES: BadInputCase[] = [
  // The command line itself.
  c(
    'no command',
    () => [],
    () => ['Usage: cliffless <command>'],
  ),
  c(
    'unknown command',
    () => ['fuz'],
    () => ['unknown command "fuz"'],
  ),
  c(
    '--version with an argument',
    () => ['--version', 'x'],
    () => ['--version takes no arguments'],
  ),

  // Traces, to both commands that read them.
  ...TRACES.flatMap(([name, text, field]) => [
    badTrace('replay', name, text, field),
    badTrace('export-forge', name, text, field),
  ]),
  ...TRACE_PATHS.flatMap(([name, path, problem]) =>
    ['replay', 'export-forge'].map((command) =>
      c(
        `${command}: trace is ${name}`,
        (u) => [command, path(u)],
        // replay takes a folder of traces: an empty one (as here) is refused for holding none.
        (u) => [path(u), command === 'replay' && problem === 'is a folder' ? 'holds no .json trace' : problem],
      ),
    ),
  ),
  c(
    'replay: empty trace path',
    () => ['replay', ''],
    () => ['the path is empty'],
  ),

  // fuzz: flags.
  c(
    'fuzz: flag given twice',
    () => fuzz('--seed', '1', '--seed', '2'),
    () => ['--seed is given twice'],
  ),
  c(
    'fuzz: boolean given twice',
    () => fuzz('--exhaustive', '--exhaustive'),
    () => ['--exhaustive is given twice'],
  ),
  c(
    'fuzz: unknown flag with a hint',
    () => fuzz('--rusn', '5'),
    () => ['unknown flag --rusn', 'did you mean --runs?'],
  ),
  c(
    'fuzz: single-dash flag',
    () => fuzz('-runs', '5'),
    () => ['takes no arguments, got -runs 5'],
  ),
  c(
    'fuzz: missing value',
    () => fuzz('--runs'),
    () => ['--runs needs a value'],
  ),
  c(
    'fuzz: value is a flag',
    () => fuzz('--seed', '--runs', '3'),
    () => ['--seed needs a value'],
  ),
  c(
    'fuzz: runs 0',
    () => fuzz('--runs', '0'),
    () => ['--runs must be at least 1'],
  ),
  c(
    'fuzz: runs negative',
    () => fuzz('--runs', '-5'),
    () => ['--runs must be at least 1'],
  ),
  c(
    'fuzz: runs not a number',
    () => fuzz('--runs', 'ten'),
    () => ['--runs must be a whole number', '"ten"'],
  ),
  c(
    'fuzz: runs fractional',
    () => fuzz('--runs', '1.5'),
    () => ['--runs must be a whole number'],
  ),
  c(
    'fuzz: runs beyond a safe integer',
    () => fuzz('--runs', '99999999999999999999'),
    () => ['--runs is too large'],
  ),
  c(
    'fuzz: depth 0',
    () => fuzz('--depth', '0'),
    () => ['--depth must be at least 1'],
  ),
  c(
    'fuzz: seed negative',
    () => fuzz('--seed', '-1'),
    () => ['--seed must be at least 0'],
  ),
  c(
    'fuzz: --maximize an unknown metric',
    () => fuzz('--maximize', 'profit'),
    () => ['--maximize profit: unknown metric', 'gas:<kind>'],
  ),
  c(
    'fuzz: --maximize gas of an unknown kind',
    () => fuzz('--maximize', 'gas:teleport'),
    () => ['--maximize gas:teleport: unknown action kind "teleport"', 'split'],
  ),
  c(
    'fuzz: --maximize twice',
    () => fuzz('--maximize', 'dust', '--maximize', 'gas:split'),
    () => ['--maximize is given twice'],
  ),
  c(
    'fuzz: time 0s',
    () => fuzz('--time', '0s'),
    () => ['--time must be at least 1s', '"0s"'],
  ),
  c(
    'fuzz: time 0',
    () => fuzz('--time', '0'),
    () => ['--time must be at least 1s'],
  ),
  c(
    'fuzz: time 0m',
    () => fuzz('--time', '0m'),
    () => ['--time must be at least 1s'],
  ),
  c(
    'fuzz: time negative',
    () => fuzz('--time=-5s'),
    () => ['--time must be a duration'],
  ),
  c(
    'fuzz: time with a bad unit',
    () => fuzz('--time', '5d'),
    () => ['--time must be a duration', '"5d"'],
  ),
  c(
    'fuzz: time absurdly long',
    () => fuzz('--time', '99999999999h'),
    () => ['--time must be a duration'],
  ),
  c(
    'fuzz: actors 0',
    () => fuzz('--actors', '0'),
    () => ['--actors must be at least 1'],
  ),
  c(
    'fuzz: actors 17',
    () => fuzz('--actors', '17'),
    () => ['--actors must be at most 16'],
  ),
  c(
    'fuzz: probe-every 0',
    () => fuzz('--probe-every', '0'),
    () => ['--probe-every must be at least 1'],
  ),
  c(
    'fuzz: probes negative',
    () => fuzz('--probes', '-1'),
    () => ['--probes must be at least 0'],
  ),
  c(
    'fuzz: workers 0',
    () => fuzz('--workers', '0'),
    () => ['--workers must be at least 1'],
  ),
  c(
    'fuzz: workers 999',
    () => fuzz('--workers', '999', '--runs', '2'),
    () => ['--workers 999 is more than 4 per core'],
  ),
  c(
    'fuzz: workers above runs',
    () => fuzz('--workers', '3', '--runs', '2'),
    () => ['--workers 3 is more than the 2 runs'],
  ),
  c(
    'fuzz: workers above the shard’s runs',
    () => fuzz('--workers', '2', '--runs', '3', '--shard', '2/3'),
    () => ["this shard's 1 runs"],
  ),
  c(
    'fuzz: shard malformed',
    () => fuzz('--shard', '1-3'),
    () => ['--shard must look like i/n', '"1-3"'],
  ),
  c(
    'fuzz: shard index too big',
    () => fuzz('--shard', '3/3'),
    () => ['--shard 3/3: i must be below n'],
  ),
  c(
    'fuzz: shard of no runs',
    () => fuzz('--shard', '7/9', '--runs', '5'),
    () => ["has none of the campaign's runs"],
  ),
  c(
    'fuzz: shard n zero',
    () => fuzz('--shard', '0/0'),
    () => ['--shard 0/0: n must be a whole number of at least 1'],
  ),
  c(
    'fuzz: workers with exhaustive',
    () => fuzz('--exhaustive', '--workers', '2'),
    () => ['--workers does not apply with --exhaustive'],
  ),
  c(
    'fuzz: shard with exhaustive',
    () => fuzz('--exhaustive', '--shard', '0/2'),
    () => ['--shard does not apply with --exhaustive'],
  ),
  c(
    'fuzz: runs with exhaustive',
    () => fuzz('--exhaustive', '--runs', '5'),
    () => ['--runs does not apply with --exhaustive'],
  ),
  c(
    'fuzz: seed with exhaustive',
    () => fuzz('--exhaustive', '--seed', '5'),
    () => ['--seed does not apply with --exhaustive'],
  ),
  c(
    'fuzz: actors with exhaustive',
    () => fuzz('--exhaustive', '--actors', '2'),
    () => ['--actors does not apply with --exhaustive'],
  ),
  c(
    'fuzz: summary-json with exhaustive',
    (u) => fuzz('--exhaustive', '--summary-json', u.at('s.json')),
    () => ['--summary-json does not apply with --exhaustive'],
  ),
  c(
    'fuzz: coverage with exhaustive',
    () => fuzz('--exhaustive', '--coverage'),
    () => ['--coverage does not apply with --exhaustive'],
  ),
  c(
    'fuzz: prelude without exhaustive',
    () => fuzz('--prelude', 'settled'),
    () => ['--prelude applies only with --exhaustive'],
  ),
  c(
    'fuzz: unknown prelude',
    () => fuzz('--exhaustive', '--prelude', 'middle'),
    () => ['--prelude must be one of', '"middle"'],
  ),
  c(
    'fuzz: coverage-out without coverage',
    (u) => fuzz('--coverage-out', u.at('l.info')),
    () => ['--coverage-out applies only with --coverage'],
  ),
  c(
    'fuzz: coverage-include-libs without coverage',
    () => fuzz('--coverage-include-libs'),
    () => ['--coverage-include-libs applies only with --coverage'],
  ),
  c(
    'fuzz: coverage with workers',
    () => fuzz('--coverage', '--workers', '2'),
    () => ['--coverage records in one thread'],
  ),
  c(
    'fuzz: force without an output',
    () => fuzz('--force'),
    () => ['--force applies only with --summary-json or --coverage-out'],
  ),
  c(
    'fuzz: a positional',
    () => fuzz('contracts'),
    () => ['takes no arguments, got contracts'],
  ),
  c(
    'fuzz: boolean with a value',
    () => fuzz('--exhaustive=yes'),
    () => ['--exhaustive takes no value'],
  ),

  // fuzz: outputs, refused before any work.
  c(
    'fuzz: --out an existing file',
    (u) => fuzz('--out', u.at('existing.json')),
    (u) => ['--out', u.at('existing.json'), 'exists and is not a folder'],
  ),
  c(
    'fuzz: --out under /proc',
    () => fuzz('--out', '/proc/cliffless-x'),
    () => ['--out /proc/cliffless-x: '], // root cannot create it; any other user may not write /proc
  ),
  c(
    'fuzz: --out two levels down',
    (u) => fuzz('--out', u.at('a/b')),
    (u) => ['--out', u.at('a/b'), 'does not exist'],
  ),
  c(
    'fuzz: --out under a file',
    (u) => fuzz('--out', u.at('notes.txt/traces')),
    (u) => ['--out', `${u.at('notes.txt')} is not a folder`],
  ),
  c(
    'fuzz: --out a FIFO',
    (u) => fuzz('--out', u.at('fifo')),
    (u) => ['--out', u.at('fifo'), 'exists and is not a folder'],
  ),
  c(
    'fuzz: --summary-json an existing file',
    (u) => fuzz('--summary-json', u.at('existing.json')),
    (u) => ['--summary-json', u.at('existing.json'), 'already exists', '--force'],
  ),
  c(
    'fuzz: --summary-json a folder',
    (u) => fuzz('--summary-json', u.at('folder')),
    (u) => ['--summary-json', u.at('folder'), 'is a folder'],
  ),
  c(
    'fuzz: --summary-json under /proc',
    () => fuzz('--summary-json', '/proc/x/s.json'),
    () => ['--summary-json /proc/x/s.json', 'does not exist'],
  ),
  c(
    'fuzz: --summary-json under a file',
    (u) => fuzz('--summary-json', u.at('notes.txt/s.json')),
    (_u) => ['--summary-json', 'is not a folder'],
  ),
  c(
    'fuzz: --summary-json a missing folder',
    (u) => fuzz('--summary-json', u.at('nowhere/s.json')),
    (_u) => ['--summary-json', 'does not exist'],
  ),
  c(
    'fuzz: --summary-json a FIFO',
    (u) => fuzz('--summary-json', u.at('fifo'), '--force'),
    (u) => ['--summary-json', u.at('fifo'), 'not a regular file'],
  ),
  c(
    'fuzz: --summary-json /dev/null',
    () => fuzz('--summary-json', '/dev/null', '--force'),
    () => ['--summary-json /dev/null', 'not a regular file'],
  ),
  c(
    'fuzz: --summary-json empty',
    () => fuzz('--summary-json', ''),
    () => ['--summary-json', 'the path is empty'],
  ),
  c(
    'fuzz: --coverage-out a user file',
    (u) => fuzz('--coverage', '--coverage-out', u.at('notes.txt')),
    (u) => ['--coverage-out', u.at('notes.txt'), 'exists and is not an lcov file written by cliffless'],
  ),
  c(
    'fuzz: --coverage-out a folder',
    (u) => fuzz('--coverage', '--coverage-out', u.at('folder')),
    (_u) => ['--coverage-out', 'is a folder'],
  ),
  c(
    'fuzz: --coverage-out ends in a slash',
    (u) => fuzz('--coverage', '--coverage-out', `${u.at('folder')}/`),
    () => ['--coverage-out', 'is a folder'],
  ),
  c(
    'fuzz: --coverage-out same as --summary-json',
    (u) => fuzz('--coverage', '--coverage-out', u.at('x.info'), '--summary-json', u.at('x.info')),
    () => ['is also given as --summary-json'],
  ),

  // Contracts folders, the same refusal in every command, before compiling.
  ...(['fuzz', 'replay', 'export-forge', 'mutate', 'audit'] as const).flatMap((command) => {
    const argv = (u: UserFolder, dir: string) =>
      command === 'replay' || command === 'export-forge'
        ? [command, u.at('good.json'), '--contracts', dir]
        : command === 'audit'
          ? [command, '--base', 'contracts', '--contracts', dir]
          : [command, '--contracts', dir];
    return [
      c(
        `${command}: contracts folder without SplitMarket.sol`,
        (u) => argv(u, u.at('no-market')),
        (u) => [`--contracts ${u.at('no-market')}`, 'missing SplitMarket.sol'],
      ),
      c(
        `${command}: contracts folder without test-mocks`,
        (u) => argv(u, u.at('no-mocks')),
        () => ['missing test-mocks/MockERC20.sol', 'test-mocks/CallbackToken.sol'],
      ),
      c(
        `${command}: an empty contracts folder`,
        (u) => argv(u, u.at('empty-contracts')),
        () => ['missing SplitMarket.sol, SlowOracle.sol, ClaimToken.sol'],
      ),
      c(
        `${command}: contracts folder that does not exist`,
        (u) => argv(u, u.at('nowhere')),
        (u) => [`--contracts ${u.at('nowhere')}: no such folder`],
      ),
      c(
        `${command}: contracts is a file`,
        (u) => argv(u, u.at('notes.txt')),
        () => ['no such folder'],
      ),
    ];
  }),
  c(
    'audit: base folder without SplitMarket.sol',
    (u) => ['audit', '--base', u.at('no-market')],
    (u) => [`--base ${u.at('no-market')}`, 'missing SplitMarket.sol'],
  ),

  // replay.
  c(
    'replay: no trace',
    () => ['replay'],
    () => ['takes <trace>...', 'got none'],
  ),
  c(
    'replay: a good trace and a missing one (both named, every trace read before any replay)',
    (u) => ['replay', u.at('good.json'), u.at('nowhere.json')],
    (u) => [u.at('nowhere.json'), 'ENOENT'],
  ),
  c(
    'replay: a folder with no trace beside a good trace',
    (u) => ['replay', u.at('good.json'), u.at('folder')],
    (u) => [u.at('folder'), 'holds no .json trace'],
  ),
  c(
    'replay: probes negative',
    (u) => ['replay', u.at('good.json'), '--probes', '-2'],
    () => ['--probes must be at least 0'],
  ),
  c(
    'replay: verbose with a value',
    (u) => ['replay', u.at('good.json'), '--verbose=1'],
    () => ['--verbose takes no value'],
  ),
  c(
    'replay: unknown flag',
    (u) => ['replay', u.at('good.json'), '--out', 'x'],
    () => ['unknown flag --out'],
  ),
  c(
    'replay: contracts twice',
    (u) => ['replay', u.at('good.json'), '--contracts', 'contracts', '--contracts', 'contracts'],
    () => ['--contracts is given twice'],
  ),

  // export-forge.
  c(
    'export-forge: --out an existing file',
    (u) => ['export-forge', u.at('good.json'), '--out', u.at('existing.t.sol')],
    (u) => ['--out', u.at('existing.t.sol'), 'already exists', '--force'],
  ),
  c(
    'export-forge: the default --out exists',
    (u) => ['export-forge', u.at('dflt.json')],
    (u) => [`--out ${u.at('dflt.t.sol')}`, 'already exists'],
    {
      setup: (u) => {
        u.file('dflt.json', GOOD_TRACE);
        u.file('dflt.t.sol', '// precious\n');
      },
    },
  ),
  c(
    'export-forge: --out not .t.sol',
    (u) => ['export-forge', u.at('good.json'), '--out', u.at('x.sol')],
    (u) => [`--out ${u.at('x.sol')}`, 'must end in .t.sol'],
  ),
  c(
    'export-forge: --out a folder',
    (u) => ['export-forge', u.at('good.json'), '--out', u.at('dir.t.sol')],
    () => ['--out', 'is a folder'],
    {
      setup: (u) => mkdirSync(u.at('dir.t.sol')),
    },
  ),
  c(
    'export-forge: --out under /proc',
    (u) => ['export-forge', u.at('good.json'), '--out', '/proc/x/T.t.sol'],
    () => ['--out /proc/x/T.t.sol', 'does not exist'],
  ),
  c(
    'export-forge: --out under a file',
    (u) => ['export-forge', u.at('good.json'), '--out', u.at('notes.txt/T.t.sol')],
    () => ['--out', 'is not a folder'],
  ),
  c(
    'export-forge: --contract-name a keyword',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'contract'],
    () => ['--contract-name "contract"', 'reserved word'],
  ),
  c(
    'export-forge: --contract-name uint256',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'uint256'],
    () => ['--contract-name "uint256"', 'reserved word'],
  ),
  c(
    'export-forge: --contract-name bytes32',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'bytes32'],
    () => ['reserved word'],
  ),
  c(
    'export-forge: --contract-name starts with a digit',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', '1Replay'],
    () => ['not a Solidity identifier'],
  ),
  c(
    'export-forge: --contract-name with a space',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'My Replay'],
    () => ['not a Solidity identifier'],
  ),
  c(
    'export-forge: --contract-name with a dash',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'my-replay'],
    () => ['not a Solidity identifier'],
  ),
  c(
    'export-forge: --contract-name empty',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', ''],
    () => ['not a Solidity identifier'],
  ),
  c(
    'export-forge: --contract-name Test',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'Test'],
    () => ['a contract the exported test imports'],
  ),
  c(
    'export-forge: --contract-name SplitMarket',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'SplitMarket'],
    () => ['a contract the exported test imports'],
  ),
  c(
    'export-forge: --contract-name injection',
    (u) => ['export-forge', u.at('good.json'), '--contract-name', 'X{}contract Y'],
    () => ['not a Solidity identifier'],
  ),

  // mutate.
  c(
    'mutate: --json an existing file',
    (u) => ['mutate', '--json', u.at('existing.json')],
    (u) => ['--json', u.at('existing.json'), 'already exists'],
  ),
  c(
    'mutate: --json a folder',
    (u) => ['mutate', '--json', u.at('folder')],
    () => ['--json', 'is a folder'],
  ),
  c(
    'mutate: --json under /proc',
    () => ['mutate', '--json', '/proc/x/m.json'],
    () => ['--json /proc/x/m.json', 'does not exist'],
  ),
  c(
    'mutate: --json under a file',
    (u) => ['mutate', '--json', u.at('notes.txt/m.json')],
    () => ['--json', 'is not a folder'],
  ),
  c(
    'mutate: --markdown an existing file',
    (u) => ['mutate', '--markdown', u.at('existing.md')],
    (u) => ['--markdown', u.at('existing.md'), 'already exists'],
  ),
  c(
    'mutate: --markdown and --json the same',
    (u) => ['mutate', '--markdown', u.at('r'), '--json', u.at('r')],
    () => ['is also given as --markdown'],
  ),
  c(
    'mutate: force without an output',
    () => ['mutate', '--force'],
    () => ['--force applies only with --markdown or --json'],
  ),
  c(
    'mutate: --jobs 0',
    () => ['mutate', '--jobs', '0'],
    () => ['--jobs must be at least 1'],
  ),
  c(
    'mutate: --jobs 17',
    () => ['mutate', '--jobs', '17'],
    () => ['--jobs must be at most 16'],
  ),
  c(
    'mutate: --min-score 101',
    () => ['mutate', '--min-score', '101'],
    () => ['--min-score is a percentage'],
  ),
  c(
    'mutate: --time-per-mutant 0s',
    () => ['mutate', '--time-per-mutant', '0s'],
    () => ['--time-per-mutant must be at least 1s'],
  ),
  c(
    'mutate: --runs 0',
    () => ['mutate', '--runs', '0'],
    () => ['--runs must be at least 1'],
  ),
  c(
    'mutate: --max 0',
    () => ['mutate', '--max', '0'],
    () => ['--max must be at least 1'],
  ),
  c(
    'mutate: --list with --runs',
    () => ['mutate', '--list', '--runs', '5'],
    () => ['--runs does not apply with --list'],
  ),
  c(
    'mutate: --list with --json',
    (u) => ['mutate', '--list', '--json', u.at('m.json')],
    () => ['--json does not apply with --list'],
  ),
  c(
    'mutate: --equivalent not JSON',
    (u) => ['mutate', '--equivalent', u.at('notes.txt')],
    (u) => [u.at('notes.txt'), 'not valid JSON'],
  ),
  c(
    'mutate: --equivalent a FIFO',
    (u) => ['mutate', '--equivalent', u.at('fifo')],
    (u) => [`--equivalent ${u.at('fifo')}`, 'not a regular file'],
  ),
  c(
    'mutate: --equivalent a folder',
    (u) => ['mutate', '--equivalent', u.at('folder')],
    () => ['--equivalent', 'is a folder'],
  ),
  c(
    'mutate: --equivalent missing',
    (u) => ['mutate', '--equivalent', u.at('nowhere.json')],
    () => ['--equivalent', 'ENOENT'],
  ),
  c(
    'mutate: --equivalent an entry without its reason',
    (u) => ['mutate', '--equivalent', u.at('eq-reason.json'), '--json', u.at('m.json')],
    (u) => [`${u.at('eq-reason.json')}: equivalent[0].reason: missing`],
    {
      setup: (u) =>
        void u.file('eq-reason.json', '{"equivalent": [{"id": "SplitMarket.sol:80:constant:0", "original": "0"}]}'),
    },
  ),
  c(
    'mutate: --equivalent with --no-equivalent',
    (u) => ['mutate', '--equivalent', u.at('nowhere.json'), '--no-equivalent'],
    () => ['--equivalent does not apply with --no-equivalent'],
  ),
  c(
    'mutate: seed twice',
    () => ['mutate', '--seed', '1', '--seed', '1'],
    () => ['--seed is given twice'],
  ),

  // prove.
  c(
    'prove: --json an existing file',
    (u) => ['prove', '--json', u.at('existing.json')],
    (u) => ['--json', u.at('existing.json'), 'already exists'],
  ),
  c(
    'prove: --json a folder',
    (u) => ['prove', '--json', u.at('folder')],
    () => ['--json', 'is a folder'],
  ),
  c(
    'prove: --json under /proc',
    () => ['prove', '--json', '/proc/x/p.json'],
    () => ['--json /proc/x/p.json', 'does not exist'],
  ),
  c(
    'prove: --engine unknown',
    () => ['prove', '--engine', 'smt'],
    () => ['--engine must be bmc, chc or all', '"smt"'],
  ),
  c(
    'prove: --suite unknown',
    () => ['prove', '--suite', 'market'],
    () => ['--suite must be', '"market"'],
  ),
  c(
    'prove: --timeout 0s',
    () => ['prove', '--timeout', '0s'],
    () => ['--timeout must be at least 1s'],
  ),
  c(
    'prove: --fail-on unknown value',
    () => ['prove', '--fail-on', 'warnings'],
    () => ['--fail-on must be counterexample or unknown', '"warnings"'],
  ),
  c(
    'prove: --payout-math missing',
    (u) => ['prove', '--payout-math', u.at('nowhere.sol')],
    (u) => [`--payout-math ${u.at('nowhere.sol')}`, 'ENOENT'],
  ),
  c(
    'prove: --payout-math a folder',
    (u) => ['prove', '--payout-math', u.at('folder')],
    () => ['--payout-math', 'is a folder'],
  ),
  c(
    'prove: --payout-math a FIFO',
    (u) => ['prove', '--payout-math', u.at('fifo')],
    () => ['--payout-math', 'not a regular file'],
  ),
  c(
    'prove: --payout-math /dev/zero',
    () => ['prove', '--payout-math', '/dev/zero'],
    () => ['--payout-math /dev/zero', 'not a regular file'],
  ),
  c(
    'prove: --payout-math too large',
    (u) => ['prove', '--payout-math', u.at('huge.sol')],
    () => ['--payout-math', 'over the 1048576-byte limit'],
  ),
  c(
    'prove: --slow-oracle missing',
    (u) => ['prove', '--slow-oracle', u.at('nowhere.sol')],
    () => ['--slow-oracle', 'ENOENT'],
  ),
  c(
    'prove: --payout-math with --suite slow-oracle',
    (u) => ['prove', '--suite', 'slow-oracle', '--payout-math', u.at('good.json')],
    () => ['--payout-math does not apply with --suite slow-oracle'],
  ),
  c(
    'prove: --slow-oracle with --suite payout-math',
    (u) => ['prove', '--suite', 'payout-math', '--slow-oracle', u.at('good.json')],
    () => ['--slow-oracle does not apply with --suite payout-math'],
  ),
  c(
    'prove: force without --json',
    () => ['prove', '--force'],
    () => ['--force applies only with --json'],
  ),

  // merge-summaries.
  ...(
    [
      ['not JSON', 'nope', '(file): not valid JSON'],
      ['a duplicate key', summaryText().replace('"seed": 1,', '"seed": 1, "seed": 2,'), 'seed: the key appears twice'],
      [
        'no campaign',
        summaryText((s) => {
          delete s.campaign;
        }),
        'campaign must be an object',
      ],
      [
        'a negative count',
        summaryText((s) => {
          s.runs = -1;
        }),
        'runs must be a whole number',
      ],
      [
        'a string seed',
        summaryText((s) => {
          (s.campaign as Record<string, unknown>).seed = '1';
        }),
        'campaign.seed must be a whole number',
      ],
      [
        'a reversed range',
        summaryText((s) => {
          (s.campaign as Record<string, unknown>).counted = [[4, 2]];
        }),
        'campaign.counted[0] must be a range',
      ],
      [
        'a bad failure',
        summaryText((s) => {
          (s.campaign as Record<string, unknown>).failure = 'yes';
        }),
        'campaign.failure must be an object',
      ],
      [
        'complete as a string',
        summaryText((s) => {
          (s.campaign as Record<string, unknown>).complete = 'yes';
        }),
        'campaign.complete must be true or false',
      ],
    ] as const
  ).map(([name, text, says]) =>
    c(
      `merge-summaries: a summary with ${name}`,
      (u) => ['merge-summaries', u.at(`s-${name}.json`)],
      (u) => [u.at(`s-${name}.json`), says],
      {
        setup: (u) => void u.file(`s-${name}.json`, text),
      },
    ),
  ),
  c(
    'merge-summaries: no summaries',
    () => ['merge-summaries'],
    () => ['takes <summary.json>..., got none'],
  ),
  c(
    'merge-summaries: a summary that is a FIFO',
    (u) => ['merge-summaries', u.at('fifo')],
    (u) => [u.at('fifo'), 'not a regular file'],
  ),
  c(
    'merge-summaries: a summary over the bound',
    (u) => ['merge-summaries', u.at('huge.json')],
    () => ['over the 8388608-byte limit'],
  ),
  c(
    'merge-summaries: a missing summary',
    (u) => ['merge-summaries', u.at('nowhere.json')],
    () => ['ENOENT'],
  ),
  c(
    'merge-summaries: --out an existing file',
    (u) => ['merge-summaries', u.at('s.json'), '--out', u.at('existing.json')],
    (u) => ['--out', u.at('existing.json'), 'already exists'],
    { setup: (u) => void u.file('s.json', summaryText()) },
  ),
  c(
    'merge-summaries: --out a folder',
    (u) => ['merge-summaries', u.at('s.json'), '--out', u.at('folder')],
    () => ['--out', 'is a folder'],
    { setup: (u) => void u.file('s.json', summaryText()) },
  ),
  c(
    'merge-summaries: force without --out',
    (u) => ['merge-summaries', u.at('good.json'), '--force'],
    () => ['--force applies only with --out'],
  ),

  // audit.
  c(
    'audit: no --base',
    () => ['audit'],
    () => ['--base is required'],
  ),
  c(
    'audit: --markdown an existing file',
    (u) => ['audit', '--base', 'contracts', '--markdown', u.at('existing.md')],
    (u) => ['--markdown', u.at('existing.md'), 'already exists'],
  ),
  c(
    'audit: --summary-json a folder',
    (u) => ['audit', '--base', 'contracts', '--summary-json', u.at('folder')],
    () => ['--summary-json', 'is a folder'],
  ),
  c(
    'audit: --out an existing file',
    (u) => ['audit', '--base', 'contracts', '--out', u.at('existing.json')],
    () => ['--out', 'exists and is not a folder'],
  ),
  c(
    'audit: --out under /proc',
    () => ['audit', '--base', 'contracts', '--out', '/proc/cliffless-audit'],
    () => ['--out /proc/cliffless-audit: '],
  ),
  c(
    'audit: --markdown and --summary-json the same',
    (u) => ['audit', '--base', 'contracts', '--markdown', u.at('r'), '--summary-json', u.at('r')],
    () => ['is also given as --markdown'],
  ),
  c(
    'audit: --actors 17',
    () => ['audit', '--base', 'contracts', '--actors', '17'],
    () => ['--actors must be at most 16'],
  ),
  c(
    'audit: force without a report',
    () => ['audit', '--base', 'contracts', '--force'],
    () => ['--force applies only with --markdown or --summary-json'],
  ),
  c(
    'audit: --allow not JSON',
    (u) => ['audit', '--base', 'contracts', '--allow', u.at('notes.txt')],
    (u) => [u.at('notes.txt'), 'not valid JSON'],
  ),
  c(
    'audit: --allow with a duplicate key',
    (u) => ['audit', '--base', 'contracts', '--allow', u.at('allow-dup.json')],
    () => ['allow: the key appears twice'],
    { setup: (u) => void u.file('allow-dup.json', '{"allow": [], "allow": []}') },
  ),
  c(
    'audit: --allow a FIFO',
    (u) => ['audit', '--base', 'contracts', '--allow', u.at('fifo')],
    (u) => [`--allow ${u.at('fifo')}`, 'not a regular file'],
  ),
  c(
    'audit: --allow a folder',
    (u) => ['audit', '--base', 'contracts', '--allow', u.at('folder')],
    () => ['--allow', 'is a folder'],
  ),
  c(
    'audit: --allow missing',
    (u) => ['audit', '--base', 'contracts', '--allow', u.at('nowhere.json')],
    () => ['--allow', 'ENOENT'],
  ),
  c(
    'audit: --allow an unknown action',
    (u) => ['audit', '--base', 'contracts', '--allow', u.at('allow-kind.json')],
    () => ['allow[0].action'],
    { setup: (u) => void u.file('allow-kind.json', '{"allow": [{"action": "steal", "path": "*", "reason": "r"}]}') },
  ),
  c(
    'audit: --runs 0',
    () => ['audit', '--base', 'contracts', '--runs', '0'],
    () => ['--runs must be at least 1'],
  ),
];
