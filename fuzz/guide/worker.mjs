// A guided campaign's worker thread. The harness is TypeScript and a worker starts without the
// main thread's loaders, so it registers tsx itself (as bin/cliffless.mjs does) before loading it.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
