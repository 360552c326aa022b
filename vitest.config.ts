import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // EVM-backed suites compile and deploy once per file; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each of the two worker processes runs file after file, keeping the modules it loaded (viem,
    // ethereumjs, solc-js, the harness): a fresh process per file spent seconds per file importing
    // them again. The suites share no mutable module state (each builds its own EVM, world and
    // temporary folders; the in-process CLI runner restores stdout and stderr).
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
