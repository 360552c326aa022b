import { describe, expect, it } from 'vitest';
import { CodeIndex } from '../../fuzz/coverage/code-index.ts';
import { renderLcov } from '../../fuzz/coverage/lcov.ts';
import { analyzeProgram } from '../../fuzz/coverage/program.ts';
import { type CoverageRecorder, recordCoverage } from '../../fuzz/coverage/recorder.ts';
import { buildCoverageReport, instructionCounts } from '../../fuzz/coverage/report.ts';
import type { Chain } from '../../fuzz/evm/index.ts';
import { compileTiny, deployTiny } from './tiny.ts';

const artifacts = compileTiny();

/** Records every executed pc per contract by wrapping every opcode handler: the slow ground truth. */
function groundTruth(chain: Chain): Map<string, Set<number>> {
  const index = new CodeIndex(artifacts);
  const seen = new Map<string, Set<number>>();
  const map = (chain.evm as unknown as { _opcodeMap: { opHandler: (rs: never, c: unknown) => unknown }[] })._opcodeMap;
  for (const entry of new Set(map)) {
    const original = entry.opHandler;
    entry.opHandler = (runState: never, common: unknown) => {
      const rs = runState as { code: Uint8Array; programCounter: number };
      const id = index.identify(rs.code);
      if (id !== undefined) {
        const key = `${id.kind} ${id.contract}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(rs.programCounter - 1));
      }
      return original(runState, common);
    };
  }
  return seen;
}

describe('coverage of a tiny contract with one branch taken one way', () => {
  it('maps to exact lines, functions and branches', async () => {
    let recorder: CoverageRecorder | undefined;
    const { add } = await deployTiny(artifacts, (chain) => {
      recorder = recordCoverage(chain.evm, artifacts);
    });
    await add(20n);
    const [file] = buildCoverageReport(artifacts, (recorder as CoverageRecorder).data());
    const lcov = renderLcov(file === undefined ? [] : [file], (unit) => unit);
    // 5: the getter of `total` (never called), 8: the if, 9: its true body, 11: the else body, 16: never().
    expect(lcov.match(/^DA:.*$/gm)).toEqual(['DA:5,0', 'DA:8,1', 'DA:9,1', 'DA:11,0', 'DA:16,0']);
    expect(lcov.match(/^BRDA:.*$/gm)).toEqual(['BRDA:8,0,0,1', 'BRDA:8,0,1,0']);
    expect(lcov.match(/^FNDA:.*$/gm)).toEqual(['FNDA:1,Tiny.add', 'FNDA:0,Tiny.never']);
    expect(lcov).toContain('LF:5\nLH:2\n');
  });

  it('takes the other way when the condition is false', async () => {
    let recorder: CoverageRecorder | undefined;
    const { add } = await deployTiny(artifacts, (chain) => {
      recorder = recordCoverage(chain.evm, artifacts);
    });
    await add(3n);
    await add(4n);
    const [file] = buildCoverageReport(artifacts, (recorder as CoverageRecorder).data());
    expect(file?.branches.map((b) => b.counts)).toEqual([[0, 2]]);
    expect(file?.lines.get(9)).toBe(0);
    expect(file?.lines.get(11)).toBe(2);
  });

  it('finds exactly the instructions a per-instruction ground truth sees, creation code included', async () => {
    let recorder: CoverageRecorder | undefined;
    let truth = new Map<string, Set<number>>();
    const { add } = await deployTiny(artifacts, (chain) => {
      recorder = recordCoverage(chain.evm, artifacts);
      truth = groundTruth(chain);
    });
    await add(20n);
    await add(1n);
    const data = (recorder as CoverageRecorder).data();
    expect(Object.keys(data.contracts)).toEqual(['contracts/Tiny.sol:Tiny']);
    for (const kind of ['runtime', 'creation'] as const) {
      const program = analyzeProgram(artifacts.contracts['contracts/Tiny.sol:Tiny'] as never, kind, {
        byRange: new Map(),
        byCondition: new Map(),
      });
      const hits = data.contracts['contracts/Tiny.sol:Tiny']?.[kind];
      expect(hits).toBeDefined();
      const counts = instructionCounts(program, hits as never);
      const derived = program.instructions.filter((_, i) => (counts[i] as number) > 0).map((ins) => ins.pc);
      expect(derived).toEqual([...(truth.get(`${kind} contracts/Tiny.sol:Tiny`) ?? [])].sort((a, b) => a - b));
    }
  });

  it('leaves nothing behind when detached, and records nothing unless attached', async () => {
    const plain = await deployTiny(artifacts);
    const evm = plain.chain.evm as unknown as {
      _opcodeMap: { opHandler: unknown }[];
      runInterpreter: unknown;
      events: { listenerCount(e: string): number };
    };
    const handlers = evm._opcodeMap.map((e) => e.opHandler);
    // Off: no own runInterpreter, no step listener; the handlers are the EVM's own.
    expect(Object.hasOwn(evm, 'runInterpreter')).toBe(false);
    expect(evm.events.listenerCount('step')).toBe(0);

    const recorder = recordCoverage(plain.chain.evm, artifacts);
    expect(Object.hasOwn(evm, 'runInterpreter')).toBe(true);
    expect(evm._opcodeMap[0x5b]?.opHandler).not.toBe(handlers[0x5b]);
    await plain.add(20n);
    recorder.detach();
    expect(Object.hasOwn(evm, 'runInterpreter')).toBe(false);
    expect(evm._opcodeMap.map((e) => e.opHandler)).toEqual(handlers);
    expect(evm.events.listenerCount('step')).toBe(0);
    const before = JSON.stringify(recorder.data());
    await plain.add(1n);
    expect(JSON.stringify(recorder.data())).toBe(before);
  });
});
