import { escape as escapeHtml } from 'html-escaper';
import type { FailureLocation } from './step-summary.ts';
import type { TimelineStep } from './trace-timeline.ts';

/** What the trace page shows. */
export interface TracePage {
  file: string;
  title?: string;
  steps: readonly TimelineStep[];
  /** The failure, if the trace failed: its headline, both sides' values and its Solidity line. */
  failure?: {
    step: number;
    headline: string;
    rows: readonly { what: string; model: string; evm: string }[];
    location?: FailureLocation;
  };
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #1f2328; }
h1 { font-size: 1.4em; } code, td.v, .action { font-family: ui-monospace, monospace; }
.verdict { padding: .6em 1em; border-radius: 6px; font-weight: 600; }
.pass { background: #dafbe1; } .fail { background: #ffebe9; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid #d0d7de; }
ol.timeline > li { margin: 0 0 .8em 0; padding: .4em .8em; position: relative; }
ol.timeline > li::before { content: ''; position: absolute; left: -9px; top: .8em; width: 12px; height: 12px; border-radius: 50%; background: #2da44e; }
ol.timeline > li.revert::before { background: #bf8700; } ol.timeline > li.failing::before { background: #cf222e; }
li.failing { background: #ffebe9; border-radius: 6px; }
.outcome { color: #57606a; } .events span { background: #ddf4ff; border-radius: 4px; padding: 0 .4em; margin-right: .3em; }
table { border-collapse: collapse; margin: .4em 0; } td, th { border: 1px solid #d0d7de; padding: .2em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.v { word-break: break-all; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.sides section { border: 1px solid #d0d7de; border-radius: 6px; padding: .6em 1em; }
`;

/**
 * One self-contained HTML page for a replayed trace (inline style, no script, nothing fetched): the
 * verdict, the failing step with the model's and the EVM's values side by side and its Solidity
 * line, then every step as a timeline with its outcome, events and the state it changed.
 */
export function renderTracePage(page: TracePage): string {
  const e = (text: string) => escapeHtml(text);
  const failure = page.failure;
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>cliffless trace ${e(page.file)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>Trace <code>${e(page.file)}</code></h1>`,
    page.title === undefined ? '' : `<p>${e(page.title)}</p>`,
    failure === undefined
      ? `<p class="verdict pass" id="verdict">PASS: ${page.steps.length} actions, model and EVM agree, every property holds</p>`
      : `<p class="verdict fail" id="verdict">FAIL at step ${failure.step}: ${e(failure.headline)}</p>`,
  ];
  if (failure !== undefined) {
    const failing = page.steps[failure.step];
    parts.push(
      '<h2>The failing step</h2>',
      `<p class="action">${failing === undefined ? '' : e(`${failure.step}  ${failing.action}`)}</p>`,
      failure.location === undefined
        ? ''
        : `<p>Solidity: <code>${e(`${failure.location.file}:${failure.location.line.line}`)}</code> <code>${e(failure.location.line.text)}</code></p>`,
      '<div class="sides" id="sides">',
      side(
        'model (reference)',
        failure.rows.map((r) => [r.what, r.model]),
      ),
      side(
        'EVM (contracts)',
        failure.rows.map((r) => [r.what, r.evm]),
      ),
      '</div>',
    );
  }
  parts.push('<h2>Steps</h2>', '<ol class="timeline" id="timeline">');
  for (const step of page.steps) {
    const failing = failure?.step === step.index;
    parts.push(
      `<li class="${failing ? 'failing' : step.ok ? 'ok' : 'revert'}">`,
      `<div class="action"><b>${step.index}</b>  ${e(step.action)}</div>`,
      `<div class="outcome">→ ${e(step.outcome)}</div>`,
      step.events.length === 0
        ? ''
        : `<div class="events">${step.events.map((n) => `<span>${e(n)}</span>`).join('')}</div>`,
      step.changes.length === 0
        ? ''
        : `<table><tr><th>changed</th><th>before</th><th>after</th></tr>${step.changes
            .map(
              (c) =>
                `<tr><td class="v">${e(c.path)}</td><td class="v">${e(c.before)}</td><td class="v">${e(c.after)}</td></tr>`,
            )
            .join('')}</table>`,
      '</li>',
    );
  }
  parts.push('</ol>', '</body></html>', '');
  return parts.filter((p) => p !== '').join('\n');

  function side(title: string, rows: string[][]): string {
    return `<section><h3>${e(title)}</h3><table>${rows
      .map(([what, value]) => `<tr><td class="v">${e(what ?? '')}</td><td class="v">${e(value ?? '')}</td></tr>`)
      .join('')}</table></section>`;
  }
}
