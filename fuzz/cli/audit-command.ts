import { resolve } from 'node:path';
import { readAllowList } from '../audit/allow-list.ts';
import { runAudit } from '../audit/audit.ts';
import { resolveBase } from '../audit/base-contracts.ts';
import { changedLines } from '../audit/changed-lines.ts';
import { findingsOf, unusedEntries } from '../audit/findings.ts';
import { auditMarkdown, type ReportContext } from '../audit/markdown.ts';
import { compileVersion, prepareAudit } from '../audit/sides.ts';
import { auditJson, auditSummary } from '../audit/terminal.ts';
import { writeDifferenceTraces } from '../audit/write-traces.ts';
import { checkContractsFolder } from '../compile/contracts-folder.ts';
import { UsageError } from '../errors.ts';
import { BranchRecorder } from '../guide/branch-recorder.ts';
import { branchTarget } from '../guide/target.ts';
import { claimOutput, deliverOutput, EXIT_OUTPUT_LOST, requireDistinct } from '../io/output.ts';
import { annotateDifferences, reportAudit } from './audit-reports.ts';
import { claimCiOutputs, withCiFlags } from './ci-outputs.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { rerunLine } from './kit/rerun.ts';
import { EXIT_INTERRUPTED, interruptOnSigint } from './kit/sigint.ts';

export const auditSpec: CommandSpec = {
  name: 'audit',
  summary: 'run the same actions on a base and a new version of the contracts and report every behaviour difference',
  usage:
    'cliffless audit --base <git-ref|folder> [--contracts DIR] [--directed] [--allow FILE] [--markdown FILE] [--runs N] [--seed N]',
  positionals: [],
  flags: withCiFlags([
    {
      name: 'base',
      type: 'string',
      description: 'The version to compare against: a contracts folder, or a git ref (its contracts/ tree)',
    },
    { name: 'contracts', type: 'string', default: 'contracts', description: 'The new version’s contracts folder' },
    { name: 'runs', type: 'int', min: 1, default: '100', description: 'Action sequences to run' },
    { name: 'depth', type: 'int', min: 1, default: '100', description: 'Most actions per sequence' },
    { name: 'seed', type: 'int', min: 0, default: '1', description: 'Seed: same seed and versions, same report' },
    { name: 'actors', type: 'int', min: 1, default: '4', description: 'Actors besides the arbitrator (1 to 16)' },
    {
      name: 'out',
      type: 'string',
      default: 'audit',
      description: 'Folder the shrunk trace of each difference goes to',
    },
    {
      name: 'allow',
      type: 'string',
      description: 'JSON allow-list of intended differences: {"allow": [{"action", "path", "reason"}]}',
    },
    {
      name: 'directed',
      type: 'boolean',
      description:
        'Choose runs with the guided loop directed at the changed lines: runs reaching their branches (or their functions) are kept and mutated first',
    },
    { name: 'markdown', type: 'string', description: 'Write the report as Markdown (a pull-request comment) here' },
    { name: 'summary-json', type: 'string', description: 'Also write the report as JSON here' },
    {
      name: 'force',
      needs: ['markdown', 'summary-json', 'junit'],
      type: 'boolean',
      description: 'Overwrite --markdown, --summary-json and --junit if they exist',
    },
  ]),
  examples: [
    'npx cliffless audit --base main                          # this branch’s contracts/ against main’s',
    'npx cliffless audit --base ../v1/contracts --markdown audit.md',
    'npx cliffless audit --base HEAD~1 --allow audit-allow.json  # exit 0 when every difference is intended',
  ],
};

/** The flags a rerun repeats: every one given. */
const AUDIT_FLAGS = auditSpec.flags.map((flag) => flag.name);

/**
 * `cliffless audit`: exit 0 when the versions behave the same (or every difference is allowed), 1
 * when a difference is not allowed, 2 on bad input (unknown ref or folder, a version that does not
 * compile or deploy, a malformed allow-list, an existing report file without --force), 130 on Ctrl-C
 * (the differences found so far are reported, their traces written unshrunk).
 */
