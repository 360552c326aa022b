import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { traceSchemaText } from './schema.ts';

/** `npm run schema`: regenerates docs/trace.schema.json from the action declarations (temp file + rename). */
const target = fileURLToPath(new URL('../../docs/trace.schema.json', import.meta.url));
const temp = `${target}.${process.pid}.tmp`;
writeFileSync(temp, traceSchemaText());
renameSync(temp, target);
console.log(`wrote ${target}`);
