import type { Artifacts } from '../compile/artifacts.ts';
import { claimOutput, deliverOutput, type OutputClaim } from '../io/output.ts';
import {
  annotationFile,
  appendStepSummary,
  errorAnnotation,
  githubOutputEnabled,
  stepSummaryPath,
} from '../report/github.ts';
import { type JUnitSuite, renderJUnit } from '../report/junit.ts';
import type { ReportedFailure } from '../report/junit-suites.ts';
import { locateTraceFailure } from '../report/locate-failure.ts';
import type { FailureLocation } from '../report/step-summary.ts';
import type { StepFailure } from '../trace/failure.ts';
import { readTraceFile } from '../trace/io.ts';
import type { FlagSpec, ParsedArgs } from './kit/args.ts';

/** The CI output flags of `fuzz`, `replay` and `audit`. */
const CI_FLAGS: readonly FlagSpec[] = [
  {
    name: 'junit',
    type: 'string',
    description: 'Also write a JUnit XML report here (the test report CI systems show)',
  },
  {
    name: 'github',
    type: 'boolean',
    description:
      'GitHub Actions output: Markdown into $GITHUB_STEP_SUMMARY, ::error on the Solidity line (on by itself when GITHUB_ACTIONS=true)',
  },
  { name: 'force', type: 'boolean', description: 'Overwrite output files that exist' },
];

/** A command's flags with the CI output flags added (those it does not already have). */
export function withCiFlags(flags: readonly FlagSpec[]): FlagSpec[] {
  return [...flags, ...CI_FLAGS.filter((ci) => !flags.some((f) => f.name === ci.name))];
}

/** The CI outputs a command was asked for, claimed before any work. */
export interface CiOutputs {
  junit: OutputClaim | undefined;
  github: boolean;
  /** The step summary file, when GitHub output is on and Actions set one. */
  stepSummary: string | undefined;
}

/**
 * Claims `--junit` and checks the step summary's folder before any work, so a bad path is exit 2 in
 * the first second (the one output policy, fuzz/io/output.ts).
 */
export function claimCiOutputs(flags: ParsedArgs['flags']): CiOutputs {
  const junit =
    typeof flags.junit === 'string' ? claimOutput('junit', flags.junit, { force: flags.force === true }) : undefined;
  const github = githubOutputEnabled(flags.github);
  return { junit, github, stepSummary: github ? stepSummaryPath() : undefined };
}

/**
 * Writes the JUnit report, if one was claimed; a write that fails after the work prints the report
 * instead (fuzz/io/output.ts). Returns whether it was lost, for the exit code.
 */
export function writeJUnit(ci: CiOutputs, suites: readonly JUnitSuite[]): boolean {
  if (ci.junit === undefined) return false;
  return deliverOutput(ci.junit, renderJUnit(suites), 'JUNIT REPORT').lost !== undefined;
}

/** Appends Markdown to the step summary, if GitHub output is on inside Actions. */
export function writeStepSummary(ci: CiOutputs, markdown: string): void {
  if (ci.github && ci.stepSummary !== undefined) appendStepSummary(ci.stepSummary, markdown);
}

/** A step failure as the reports carry it. */
export function reportedFailure(
  failure: StepFailure | ReportedFailure,
  text: string,
  tracePath: string,
): ReportedFailure {
  return { id: failure.id, message: failure.message, text, tracePath };
}

/**
 * With GitHub output on: finds the Solidity line of a written trace's failing step and prints the
 * `::error` annotation for it (stdout, where Actions reads workflow commands). Returns the location
 * for the step summary.
 *
 * @param failure the failing step, the annotation's id and message; `path` (where the sides differ,
 *   e.g. `outcome.returns[0]`) and `evm` (the contract's value there) choose the call that computed a
 *   wrong return value. Without `path`, that of the first violation or of a divergence's message.
 */
export async function annotateFailure(
  ci: CiOutputs,
  artifacts: Artifacts,
  tracePath: string,
  failure: {
    step: number;
    id: string;
    message: string;
    path?: string;
    violations?: readonly { path?: string }[];
    evm?: string;
  },
  contractsDir: string | undefined,
): Promise<FailureLocation | undefined> {
  if (!ci.github) return undefined;
  const path = failure.path ?? failure.violations?.[0]?.path ?? /differ at (\S+)$/.exec(failure.message)?.[1];
  const line = await locateTraceFailure(artifacts, readTraceFile(tracePath), tracePath, {
    step: failure.step,
    ...(path === undefined ? {} : { path }),
    ...(failure.evm === undefined ? {} : { evm: failure.evm }),
  });
  if (line === undefined) return undefined;
  const file = annotationFile(line, contractsDir);
  process.stdout.write(
    `${errorAnnotation({ file, line: line.line }, `cliffless ${failure.id}`, `${failure.message} (trace ${tracePath})`)}\n`,
  );
  return { file, line };
}
