// A mutant worker thread: tsx compiles the harness's TypeScript on the fly here too (hooks are
// per thread), then worker-main.ts answers the pool's tasks one at a time.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
