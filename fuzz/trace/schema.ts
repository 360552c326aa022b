import { ACTION_DECLARATIONS } from '../../reference/actions/declarations.ts';
import { ACTOR_NAMES, STATIC_TRACE_NAMES } from './names.ts';
import base from './schema-base.json' with { type: 'json' };

/**
 * The trace JSON Schema (docs/trace.schema.json): the hand-written parts in schema-base.json (the
 * document, the world, the field types' patterns, expect, failure) and one definition per action
 * kind derived from reference/actions/declarations.ts, so a kind is described once. `npm run
 * schema` writes it; test/fuzz/trace-schema-generated.test.ts fails when the committed file differs.
 */
export function traceSchema(): object {
  // The names the parser accepts, from the one list of them (names.ts); the $comment says where.
  const { $comment: _generated, ...addressText } = base.$defs.address;
  const names = [...STATIC_TRACE_NAMES, ...ACTOR_NAMES].join('|');
  const address = { ...addressText, pattern: `^(0x[0-9a-fA-F]{40}|[PN]#[0-9]+|${names})$` };
  const { action, failure, ...common } = { ...base.$defs, address };
  const kinds = Object.fromEntries(
    Object.entries(ACTION_DECLARATIONS).map(([kind, { call, fields }]) => [
      kind,
      {
        description: call,
        type: 'object',
        required: ['kind', ...Object.keys(fields)],
        additionalProperties: false,
        properties: {
          kind: { const: kind },
          ...Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, { $ref: `#/$defs/${type}` }])),
          expect: { $ref: '#/$defs/expect' },
          note: { $ref: '#/$defs/note' },
        },
      },
    ]),
  );
  const oneOf = Object.keys(ACTION_DECLARATIONS).map((kind) => ({ $ref: `#/$defs/${kind}` }));
  return { ...base, $defs: { ...common, ...kinds, action: { ...action, oneOf }, failure } };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function traceSchemaText(): string {
  return `${JSON.stringify(traceSchema(), null, 2)}\n`;
}
