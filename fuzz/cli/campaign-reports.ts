import type { Artifacts } from '../compile/artifacts.ts';
import { campaignSuite } from '../report/junit-suites.ts';
import { campaignMarkdown } from '../report/step-summary.ts';
import type { CampaignResult } from '../runner/campaign.ts';
import { describeFailure } from '../runner/render.ts';
import type { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import { annotateFailure, type CiOutputs, reportedFailure, writeJUnit, writeStepSummary } from './ci-outputs.ts';

/**
 * A campaign's CI outputs, once it is done and its trace written: the JUnit report (one case per
 * property), and with GitHub output the `::error` annotation on the failing Solidity line and the
 * step summary's tables.
 */
export async function reportCampaign(
  ci: CiOutputs,
  run: {
    artifacts: Artifacts;
    result: CampaignResult;
    seconds: number;
    seed: number;
    /** The names before the first action. */
    start: NameBook;
    written: string | undefined;
    contractsDir: string | undefined;
  },
): Promise<{ lost: boolean }> {
  if (ci.junit === undefined && !ci.github) return { lost: false };
  const { result, written } = run;
  const failure =
    result.failure === undefined || written === undefined
      ? undefined
      : reportedFailure(
          result.failure.failure,
          describeFailure(result.failure.failure, bookAfter(run.start, result.failure.steps.slice(0, -1))),
          written,
        );
  const contracts = run.contractsDir === undefined ? {} : { contractsDir: run.contractsDir };
  const title = `cliffless fuzz, seed ${run.seed}`;
  const lost = writeJUnit(ci, [
    campaignSuite({
      name: title,
      stats: result.stats,
      seconds: run.seconds,
      seed: run.seed,
      ...contracts,
      ...(failure === undefined ? {} : { failure }),
    }),
  ]);
  if (!ci.github) return { lost };
  const location =
    failure === undefined || result.failure === undefined
      ? undefined
      : await annotateFailure(ci, run.artifacts, failure.tracePath, result.failure.failure, run.contractsDir);
  writeStepSummary(
    ci,
    campaignMarkdown({
      title,
      stats: result.stats,
      seed: run.seed,
      ...contracts,
      ...(failure === undefined ? {} : { failure }),
      ...(location === undefined ? {} : { location }),
    }),
  );
  return { lost };
}
