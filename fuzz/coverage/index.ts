/**
 * Coverage of the contracts by a campaign: a recorder on the EVM (basic-block counts), raw data that
 * merges by union, the mapping through solc's source maps and ASTs to lines, functions and branch
 * sites, and lcov and terminal output.
 */
export {
  type CodeHits,
  type CoverageData,
  emptyCoverage,
  mergeCoverage,
  parseCoverage,
  stringifyCoverage,
} from './data.ts';
export { LCOV_TEST_NAME, renderLcov } from './lcov.ts';
export { type CoverageRecorder, recordCoverage } from './recorder.ts';
export {
  type BranchCoverage,
  buildCoverageReport,
  type FileCoverage,
  type FunctionCoverage,
  type ReportOptions,
} from './report.ts';
export { formatCoverageSummary } from './summary.ts';
