import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_INVARIANTS_CONTRACT,
  ALL_INVARIANTS_FUNCTION,
  allInvariantsSource,
  suiteInvariants,
} from '../../bench/forge-all-invariants.ts';
import { buildError, portableFoundryToml } from '../../bench/forge-mutant.ts';
import { ForgeOutputError, parseDuration, parseForgeTest } from '../../bench/forge-output.ts';
import { PROJECT_ROOT } from '../../fuzz/compile/index.ts';

/** A `forge test --json` answer for the combined test, shaped as forge 1.7 prints it. */
function forgeJson(results: Record<string, unknown>, prefix = ''): string {
  const suite = `test/forge/invariant/${ALL_INVARIANTS_CONTRACT}.t.sol:${ALL_INVARIANTS_CONTRACT}`;
  return `${prefix}${JSON.stringify({ [suite]: { duration: '1s', test_results: results, warnings: [] } })}`;
}
const parse = (stdout: string) => parseForgeTest(stdout, ALL_INVARIANTS_CONTRACT, ALL_INVARIANTS_FUNCTION);
const invariantKind = (runs: number, calls: number) => ({ Invariant: { runs, calls, reverts: 0, metrics: {} } });

describe('bench:mutants: reading forge test --json', () => {
  it('reads a kill: the property from the generated prefix, the duration, the calls until the failure', () => {
    const result = parse(
      forgeJson(
        {
          'invariant_all()': {
            status: 'Failure',
            reason: 'bench invariant M2: M2: collateral 0 held/sumLocked/donated 7 / 8 / 0',
            duration: '389ms 140µs 383ns',
            kind: invariantKind(3, 192),
            counterexample: { Sequence: [20, new Array(20).fill({})] },
          },
        },
        'No files changed, compilation skipped\n',
      ),
    );
    expect(result).toEqual({
      status: 'killed',
      killedBy: 'M2',
      detail: 'collateral 0 held/sumLocked/donated 7 / 8 / 0',
      seconds: 0.389140383,
      runs: 3,
      calls: 212,
    });
  });

  it('reads a survivor with its runs and calls', () => {
    const result = parse(
      forgeJson({
        'invariant_all()': { status: 'Success', reason: null, duration: '5s 284ms', kind: invariantKind(5, 320) },
      }),
    );
    expect(result).toEqual({ status: 'survived', seconds: 5.284, runs: 5, calls: 320 });
  });

  it('counts a failing setUp as a kill by setUp, and any other failure as a revert', () => {
    const setUp = parse(
      forgeJson({ 'setUp()': { status: 'Failure', reason: 'Setup: seed settlement failed', duration: '12ms' } }),
    );
    expect(setUp).toMatchObject({ status: 'killed', killedBy: 'setUp', detail: 'Setup: seed settlement failed' });
    const revert = parse(
      forgeJson({
        'invariant_all()': {
          status: 'Failure',
          reason: 'panic: arithmetic underflow or overflow (0x11)',
          duration: '1s',
        },
      }),
    );
    expect(revert).toMatchObject({
      status: 'killed',
      killedBy: 'revert',
      detail: 'panic: arithmetic underflow or overflow (0x11)',
    });
  });

  it('refuses output it cannot vouch for', () => {
    expect(() => parse('Compiler run failed:\nError (2314): ...')).toThrow(ForgeOutputError);
    expect(() => parse('{"test/X.t.sol:Other":{"test_results":{}}}')).toThrow(/no suite AllInvariantsBench/);
    expect(() => parse(forgeJson({ 'invariant_other()': { status: 'Success', duration: '1s' } }))).toThrow(/no result/);
    expect(() => parse(forgeJson({ 'invariant_all()': { status: 'Skipped', reason: null, duration: '0ns' } }))).toThrow(
      /status Skipped/,
    );
  });

  it('reads forge durations in every unit and rejects others', () => {
    expect(parseDuration('1m 2s 500ms')).toBeCloseTo(62.5, 9);
    expect(parseDuration('2s 42ms 902µs 443ns')).toBeCloseTo(2.042902443, 9);
    expect(parseDuration('1h 3us')).toBeCloseTo(3600.000003, 9);
    expect(() => parseDuration('2 seconds')).toThrow(/unreadable forge duration/);
    expect(() => parseDuration('2.5s')).toThrow(/unreadable/);
  });

  it('quotes the first compiler error with its location', () => {
    const output = [
      'Compiling 65 files with Solc 0.8.37',
      'Error: Compiler run failed:',
      "Error (2314): Expected ';' but got identifier",
      '   --> contracts/SplitMarket.sol:100:9:',
      '    |',
    ].join('\n');
    expect(buildError(output)).toBe(
      "Error (2314): Expected ';' but got identifier at contracts/SplitMarket.sol:100:9:",
    );
    expect(buildError('something\nelse\nentirely\nwent wrong')).toBe('else entirely went wrong');
  });
});

describe('bench:mutants: the combined invariant', () => {
  const suite = readFileSync(join(PROJECT_ROOT, 'test/forge/invariant/ProtocolInvariants.t.sol'), 'utf8');

  it('finds every invariant of the shipped suite, and which ones act', () => {
    const invariants = suiteInvariants(suite);
    expect(invariants.map((i) => i.property)).toEqual([
      'M1',
      'M2',
      'M5',
      'M6',
      'M7',
      'M8',
      'O1',
      'O2',
      'O3',
      'O4',
      'O5',
    ]);
    expect(invariants.filter((i) => i.acts).map((i) => i.predicate)).toEqual(['propM6Exit', 'propO5Liveness']);
    const source = allInvariantsSource(invariants);
    expect(source).toContain(`function ${ALL_INVARIANTS_FUNCTION}() public {`);
    expect(source).toContain('(ok, why) = propM6Exit();\n        vm.revertToStateAndDelete(snapshot);');
    expect(source.match(/revert\(string\.concat\("bench invariant /g)).toHaveLength(11);
  });

  it('refuses a suite invariant it cannot combine, rather than drop a property', () => {
    const odd = suite.replace(
      'function invariant_O4_bonds() public view {',
      'function invariant_X9_new() public view {\n        assertTrue(true);\n    }\n\n    function invariant_O4_bonds() public view {',
    );
    expect(() => suiteInvariants(odd)).toThrow(/invariant_X9_new not of the form/);
    expect(() => suiteInvariants('contract A {}')).toThrow(/no invariant_/);
  });
});

describe('bench:mutants: foundry.toml for a project in a temporary folder', () => {
  const toml = readFileSync(join(PROJECT_ROOT, 'foundry.toml'), 'utf8');

  it('points solc, libs and remappings at the repository', () => {
    const out = portableFoundryToml(toml, '/repo');
    expect(out).toContain('solc = "/repo/bin/solc"');
    expect(out).toContain('libs = ["/repo/node_modules"]');
    expect(out).toContain('"@openzeppelin/contracts/=/repo/node_modules/@openzeppelin/contracts/"');
    expect(out).not.toMatch(/["=]node_modules/);
  });

  it('refuses a foundry.toml it does not understand', () => {
    expect(() => portableFoundryToml(toml.replace(/^solc = .*$/m, ''), '/repo')).toThrow(/no `solc = /);
    expect(() => portableFoundryToml('solc = "bin/solc"\n', '/repo')).toThrow(/no node_modules path/);
  });
});
