import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Artifacts, compileContracts } from '../../fuzz/compile/index.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../../fuzz/runner/prepare.ts';
import { type ReplayResult, replayTrace } from '../../fuzz/runner/replay.ts';
import { ACTION_KINDS } from '../../fuzz/trace/fields.ts';
import type { Trace, TraceWorld } from '../../fuzz/trace/format.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';

// Every hand-written scenario in test/traces replays on the model and the EVM with every property
// checked after every step and each action's `expect` met; the expectations are hand-computed.

const tracesDir = new URL('../traces/', import.meta.url).pathname;
const files = readdirSync(tracesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const traces = new Map<string, Trace>(
  files.map((f) => [f, parseTrace(readFileSync(join(tracesDir, f), 'utf8'), `test/traces/${f}`)]),
);

let artifacts: Artifacts;
const environments = new Map<string, PreparedEnvironment>();
/** One deployed environment per world shape, reused (replay resets it to its start snapshot). */
async function environmentFor(world: TraceWorld): Promise<PreparedEnvironment> {
  const key = `${world.actors}/${world.approvals}`;
  let env = environments.get(key);
  if (env === undefined) {
    env = await prepareEnvironment(artifacts, world);
    environments.set(key, env);
  }
  return env;
}
const replay = async (trace: Trace, file: string): Promise<ReplayResult> =>
  replayTrace(await environmentFor(trace.world), trace, file, { probesPerStep: 2 });

const results = new Map<string, ReplayResult>();

const docPath = new URL('../../docs/trace-format.md', import.meta.url).pathname;
const doc = readFileSync(docPath, 'utf8');

beforeAll(() => {
  ({ artifacts } = compileContracts());
});

describe('Differential replay of test/traces', () => {
  it('has scenarios, each with a title and at least one expect', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const [file, trace] of traces) {
      expect(trace.title, file).toMatch(/\S/);
      expect(
        trace.actions.some((a) => a.expect !== undefined),
        file,
      ).toBe(true);
    }
  });

  it.each(files)('%s passes: model and EVM agree, every property holds, every expect is met', async (file) => {
    const trace = traces.get(file) as Trace;
    const result = await replay(trace, file);
    results.set(file, result);
    expect(result.failure, result.failure?.message).toBeUndefined();
    expect(result.steps).toHaveLength(trace.actions.length);
  });

  it('together revert with every SplitMarket and SlowOracle error and the reentrancy guard, and run every action kind', async () => {
    // Reuses the replays above; replays what a test filter skipped.
    for (const file of files) if (!results.has(file)) results.set(file, await replay(traces.get(file) as Trace, file));
    const reverts = new Set<string>();
    const succeeded = new Set<string>();
    for (const result of results.values()) {
      for (const { outcome } of result.steps) if (!outcome.ok) reverts.add(outcome.error.name);
      for (const kind of result.succeeded) succeeded.add(kind);
    }
    const marketErrors = [
      'UnknownSeries',
      'ZeroAmount',
      'InvalidRecipient',
      'AlreadySettled',
      'NotSettled',
      'NotExpired',
      'NotFinalized',
      'CollateralShortfall',
      'ExpiryNotInFuture',
      'ZeroStrike',
      'SeriesExists',
      'CollateralHasNoCode',
      'OracleHasNoCode',
      'ReentrancyGuardReentrantCall',
    ];
    // Every SlowOracle error but InvalidConfig, which only its constructor throws.
    const oracleErrors = [
      'AlreadyFinalized',
      'TooEarly',
      'ArbitrationPending',
      'LivenessElapsed',
      'SameValue',
      'BondTooLow',
      'NoAnswer',
      'LivenessNotElapsed',
      'ArbitrationAlreadyUsed',
      'NotArbitrator',
      'NoArbitrationPending',
      'ArbitrationTimeoutNotElapsed',
      'NothingToWithdraw',
    ];
    expect([...marketErrors, ...oracleErrors].filter((e) => !reverts.has(e))).toEqual([]);
    expect(ACTION_KINDS.filter((k) => !succeeded.has(k))).toEqual([]);
  });
});

