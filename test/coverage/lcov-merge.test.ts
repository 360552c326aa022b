import { describe, expect, it } from 'vitest';
import { type CoverageData, mergeCoverage, parseCoverage, stringifyCoverage } from '../../fuzz/coverage/data.ts';
import { renderLcov } from '../../fuzz/coverage/lcov.ts';
import { type CoverageRecorder, recordCoverage } from '../../fuzz/coverage/recorder.ts';
import { buildCoverageReport } from '../../fuzz/coverage/report.ts';
import { compileTiny, deployTiny } from './tiny.ts';

const artifacts = compileTiny();

async function coverageOf(...xs: bigint[]): Promise<CoverageData> {
  let recorder: CoverageRecorder | undefined;
  const { add } = await deployTiny(artifacts, (chain) => {
    recorder = recordCoverage(chain.evm, artifacts);
  });
  for (const x of xs) await add(x);
  return (recorder as CoverageRecorder).data();
}

interface LcovRecord {
  sf: string;
  fields: Map<string, string[]>;
}

/** A strict lcov reader: every line is a known record, every section opens with SF and closes. */
function parseLcov(text: string): LcovRecord[] {
  const records: LcovRecord[] = [];
  let current: LcovRecord | undefined;
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  for (const line of lines) {
    if (line === 'end_of_record') {
      expect(current).toBeDefined();
      records.push(current as LcovRecord);
      current = undefined;
      continue;
    }
    const match = /^(TN|SF|FN|FNDA|FNF|FNH|BRDA|BRF|BRH|DA|LF|LH):(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, key, value] = match as unknown as [string, string, string];
    if (key === 'TN') continue;
    if (key === 'SF') {
      expect(current).toBeUndefined();
      current = { sf: value, fields: new Map() };
      continue;
    }
    expect(current, line).toBeDefined();
    const fields = (current as LcovRecord).fields;
    fields.set(key, [...(fields.get(key) ?? []), value]);
  }
  expect(current).toBeUndefined();
  return records;
}

describe('lcov output and coverage data', () => {
  it('writes well-formed lcov whose totals agree with its records', async () => {
    const files = buildCoverageReport(artifacts, await coverageOf(20n));
    const text = renderLcov(files, (unit) => `/abs/${unit}`);
    expect(text.startsWith('TN:cliffless\n')).toBe(true);
    const [record, ...rest] = parseLcov(text);
    expect(rest).toEqual([]);
    expect(record?.sf).toBe('/abs/contracts/Tiny.sol');
    const get = (key: string) => record?.fields.get(key) ?? [];
    const da = get('DA').map((v) => v.split(',').map(Number));
    expect(Number(get('LF')[0])).toBe(da.length);
    expect(Number(get('LH')[0])).toBe(da.filter(([, n]) => (n as number) > 0).length);
    const brda = get('BRDA').map((v) => v.split(','));
    expect(Number(get('BRF')[0])).toBe(brda.length);
    expect(Number(get('BRH')[0])).toBe(brda.filter((b) => b[3] !== '-' && Number(b[3]) > 0).length);
    expect(Number(get('FNF')[0])).toBe(get('FN').length);
    expect(get('FNDA').length).toBe(get('FN').length);
    // Lines are in ascending order and every DA line exists in the source.
    const lines = da.map(([line]) => line as number);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(renderLcov([], (u) => u)).toBe('TN:cliffless\n');
  });

  it('merges by union: every block and jump of either side, counts added', async () => {
    const a = await coverageOf(20n);
    const b = await coverageOf(1n);
    const merged = mergeCoverage(a, b);
    const runtime = (d: CoverageData) => d.contracts['contracts/Tiny.sol:Tiny']?.runtime;
    for (const part of [a, b]) {
      for (const [pc, n] of Object.entries(runtime(part)?.blocks ?? {})) {
        expect(runtime(merged)?.blocks[pc]).toBe(n + (runtime(part === a ? b : a)?.blocks[pc] ?? 0));
      }
    }
    expect(mergeCoverage(b, a)).toEqual(merged);
    const [file] = buildCoverageReport(artifacts, merged);
    expect(file?.branches.map((br) => br.counts)).toEqual([[1, 1]]);
    expect(file?.lines.get(9)).toBe(1);
    expect(file?.lines.get(11)).toBe(1);
    expect(() => mergeCoverage(a, { ...b, artifactsKey: 'other' })).toThrow(/different compilations/);
  });

  it('round-trips through JSON and rejects malformed data naming the field', async () => {
    const data = await coverageOf(20n, 3n);
    expect(parseCoverage(stringifyCoverage(data), 'x.json')).toEqual(mergeCoverage(data));
    expect(() => parseCoverage('{', 'x.json')).toThrow(/x\.json: not JSON/);
    const bad = JSON.parse(stringifyCoverage(data));
    bad.contracts['contracts/Tiny.sol:Tiny'].runtime.jumps['10'] = [1];
    expect(() => parseCoverage(JSON.stringify(bad), 'x.json')).toThrow(
      'x.json: $.contracts.contracts/Tiny.sol:Tiny.runtime.jumps.10: expected [fellThrough, jumped]',
    );
    expect(() => buildCoverageReport(artifacts, { ...data, artifactsKey: 'f'.repeat(64) })).toThrow(
      /contracts changed/,
    );
  });
});
