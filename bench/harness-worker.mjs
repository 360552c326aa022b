// The harness side of `bench:mutants` in its own thread, so the main thread stays free to watch
// forge's process (jobs 2). tsx's hooks are per thread, so it registers them here first.
import { register } from 'tsx/esm/api';

register();
await import('./harness-worker-main.ts');
