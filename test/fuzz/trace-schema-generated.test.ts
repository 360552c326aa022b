import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceSchema, traceSchemaText } from '../../fuzz/trace/schema.ts';
import { ACTION_DECLARATIONS } from '../../reference/actions/declarations.ts';

/**
 * docs/trace.schema.json is generated from the action declarations by `npm run schema`; this fails
 * when the committed file is not what the declarations give (a kind added or changed without
 * regenerating it).
 */
describe('docs/trace.schema.json is generated', () => {
  it('equals what `npm run schema` writes from reference/actions/declarations.ts', () => {
    const committed = readFileSync(new URL('../../docs/trace.schema.json', import.meta.url), 'utf8');
    expect(committed === traceSchemaText(), 'docs/trace.schema.json is stale: run `npm run schema`').toBe(true);
  });

  it('follows a change in a declaration (the check can fail)', () => {
    const before = traceSchemaText();
    const fields = ACTION_DECLARATIONS.settle.fields as Record<string, string>;
    fields.extra = 'uint';
    try {
      expect(traceSchemaText()).not.toBe(before);
      const settle = (traceSchema() as { $defs: Record<string, { required: string[] }> }).$defs.settle;
      expect(settle?.required).toEqual(['kind', 'caller', 'seriesId', 'extra']);
    } finally {
      delete fields.extra;
    }
    expect(traceSchemaText()).toBe(before);
  });
});
