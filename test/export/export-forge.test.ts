import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../fuzz/cli/main.ts';
import { compileContracts, PROJECT_ROOT } from '../../fuzz/compile/index.ts';
import { exportForgeTest } from '../../fuzz/export/export-forge.ts';
import { claimOutput } from '../../fuzz/io/output.ts';
import { prepareEnvironment } from '../../fuzz/runner/prepare.ts';
import { replayTrace } from '../../fuzz/runner/replay.ts';
import { readTraceFile } from '../../fuzz/trace/io.ts';

// Exported tests live in a git-ignored folder at the project root, outside test/, and forge runs
// with FOUNDRY_TEST pointing there: forge resolves the same remappings, and a concurrent
// `forge test` of the project never sees the deliberately failing export.
const DIR_NAME = `.export-tmp/vitest-${process.pid}`;
const DIR = join(PROJECT_ROOT, DIR_NAME);
const FORGE = join(PROJECT_ROOT, 'node_modules', '.bin', 'forge');
const BUILD = join(tmpdir(), `cliffless-export-forge-${process.pid}`);

// A representative set: every token kind, the oracle's escalation and arbitration, and revert
// data of the market, the oracle, OpenZeppelin's ERC-20 errors and the reentrancy guard.
const PASSING = [
  'callback-reentrancy',
  'fee-on-transfer-shortfall',
  'noreturn-collateral',
  'oracle-escalation-arbitration',
  'market-redeem-merge-rejections',
  'transfer-from-allowance',
  'settle-above-strike',
  'claim-mint-burn',
  // The weird-ERC20 kinds (docs/collateral.md): both admin switches, raw symbol() data, odd names.
  'pausable-collateral',
  'blocklist-collateral',
  'collateral-metadata-edges',
  // Rebasing and upgradable collateral: both admin actions mid-run.
  'rebasing-collateral-down',
  'upgradable-collateral',
  // uint96 amounts: the token's variable must not be named like a Solidity type.
  'uint96-collateral',
  // One ledger at two addresses: the ledger deploys its entry point; both are collateral.
  'multi-entry-collateral',
  // The native currency's token: funded with vm.deal, left out of the approvals, sendNative sent
  // as call{value: …}(""), an EVM exception (InsufficientBalance) asserted without revert data.
  'native-currency-collateral',
];

// Four broken copies of the contracts, each with a trace that the harness shows diverging:
// - P rounds up instead of down (as test/fuzz/broken-variant.test.ts): settle-above-strike redeems
//   1 P at a price above the strike, which pays 0 and, on the variant, 1 (a return value differs);
// - split locks 1 wei more than it receives: no return value or event differs, only the state;
// - ClaimToken's onlyMarket guard deleted: claim-mint-burn's first outsider mint succeeds;
// - question() forgets the last value: only a view differs, which the harness's run-end view check
//   and the export's final-state assertions both read.
const BROKEN = [
  {
    name: 'round-p-up',
    unit: 'libraries/PayoutMath.sol',
    find: 'Math.mulDiv(a, strike, x)',
    replace: 'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
    trace: 'settle-above-strike',
    harness: { step: 7, kind: 'divergence', id: 'D1', model: '0', evm: '1' },
    forge: `step 7 (redeem): return data: 0x${'1'.padStart(64, '0')} != 0x${'0'.padStart(64, '0')}`,
  },
  {
    name: 'lock-one-more',
    unit: 'SplitMarket.sol',
    find: '        s.locked += amount;',
    replace: '        s.locked += amount + 1;',
    trace: 'merge-after-settlement',
    harness: { step: 1, kind: 'divergence', id: 'D1', model: '10000000000000000000', evm: '10000000000000000001' },
    forge: 'final: locked in seriesIds[0]: 1 != 0',
  },
  {
    name: 'claim-unguarded',
    unit: 'ClaimToken.sol',
    find: 'if (msg.sender != market) revert OnlyMarket(msg.sender);',
    replace: '',
    trace: 'claim-mint-burn',
    harness: { step: 2, kind: 'divergence', id: 'D1', model: 'false', evm: 'true' },
    forge: 'step 2 (mintClaim): expected a revert',
  },
  {
    name: 'question-view-lies',
    unit: 'SlowOracle.sol',
    find: 'info.lastValue = last.value;',
    replace: '',
    trace: 'oracle-escalation-arbitration',
    harness: { step: 19, kind: 'divergence', id: 'D1', model: '2500000000000000000000', evm: '0' },
    forge: 'final: question 0 lastValue: 0 != 2500000000000000000000',
  },
] as const;

interface ForgeResult {
  status: string;
  reason: string | null;
}

