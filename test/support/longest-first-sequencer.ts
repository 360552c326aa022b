import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './file-durations.json' with { type: 'json' };

/** Seconds assumed for a test file not yet in file-durations.json (most files take a second or two). */
const UNMEASURED_SECONDS = 5;

/**
 * Runs the test files longest first, by the seconds each took in a measured run
 * (`file-durations.json`, written by `node scripts/test-durations.mjs REPORT`). On two workers the
 * long files then start at once and the short ones fill in around them, so both workers finish
 * together instead of one running a three-minute file alone at the end. Vitest's own order needs a
 * cache of earlier runs, which a fresh clone in CI does not have (it then sorts by file size).
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const measured = durations as Record<string, number>;
    const seconds = (file: TestSpecification) =>
      measured[relative(file.project.config.root, file.moduleId)] ?? UNMEASURED_SECONDS;
    return [...files].sort((a, b) => seconds(b) - seconds(a) || a.moduleId.localeCompare(b.moduleId));
  }
}
