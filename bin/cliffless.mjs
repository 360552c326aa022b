#!/usr/bin/env node
// The `cliffless` command. The harness is TypeScript; tsx compiles it on the fly so that
// `npm ci && npx cliffless …` works with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../fuzz/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
