import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.ts';
import { ensureTool, validateXml } from '../support/ci-tools.ts';
import { type CliResult, ROOT, runCliffless } from '../support/cli.ts';

// One short failing campaign on a broken copy (P rounds up, as in the README), shared by every
// assertion below: the JUnit report, the step summary, the annotation, then a replayed folder.
const work = mkdtempSync(join(tmpdir(), 'cliffless-ci-'));
const broken = join(work, 'broken');
const out = join(work, 'traces');
const summary = join(work, 'step-summary.md');
const junit = join(work, 'fuzz.xml');
const missingXmllint = ensureTool('xmllint', 'libxml2-utils');
let fuzz: CliResult;

function annotationsOf(stdout: string): { file: string; line: number; message: string }[] {
  return [...stdout.matchAll(/^::error file=([^,]+),line=(\d+),title=[^:]*::(.*)$/gm)].map((m) => ({
    file: m[1] as string,
    line: Number(m[2]),
    message: m[3] as string,
  }));
}

/** The 1-based line of the broken copy that the sed changed: derived from the file, not a number. */
function mutatedLine(): number {
  const lines = readFileSync(join(broken, 'libraries', 'PayoutMath.sol'), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes('Math.mulDiv(a, strike, x, Math.Rounding.Ceil)'));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

beforeAll(() => {
  cpSync(join(ROOT, 'contracts'), broken, { recursive: true });
  const payout = join(broken, 'libraries', 'PayoutMath.sol');
  const source = readFileSync(payout, 'utf8');
  writeFileSync(payout, source.replace('Math.mulDiv(a, strike, x)', 'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)'));
  mkdirSync(out);
  // Seed 2's run 0 fails on this copy with the payout redeem returned (seed 1's first failure is
  // M3's, a broken property, on the 26-token world): four runs are the whole campaign.
  fuzz = runCliffless(['fuzz', '--contracts', broken, '--out', out, '--seed', '2', '--runs', '4', '--junit', junit], {
    env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('CI outputs of a failing campaign on a broken copy', () => {
  it('fails with a trace, and a JUnit report the Jenkins junit-10 schema accepts', ({ skip }) => {
    expect(fuzz.code, fuzz.stderr).toBe(1);
    if (missingXmllint !== undefined) skip(missingXmllint);
    expect(validateXml(junit)).toEqual({ ok: true, output: `${junit} validates\n` });
    const xml = readFileSync(junit, 'utf8');
    const [trace] = readdirSync(out);
    expect(xml).toMatch(/<testsuite name="cliffless fuzz, seed 2" tests="14" failures="1"/);
    // The failure sits on D1's case and carries both sides' values, the trace and the replay command.
    const d1 = /<testcase name="D1 equivalence"[^>]*>\s*<failure message="([^"]*)" type="D1">([^<]*)<\/failure>/.exec(
      xml,
    );
    expect(d1?.[1]).toBe('model and EVM differ at outcome.returns[0]');
    expect(d1?.[2]).toContain('- model: 0');
    expect(d1?.[2]).toContain('+ evm:   1');
    expect(d1?.[2]).toContain(`replay with: npx cliffless replay ${join(out, trace as string)} --contracts ${broken}`);
  });

  it('rejects a report that breaks the schema (the check can fail)', ({ skip }) => {
    if (missingXmllint !== undefined) skip(missingXmllint);
    const bad = join(work, 'bad.xml');
    writeFileSync(bad, readFileSync(junit, 'utf8').replace(/<testcase name="[^"]*"/, '<testcase'));
    const result = validateXml(bad);
    expect(result.ok).toBe(false);
    expect(result.output).toContain("The attribute 'name' is required but missing");
  });

  it('annotates the Solidity line of the call that computed the wrong payout', () => {
    const annotations = annotationsOf(fuzz.stdout);
    expect(annotations).toHaveLength(1);
    const [annotation] = annotations;
    expect(resolve(annotation?.file as string)).toBe(join(broken, 'libraries', 'PayoutMath.sol'));
    expect(annotation?.line).toBe(mutatedLine());
    expect(annotation?.message).toContain('model and EVM differ at outcome.returns[0]');
  });

  it('writes the summary tables and the failure into the step summary', () => {
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## cliffless fuzz, seed 2');
    expect(markdown).toContain('**Failed** [D1]: model and EVM differ at outcome.returns[0]');
    expect(markdown).toContain(`PayoutMath.sol:${mutatedLine()}\`: \`return x <= strike ? a : Math.mulDiv`);
    expect(markdown).toMatch(
      /\| property \| checks \| violations \| statement \|\n\| --- \| ---: \| ---: \| --- \|\n\| M1 \| \d+ \| 0 \| pairs \|/,
    );
    expect(markdown).toMatch(/\| D1 \| \d+ \| 1 \| equivalence \|/);
    expect(markdown).toMatch(/\| redeem \| \d+ \| \d+ \| \d+ \|/);
  });

  it('replays a folder of traces together: one case per trace, the failing one annotated', ({ skip }) => {
    const folder = join(work, 'regressions');
    mkdirSync(folder);
    const [trace] = readdirSync(out);
    copyFileSync(join(out, trace as string), join(folder, 'rounding.json'));
    copyFileSync(join(ROOT, 'test', 'traces', 'settle-at-strike.json'), join(folder, 'settle-at-strike.json'));
    const report = join(work, 'replay.xml');
    const replay = runCliffless(['replay', folder, '--contracts', broken, '--junit', report, '--github']);
    expect(replay.code, replay.stderr).toBe(1);
    expect(replay.stdout).toContain(`FAIL ${join(folder, 'rounding.json')}`);
    expect(replay.stdout).toContain(`PASS ${join(folder, 'settle-at-strike.json')}`);
    expect(replay.stdout).toContain('replayed 2 traces: 1 passed, 1 failed');
    expect(annotationsOf(replay.stdout).map((a) => a.line)).toEqual([mutatedLine()]);
    const xml = readFileSync(report, 'utf8');
    expect(xml).toMatch(/<testsuite name="cliffless replay" tests="2" failures="1"/);
    if (missingXmllint !== undefined) skip(missingXmllint);
    expect(validateXml(report).ok).toBe(true);
  });

  it("annotates an audit difference on the new version's line, not the base's", () => {
    // The shipped contracts as base, the broken copy as new: with seed 1 the generator reaches a
    // redeem whose rounded payout differs in run 3 at the default depth of 100 (on the 26-token
    // world, as docs/ci.md's sample): four runs.
    const base = join(ROOT, 'contracts');
    const runs = ['--runs', '4', '--depth', '100'];
    const audit = runCliffless([
      'audit',
      '--base',
      base,
      '--contracts',
      broken,
      ...runs,
      '--out',
      join(work, 'audit'),
      '--github',
    ]);
    expect(audit.code, audit.stderr).toBe(1);
    const annotations = annotationsOf(audit.stdout);
    expect(annotations).toHaveLength(1);
    const [annotation] = annotations;
    expect(resolve(annotation?.file as string)).toBe(join(broken, 'libraries', 'PayoutMath.sol'));
    expect(annotation?.line).toBe(mutatedLine());
    expect(annotation?.message).toMatch(
      /^new diverges from the model \(regression\) at step \d+, redeem .+: outcome\.returns\[0\] is 0 on base, 1 on new \(trace .+audit-redeem-[0-9a-f]+\.json\)$/,
    );
  });

  // The replays below run in this process through `main(argv)` (the same exit code and output
  // without a second or two of start-up each); the campaign above is the real process.
  it("points a revert at its revert line, and a state divergence at the step's last state-changing call", async () => {
    const [trace] = readdirSync(out);
    const file = join(out, trace as string);
    // Two more copies, each replaying the same trace (its last step redeems 1 P and 0 N claims).
    const variant = async (name: string, from: string, to: string) => {
      const dir = join(work, name);
      cpSync(join(ROOT, 'contracts'), dir, { recursive: true });
      const market = join(dir, 'SplitMarket.sol');
      const source = readFileSync(market, 'utf8');
      expect(source).toContain(from);
      writeFileSync(market, source.replace(from, to));
      const replay = await runMain(['replay', file, '--contracts', dir, '--probes', '0', '--github']);
      expect(replay.code, replay.stderr).toBe(1);
      const lines = readFileSync(market, 'utf8').split('\n');
      return {
        annotations: annotationsOf(replay.stdout),
        lineOf: (text: string) => lines.findIndex((l) => l.includes(text)) + 1,
      };
    };
    // A zero side now reverts: the EVM reverts where the model does not.
    const strict = await variant('strict', 'pAmount == 0 && nAmount == 0', 'pAmount == 0 || nAmount == 0');
    expect(strict.annotations.map((a) => a.line)).toEqual([
      strict.lineOf('pAmount == 0 || nAmount == 0) revert ZeroAmount'),
    ]);
    // `locked` keeps one wei too many: the outcome agrees, the state does not. That step's last
    // state-changing call is the N burn (the payout is 0, so nothing is transferred).
    const leaky = await variant('leaky', 's.locked -= payout;', 's.locked = s.locked + 1 - payout;');
    expect(leaky.annotations).toHaveLength(1);
    expect(leaky.annotations[0]?.message).toMatch(/differ at state\.series\..*\.locked/);
    expect(leaky.annotations[0]?.line).toBe(leaky.lineOf('ClaimToken(s.nToken).burn(msg.sender, nAmount)'));
  });

  it('refuses an existing --junit file without --force, a missing folder and a folder with no trace, exit 2', async () => {
    const existing = join(work, 'existing.xml');
    writeFileSync(existing, 'keep me');
    const trace = join(ROOT, 'test', 'traces', 'settle-at-strike.json');
    const refused = await runMain(['replay', trace, '--junit', existing]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--junit ${existing}: already exists`);
    expect(refused.stderr).not.toContain('compiled contracts');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const missing = await runMain(['replay', trace, '--junit', join(work, 'no', 'such', 'r.xml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`the folder ${join(work, 'no', 'such')} does not exist`);
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const none = await runMain(['replay', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`${empty}: the folder holds no .json trace`);
    const forced = await runMain(['replay', trace, '--junit', existing, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(existing, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites/);
  });
});