describe('a wrong expect fails the replay with kind "expectation"', () => {
  const file = 'settle-above-strike.json';
  /** The trace with one action's expect replaced. */
  function withExpect(index: number, expectation: Trace['actions'][number]['expect']): Trace {
    const trace = structuredClone(traces.get(file) as Trace);
    const action = trace.actions[index];
    if (action === undefined || expectation === undefined) throw new Error('no such action');
    action.expect = expectation;
    return trace;
  }
  const redeemThree = 9; // redeem 3 P at x = S + 1: pays 2

  it('a wrong return value', async () => {
    expect(traces.get(file)?.actions[redeemThree]?.fields.pAmount).toBe('3');
    const result = await replay(withExpect(redeemThree, { ok: true, returns: ['3'] }), file);
    expect(result.failure).toMatchObject({
      kind: 'expectation',
      id: 'expect',
      step: redeemThree,
      message: 'expected returns [3], got [2]',
    });
    expect(result.steps).toHaveLength(redeemThree + 1);
  });

  it('wrong events', async () => {
    const result = await replay(withExpect(redeemThree, { ok: true, events: ['Transfer', 'Redeemed'] }), file);
    expect(result.failure).toMatchObject({ kind: 'expectation', step: redeemThree });
    expect(result.failure?.message).toBe(
      'expected events [Transfer, Redeemed], got [Transfer, Transfer, Transfer, Redeemed]',
    );
  });

  it('a revert where the action succeeds', async () => {
    const result = await replay(withExpect(redeemThree, { revert: 'ZeroAmount' }), file);
    expect(result.failure).toMatchObject({ kind: 'expectation', step: redeemThree });
    expect(result.failure?.message).toBe('expected revert ZeroAmount, got success returning [2]');
  });

  // Lists compare element by element: ["FEE, 1000", "990"] must not match ["FEE", "1000", "990"].
  it('args that only join to the same text', async () => {
    const shortfall = 'fee-on-transfer-shortfall.json';
    const trace = structuredClone(traces.get(shortfall) as Trace);
    const action = trace.actions[1] as Trace['actions'][number];
    expect(action.expect).toEqual({ revert: 'CollateralShortfall', args: ['FEE', '1000', '990'] });
    action.expect = { revert: 'CollateralShortfall', args: ['FEE, 1000', '990'] };
    const result = await replay(trace, shortfall);
    expect(result.failure).toMatchObject({ kind: 'expectation', step: 1 });
  });

  it('wrong revert arguments', async () => {
    const trace = structuredClone(traces.get('oracle-escalation-arbitration.json') as Trace);
    const step = trace.actions.findIndex(
      (a) => a.expect !== undefined && 'revert' in a.expect && a.expect.revert === 'BondTooLow',
    );
    trace.actions[step] = {
      ...(trace.actions[step] as Trace['actions'][number]),
      expect: { revert: 'BondTooLow', args: ['1', '2'] },
    };
    const result = await replay(trace, 'oracle-escalation-arbitration.json');
    expect(result.failure).toMatchObject({ kind: 'expectation', step });
    expect(result.failure?.message).toBe(
      'expected BondTooLow(1, 2), got revert BondTooLow(1000000000000000000, 999999999999999999)',
    );
  });
});

describe('docs/trace-format.md stays true', () => {
  it('its worked example replays and passes', async () => {
    const section = doc.slice(doc.indexOf('## A worked example'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const trace = parseTrace(json as string, 'docs/trace-format.md');
    expect(trace.actions).toHaveLength(13);
    const result = await replay(trace, 'docs/trace-format.md');
    expect(result.failure, result.failure?.message).toBeUndefined();
  });

  it('its table of names and addresses is the deployed world', async () => {
    const book = new NameBook((await environmentFor({ actors: 4, approvals: true })).setup);
    const rows = [...doc.matchAll(/^ *\| `(\w+)` +\|.*\| `(0x[0-9a-f]{40})` \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual([
      ...['BOND', 'WETH', 'USDC', 'NORET', 'FEE', 'CALLBACK'],
      ...['RFALSE', 'ZEROREV', 'RACE', 'PAUSABLE', 'BLOCKLIST', 'DEC255', 'RAWSYM', 'RAWSYM2', 'RAWSYM3', 'RAWSYM4'],
      ...['REBASING', 'UPGRADABLE', 'U96', 'ZEROAPPROVE', 'SELFFROM', 'MULTI', 'MULTIALT', 'PERMITFB'],
      ...['FLASH', 'NATIVE'],
    ]);
    for (const [, name, address] of rows) expect(book.address(name as string), name).toBe(address);
    const contracts = [...doc.matchAll(/`(oracle|market)` at `(0x[0-9a-f]{40})`/g)];
    expect(contracts.map((m) => m[1])).toEqual(['oracle', 'market']);
    for (const [, name, address] of contracts) expect(book.address(name as string), name).toBe(address);
    expect(book.address('alice')).toBe('0x0000000000000000000000000000000000ac7001');
    expect(doc).toContain('`alice` = `0x0000000000000000000000000000000000ac7001`');
    expect(book.address('arbitrator')).toBe('0x000000000000000000000000000000000000a4b1');
    expect(doc).toContain('the arbitrator is `0x000000000000000000000000000000000000a4b1`');
  });
});