export async function auditCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (f.base === undefined)
    throw new UsageError('--base is required: a git ref or a folder of base contracts', 'audit');
  const actors = (f.actors as number | undefined) ?? 4;
  if (actors > 16) throw new UsageError('--actors must be at most 16', 'audit');
  // Every output is claimed, and every input checked, before any work.
  const force = f.force === true;
  const markdown = typeof f.markdown === 'string' ? claimOutput('markdown', f.markdown, { force }) : undefined;
  const summary =
    typeof f['summary-json'] === 'string' ? claimOutput('summary-json', f['summary-json'], { force }) : undefined;
  const ci = claimCiOutputs(f);
  requireDistinct([markdown, summary, ci.junit]);
  const out = claimOutput('out', (f.out as string | undefined) ?? 'audit', { kind: 'folder' });
  const allow = f.allow === undefined ? undefined : readAllowList(f.allow as string);
  const newDir = (f.contracts as string | undefined) ?? 'contracts';
  checkContractsFolder(resolve(newDir), `--contracts ${newDir}`);
  const base = resolveBase(f.base as string, newDir, process.cwd());
  try {
    checkContractsFolder(base.dir, `--base ${String(f.base)}`);
    const labels = { base: base.label, new: newDir };
    const artifacts = {
      base: compileVersion('base', base.dir, base.label, log),
      new: compileVersion('new', resolve(newDir), newDir, log),
    };
    // A recorder on the new version's EVM counts the changed lines' branch directions the runs reach.
    const target = branchTarget(artifacts.new, changedLines(artifacts.base, artifacts.new));
    let recorder: BranchRecorder | undefined;
    const env = await prepareAudit(artifacts, { actors, approvals: true }, labels, {
      onNewChain: (chain) => {
        recorder = new BranchRecorder(chain.evm, artifacts.new);
      },
    });
    if (recorder === undefined) throw new Error('internal: the branch recorder was never attached');
    const directed = f.directed === true;
    const seed = (f.seed as number | undefined) ?? 1;
    const runs = (f.runs as number | undefined) ?? 100;
    const depth = (f.depth as number | undefined) ?? 100;
    const stop = interruptOnSigint(log, 'finishing the run in progress');
    log(
      `auditing: seed ${seed}, ${runs} runs${directed ? ' directed at the changed lines' : ''}, depth up to ${depth}, ${actors} actors; ${target.lines.length} changed line(s), ${target.directions.length} branch direction(s) on them`,
    );
    let lastLog = Date.now();
    let known = 0;
    const result = await runAudit(env, {
      seed,
      runs,
      depth,
      signal: stop.signal,
      target: { target, recorder, guided: directed },
      onRun: (done, differences) => {
        // A new difference is news at once; otherwise a line every 10 s.
        if (Date.now() - lastLog < 10_000 && differences === known) return;
        known = differences;
        lastLog = Date.now();
        log(`runs ${done}/${runs}, ${differences} difference(s) so far`);
      },
    }).finally(() => {
      stop.dispose();
      recorder?.detach();
    });
    const interrupted = stop.signal.aborted;
    const { written: traces, lost: tracesLost } = writeDifferenceTraces(env, result.groups, out, seed, {
      base: base.label,
      next: newDir,
    });
    let lost = tracesLost ? EXIT_OUTPUT_LOST : 0;
    const findings = findingsOf(env, result.groups, traces, allow);
    const context: ReportContext = {
      base: { label: base.label, replay: base.replay },
      next: { label: newDir, contractsDir: newDir },
      seed,
      depth,
      ...(allow === undefined ? {} : { allowFile: allow.file, unusedAllowEntries: unusedEntries(allow, findings) }),
    };
    process.stdout.write(`${auditSummary(result, findings, context)}\n`);
    if (interrupted) {
      const outputs = [markdown, summary].filter((c) => c !== undefined).map((c) => `--${c.flag}`);
      process.stdout.write(
        `interrupted by Ctrl-C after ${result.runs} of ${runs} runs: the differences above are those found so far, unshrunk` +
          `${outputs.length > 0 ? `; ${outputs.join(' and ')} not written` : ''}\n` +
          `rerun with: ${rerunLine('audit', args, AUDIT_FLAGS)}\n`,
      );
      return EXIT_INTERRUPTED;
    }
    if (markdown !== undefined) {
      const delivered = deliverOutput(markdown, auditMarkdown(result, findings, context), 'MARKDOWN REPORT');
      if (delivered.lost !== undefined) lost = EXIT_OUTPUT_LOST;
      else process.stdout.write(`markdown report written to ${markdown.path}\n`);
    }
    if (summary !== undefined) {
      const json = `${JSON.stringify(auditJson(result, findings, context), null, 2)}\n`;
      if (deliverOutput(summary, json, 'JSON REPORT').lost !== undefined) lost = EXIT_OUTPUT_LOST;
    }
    if (reportAudit(ci, result, findings, context)) lost = EXIT_OUTPUT_LOST;
    await annotateDifferences(ci, artifacts.new, findings, newDir);
    return (findings.some((finding) => finding.allowedBy === undefined) ? 1 : 0) | lost;
  } finally {
    base.cleanup();
  }
}
