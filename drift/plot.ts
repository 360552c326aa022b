import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { DriftRun, SamplePath } from './simulate.ts';

/**
 * The drift picture as SVG, drawn by Vega-Lite (compiled to Vega and rendered headless, no DOM or
 * canvas needed): on top the distribution of the rolling holder's yearly log change over all
 * paths; below, a few sample paths: the index, the rolling holder's value and the debt position's
 * equity, each divided by its start, with each liquidation marked.
 */
export async function driftPlotSvg(run: DriftRun, samples: readonly SamplePath[]): Promise<string> {
  const { summary } = run;
  const title = `σ = ${summary.sigma}, ${summary.paths} paths: annual std ${(summary.annualStd * 100).toFixed(2)}%, debt liquidated on ${(summary.debt.liquidationRate * 100).toFixed(1)}% of paths`;
  const outcomes = run.yearlyLog.map((v) => ({ percent: v * 100 }));
  const rows = samples.flatMap(({ path, record }) =>
    record.day.flatMap((day, i) => [
      { path: `path ${path}`, day, panel: 'index ÷ start', value: record.index[i] },
      { path: `path ${path}`, day, panel: 'rolling P holder ÷ start', value: record.holder[i] },
      { path: `path ${path}`, day, panel: 'debt equity ÷ start', value: record.debt[i] },
    ]),
  );
  const liquidations = samples.flatMap(({ path, record, liquidationDay }) => {
    if (liquidationDay === undefined) return [];
    const i = record.day.indexOf(liquidationDay);
    return [{ path: `path ${path}`, day: liquidationDay, panel: 'debt equity ÷ start', value: record.debt[i] }];
  });
  const line = (panel: string, width: number) => ({
    width,
    height: 180,
    title: panel === 'debt equity ÷ start' ? 'debt equity ÷ start (◆ liquidated)' : panel,
    layer: [
      {
        data: { values: rows.filter((r) => r.panel === panel) },
        mark: { type: 'line', strokeWidth: 1.2 },
        encoding: {
          x: { field: 'day', type: 'quantitative', title: 'day' },
          y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
          color: { field: 'path', type: 'nominal', title: 'sample path' },
        },
      },
      {
        data: { values: liquidations.filter((r) => r.panel === panel) },
        mark: { type: 'point', shape: 'diamond', size: 90, filled: true, color: 'black' },
        encoding: { x: { field: 'day', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
      },
    ],
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Drift against the cliff', subtitle: title },
    background: 'white',
    vconcat: [
      {
        width: 760,
        height: 200,
        title: 'rolling P holder: log(value after a year ÷ value at its start), % (all paths)',
        data: { values: outcomes },
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          x: { field: 'percent', type: 'quantitative', bin: { maxbins: 80 }, title: 'yearly log change, %' },
          y: { aggregate: 'count', type: 'quantitative', title: 'paths' },
        },
      },
      {
        hconcat: [line('index ÷ start', 230), line('rolling P holder ÷ start', 230), line('debt equity ÷ start', 230)],
        resolve: { scale: { color: 'shared' } },
      },
    ],
  } as TopLevelSpec;
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