/** `forge test --json` on the export folder: each suite's test_replay() result, by file name. */
function runForge(): Map<string, ForgeResult> {
  const run = spawnSync(FORGE, ['test', '--json'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      FOUNDRY_TEST: DIR_NAME,
      FOUNDRY_SCRIPT: DIR_NAME,
      FOUNDRY_OUT: join(BUILD, 'out'),
      FOUNDRY_CACHE_PATH: join(BUILD, 'cache'),
    },
  });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  let suites: Record<string, { test_results: Record<string, ForgeResult> }>;
  try {
    suites = JSON.parse(json);
  } catch {
    throw new Error(`forge gave no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const results = new Map<string, ForgeResult>();
  for (const [id, suite] of Object.entries(suites)) {
    const file = (id.split(':')[0] as string).split('/').pop() as string;
    const result = suite.test_results['test_replay()'];
    if (result !== undefined) results.set(file, result);
  }
  return results;
}

describe('cliffless export-forge', () => {
  const artifacts = compileContracts().artifacts;
  let forge: Map<string, ForgeResult>;

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    for (const name of PASSING) {
      const file = join('test/traces', `${name}.json`);
      await exportForgeTest({
        trace: readTraceFile(join(PROJECT_ROOT, file)),
        traceFile: file,
        artifacts,
        out: claimOutput('out', join(DIR, `${name}.t.sol`), { force: true }),
        contractName: `Exported_${name.replace(/-/g, '_')}`,
      });
    }
    // The broken copies of the contracts, each imported by one failing export.
    for (const variant of BROKEN) {
      const dir = join(DIR, variant.name);
      cpSync(join(PROJECT_ROOT, 'contracts'), dir, { recursive: true });
      const unit = join(dir, variant.unit);
      const source = readFileSync(unit, 'utf8');
      expect(source).toContain(variant.find);
      writeFileSync(unit, source.replace(variant.find, variant.replace));
      const file = `test/traces/${variant.trace}.json`;
      await exportForgeTest({
        trace: readTraceFile(join(PROJECT_ROOT, file)),
        traceFile: file,
        artifacts,
        out: claimOutput('out', join(DIR, `${variant.name}.t.sol`), { force: true }),
        contractName: `Broken_${variant.name.replace(/-/g, '_')}`,
        contractsDir: dir,
      });
    }
    forge = runForge();
  }, 600_000); // one forge build and run of every exported trace: minutes under load

  afterAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    rmSync(BUILD, { recursive: true, force: true });
  });

  it.each(PASSING)('a passing trace (%s) passes under forge', (name) => {
    expect(forge.get(`${name}.t.sol`)).toMatchObject({ status: 'Success' });
  });

  it.each(BROKEN)(
    'a divergence found in the embedded EVM ($name) fails under forge for the same reason',
    async (variant) => {
      // The harness, on the broken copy: the trace diverges from the model.
      const path = join(PROJECT_ROOT, `test/traces/${variant.trace}.json`);
      const trace = readTraceFile(path);
      const env = await prepareEnvironment(
        compileContracts({ contractsDir: join(DIR, variant.name) }).artifacts,
        trace.world,
      );
      const replayed = await replayTrace(env, trace, path, { probesPerStep: 0 });
      expect(replayed.failure).toMatchObject(variant.harness);
      // forge, on the same broken copy: the exported test fails with the same values.
      expect(forge.get(`${variant.name}.t.sol`)).toMatchObject({ status: 'Failure', reason: variant.forge });
    },
  );

  it('writes forge-fmt-clean code with a comment quoting each action', () => {
    const file = join(DIR, 'settle-above-strike.t.sol');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('// step 7: {"kind":"redeem","caller":"alice","seriesId":"#0","pAmount":"1"');
    expect(text).toContain('function test_replay() public {');
    expect(text).not.toMatch(/0x[0-9a-fA-F]{40}/); // no hard-coded contract address
    const fmt = spawnSync(FORGE, ['fmt', '--check', file], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(fmt.status, fmt.stdout).toBe(0);
  });

  it('refuses to overwrite without --force, names the malformed field of a bad trace (exit 2), and has --help', async () => {
    const out = join(DIR, 'settle-above-strike.t.sol');
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => errors.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['export-forge', 'test/traces/settle-above-strike.json', '--out', out])).toBe(2);
      expect(errors.join('')).toContain('already exists');
      const bad = join(DIR, 'bad.json');
      writeFileSync(bad, JSON.stringify({ format: 'cliffless-trace', version: 1, actions: [{ kind: 'split' }] }));
      expect(await main(['export-forge', bad])).toBe(2);
      expect(errors.join('')).toContain('actions[0].caller');
      const help: string[] = [];
      const stdout = process.stdout.write;
      process.stdout.write = ((chunk: string) => help.push(String(chunk)) > 0) as typeof process.stdout.write;
      try {
        expect(await main(['export-forge', '--help'])).toBe(0);
      } finally {
        process.stdout.write = stdout;
      }
      for (const flag of ['--out', '--force', '--contract-name', '--contracts']) expect(help.join('')).toContain(flag);
    } finally {
      process.stderr.write = write;
    }
  });
});
