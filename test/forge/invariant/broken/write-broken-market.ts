import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROKEN_MARKET, brokenSplitMarket, REAL_MARKET } from './broken-market.ts';

/** `npm run broken-market`: regenerates the broken market from the real one (temp file + rename). */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const target = `${root}${BROKEN_MARKET}`;
const text = brokenSplitMarket(readFileSync(`${root}${REAL_MARKET}`, 'utf8'));
const temp = `${target}.${process.pid}.tmp`;
writeFileSync(temp, text);
renameSync(temp, target);
console.log(`wrote ${target}`);
