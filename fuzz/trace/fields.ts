import type { ActionKind } from '../../reference/action.ts';
import { ACTION_DECLARATIONS, type FieldType } from '../../reference/actions/declarations.ts';

/** How each field of an action is written in a trace; see reference/actions/declarations.ts. */
export type { FieldType };

/**
 * The fields of every action kind, in the order they are written. One table serves parse, resolve
 * and write; it is the declarations' field lists, so a kind is described in one place.
 */
export const ACTION_FIELDS: Record<ActionKind, Record<string, FieldType>> = Object.fromEntries(
  Object.entries(ACTION_DECLARATIONS).map(([kind, declaration]) => [
    kind,
    { ...declaration.fields } as Record<string, FieldType>,
  ]),
) as Record<ActionKind, Record<string, FieldType>>;

/** Every action kind, in a stable order (tables, summaries). */
export const ACTION_KINDS = Object.keys(ACTION_FIELDS) as ActionKind[];
