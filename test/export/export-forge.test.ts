import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../fuzz/cli/main.ts';
import { compileContracts, PROJECT_ROOT } from '../../fuzz/compile/index.ts';
import { exportForgeTest } from '../../fuzz/export/export-forge.ts';
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
];

// P rounds up instead of down (as test/fuzz/broken-variant.test.ts): settle-above-strike redeems
// 1 P at a price above the strike, which pays 0 and, on the broken variant, 1.
const BROKEN_UNIT = 'libraries/PayoutMath.sol';
const ROUND_P_UP = ['Math.mulDiv(a, strike, x)', 'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)'] as const;

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
        out: join(DIR, `${name}.t.sol`),
        contractName: `Exported_${name.replace(/-/g, '_')}`,
      });
    }
    // The broken copy of the contracts, imported by the one failing export.
    const broken = join(DIR, 'broken-contracts');
    cpSync(join(PROJECT_ROOT, 'contracts'), broken, { recursive: true });
    const unit = join(broken, BROKEN_UNIT);
    const source = readFileSync(unit, 'utf8');
    expect(source).toContain(ROUND_P_UP[0]);
    writeFileSync(unit, source.replace(...ROUND_P_UP));
    await exportForgeTest({
      trace: readTraceFile(join(PROJECT_ROOT, 'test/traces/settle-above-strike.json')),
      traceFile: 'test/traces/settle-above-strike.json',
      artifacts,
      out: join(DIR, 'broken.t.sol'),
      contractName: 'ExportedBroken',
      contractsDir: broken,
    });
    forge = runForge();
  }, 240_000);

  afterAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    rmSync(BUILD, { recursive: true, force: true });
  });

  it.each(PASSING)('a passing trace (%s) passes under forge', (name) => {
    expect(forge.get(`${name}.t.sol`)).toMatchObject({ status: 'Success' });
  });

  it('a divergence found in the embedded EVM fails under forge at the same step, for the same reason', async () => {
    // The harness: the broken variant diverges from the model at step 7, a redeem returning 1 for 0.
    const variant = compileContracts({ contractsDir: join(DIR, 'broken-contracts') }).artifacts;
    const path = join(PROJECT_ROOT, 'test/traces/settle-above-strike.json');
    const trace = readTraceFile(path);
    const env = await prepareEnvironment(variant, trace.world);
    const replayed = await replayTrace(env, trace, path, { probesPerStep: 0 });
    expect(replayed.failure).toMatchObject({ step: 7, kind: 'divergence', id: 'D1', model: '0', evm: '1' });
    // forge, on the same broken contracts: the exported test fails there and nowhere else.
    const result = forge.get('broken.t.sol');
    expect(result?.status).toBe('Failure');
    expect(result?.reason).toBe(
      `step 7 (redeem): return data: 0x${'1'.padStart(64, '0')} != 0x${'0'.padStart(64, '0')}`,
    );
  });

  it('writes forge-fmt-clean code with a comment quoting each action', () => {
    const file = join(DIR, 'settle-above-strike.t.sol');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('// step 7: {"kind":"redeem","caller":"alice","seriesId":"#0","pAmount":"1"');
    expect(text).toContain('function test_replay() public {');
    expect(text).not.toMatch(/0x[0-9a-fA-F]{40}/); // no hard-coded contract address
    const fmt = spawnSync(FORGE, ['fmt', '--check', file], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(fmt.status, fmt.stdout).toBe(0);
  });

  it('refuses to overwrite without --force, and names the malformed field of a bad trace (exit 2)', async () => {
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
    } finally {
      process.stderr.write = write;
    }
  });
});
