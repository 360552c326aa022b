import { type Column, textRow } from '../fuzz/cli/kit/table.ts';
import type { ForgeFigures } from './forge-invariants.ts';
import type { BenchFigures } from './measure.ts';
import type { Section } from './profile.ts';
import type { ActorsFigure, WorkersFigure } from './scale.ts';

/** Issue 7's targets: per-action cost from 2 to 16 actors, and the speedup of 2 workers. */
export const ACTOR_COST_TARGET = 1.5;
export const WORKER_SPEEDUP_TARGET = 1.8;

/** Sections shown per world size: those whose cost could grow with the number of actors. */
const ACTOR_SECTIONS: [Section | 'rest', string][] = [
  ['generation', 'generation'],
  ['modelExecute', 'model: execute'],
  ['modelObserve', 'model: observe'],
  ['evmExecute', 'EVM: execute'],
  ['evmObserve', 'EVM: observe'],
  ['d1', 'D1'],
  ['properties', 'properties'],
  ['payouts', 'M3/M4 payoutOf reads'],
  ['probes', 'probes (M6, O5)'],
  ['resets', 'run starts'],
  ['rest', 'the rest'],
];

/** Per-action cost at 16 actors over that at 2 (wall, uninstrumented medians). */
export function actorCostRatio(actors: readonly ActorsFigure[]): number {
  const at = (n: number) => actors.find((a) => a.actors === n);
  const [two, sixteen] = [at(2), at(16)];
  if (two === undefined || sixteen === undefined) return Number.NaN;
  return two.actionsPerSecond / sixteen.actionsPerSecond;
}

/** Wall time with 1 worker over wall time with 2, on the same campaign. */
export function workerSpeedup(workers: readonly WorkersFigure[]): number {
  const [one, two] = [workers.find((w) => w.workers === 1), workers.find((w) => w.workers === 2)];
  return one === undefined || two === undefined ? Number.NaN : one.wallMs / two.wallMs;
}

const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

/** The scaling and forge parts of the bench's report. */
export function scaleLines(figures: BenchFigures): string[] {
  const { config } = figures;
  const lines: string[] = [];
  if (figures.actors !== undefined) {
    const actors = figures.actors;
    const base = actors[0] as ActorsFigure;
    lines.push(
      '',
      `scaling with actors: seed ${config.seed}, ${config.actorRuns} runs, depth ${config.depth}, ` +
        `${config.probesPerStep} probes/step, one world per size; medians of ${config.actorRounds} interleaved round(s), wall`,
      'actors   actions   actions/s   us/action   cost x 2 actors',
    );
    for (const a of actors) {
      lines.push(
        textRow(rightAligned([6, 10, 12, 12, 18]), [
          String(a.actors),
          String(a.actions),
          a.actionsPerSecond.toFixed(0),
          ((a.wallMs * 1000) / a.actions).toFixed(0),
          (base.actionsPerSecond / a.actionsPerSecond).toFixed(2),
        ]),
      );
    }
    const ratio = actorCostRatio(actors);
    const sections: Column[] = [{ width: 70 }, ...rightAligned(actors.map(() => 11))];
    lines.push(
      `target: per-action cost from 2 to 16 actors <= ${ACTOR_COST_TARGET}x: ${met(ratio <= ACTOR_COST_TARGET)} at ${ratio.toFixed(2)}x`,
      '',
      textRow(sections, [
        'where an action goes, us per action (one instrumented campaign each)',
        ...actors.map((a) => `${a.actors} actors`),
      ]),
    );
    for (const [section, label] of ACTOR_SECTIONS) {
      lines.push(textRow(sections, [label, ...actors.map((a) => a.usPerAction[section].toFixed(0))]));
    }
  }
  if (figures.workers !== undefined) {
    const workers = figures.workers;
    const speedup = workerSpeedup(workers);
    lines.push(
      '',
      `worker threads: the same campaign (seed ${config.seed}, ${config.workerRuns} runs, depth ${config.depth}, 4 actors), ` +
        `wall incl. the second thread's startup; medians of ${config.workerRounds} round(s)`,
      'workers    wall s   actions/s   speedup',
    );
    for (const w of workers) {
      lines.push(
        textRow(rightAligned([7, 10, 12, 10]), [
          String(w.workers),
          (w.wallMs / 1000).toFixed(2),
          w.actionsPerSecond.toFixed(0),
          ((workers[0] as WorkersFigure).wallMs / w.wallMs).toFixed(2),
        ]),
      );
    }
    lines.push(
      `target: 2 workers >= ${WORKER_SPEEDUP_TARGET}x on 2 cores: ${met(speedup >= WORKER_SPEEDUP_TARGET)} at ${speedup.toFixed(2)}x ` +
        '(same summary from both, checked)',
    );
  }
  if (figures.forge !== undefined) lines.push('', ...forgeLines(figures.forge, figures));
  return lines;
}

function forgeLines(forge: ForgeFigures, figures: BenchFigures): string[] {
  const runs =
    forge.runsOverride === undefined ? "foundry.toml's [invariant] runs" : `${forge.runsOverride} runs (--quick)`;
  const harness = figures.harness.actionsPerSecond.wallMs;
  return [
    `forge invariant campaign: test/forge/invariant/ProtocolInvariants.t.sol, ${runs}, 1 thread (-j 1)`,
    `  ${forge.invariants} invariants, ${forge.runs} runs, ${forge.calls} handler calls (${forge.reverts} reverted) ` +
      `in ${forge.campaignSeconds.toFixed(1)} s of forge's test time: ${forge.callsPerSecond.toFixed(0)} calls/s`,
    `  forge test process: ${forge.testWallSeconds.toFixed(1)} s wall, of which ${forge.compileSeconds.toFixed(1)} s ` +
      'compiling (solc-js through bin/solc, fresh FOUNDRY_OUT) and starting up',
    `  the harness: ${harness.toFixed(0)} actions/s (${(harness / forge.callsPerSecond).toFixed(2)} x forge's calls/s); ` +
      'each harness action runs on the model and the EVM with D1 and every property after it,',
    '  each forge call is followed by one invariant (each invariant_* runs its own campaign)',
  ];
}

/** The scaling and forge figures as JSON-ready data. */
export function scaleJson(figures: BenchFigures): object {
  const r = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    actors:
      figures.actors === undefined
        ? null
        : {
            figures: figures.actors.map((a) => ({
              actors: a.actors,
              actions: a.actions,
              wallMs: r(a.wallMs),
              actionsPerSecond: r(a.actionsPerSecond),
              usPerAction: Object.fromEntries(Object.entries(a.usPerAction).map(([k, v]) => [k, r(v)])),
            })),
            costRatio16vs2: r(actorCostRatio(figures.actors), 3),
            target: ACTOR_COST_TARGET,
          },
    workers:
      figures.workers === undefined
        ? null
        : {
            figures: figures.workers.map((w) => ({ ...w, wallMs: r(w.wallMs), rounds: w.rounds.map((x) => r(x)) })),
            speedup: r(workerSpeedup(figures.workers), 3),
            target: WORKER_SPEEDUP_TARGET,
          },
    forge: figures.forge ?? null,
  };
}

/** Figure columns of these widths, each lined up on its last digit. */
function rightAligned(widths: readonly number[]): Column[] {
  return widths.map((width) => ({ width, align: 'right' }));
}
