/**
 * A JSON Schema (draft 2020-12) validator for exactly the keywords docs/trace.schema.json uses, so
 * the schema can be checked against the trace parser without a new dependency. Any other keyword
 * throws: the schema cannot start relying on a keyword this validator would silently skip.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

/** Keywords that only annotate: they never affect validity. */
const ANNOTATIONS = new Set(['$schema', '$comment', 'title', 'description', '$defs']);

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOk(type: string, value: Json): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'null':
      return value === null;
    default:
      throw new Error(`unsupported type ${type}`);
  }
}

/**
 * The JSON paths where `value` breaks `schema` (empty when it is valid). `root` resolves local
 * `$ref`s (`#/$defs/name`).
 *
 * @example
 * validate(schema, JSON.parse(text)) // [] for a valid trace, ['actions[2].amount: pattern …'] otherwise
 */
export function validate(root: Schema, value: Json, schema: Schema = root, at = '(root)'): string[] {
  const errors: string[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case '$ref': {
        const name = String(arg).replace(/^#\/\$defs\//, '');
        const target = (root.$defs as Schema | undefined)?.[name];
        if (!isObject(target)) throw new Error(`unresolvable $ref ${String(arg)}`);
        errors.push(...validate(root, value, target, at));
        break;
      }
      case 'type':
        if (!typeOk(arg as string, value)) errors.push(`${at}: expected ${String(arg)}`);
        break;
      case 'const':
        if (JSON.stringify(value) !== JSON.stringify(arg)) errors.push(`${at}: expected ${JSON.stringify(arg)}`);
        break;
      case 'enum':
        if (!(arg as Json[]).some((v) => JSON.stringify(v) === JSON.stringify(value)))
          errors.push(`${at}: not in enum`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) {
          errors.push(`${at}: ${JSON.stringify(value)} does not match the pattern`);
        }
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (arg as number)) errors.push(`${at}: too short`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) errors.push(`${at}: below ${String(arg)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) errors.push(`${at}: above ${String(arg)}`);
        break;
      case 'required':
        if (isObject(value)) {
          for (const key of arg as string[]) if (!Object.hasOwn(value, key)) errors.push(`${at}.${key}: missing`);
        }
        break;
      case 'properties':
        if (isObject(value)) {
          for (const [key, sub] of Object.entries(arg as Schema)) {
            const child = value[key];
            if (child !== undefined) errors.push(...validate(root, child, sub as Schema, `${at}.${key}`));
          }
        }
        break;
      case 'additionalProperties':
        if (arg !== false) throw new Error('only additionalProperties: false is supported');
        if (isObject(value)) {
          const known = Object.keys((schema.properties as Schema | undefined) ?? {});
          for (const key of Object.keys(value)) if (!known.includes(key)) errors.push(`${at}.${key}: not allowed`);
        }
        break;
      case 'items':
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            errors.push(...validate(root, item, arg as Schema, `${at}[${i}]`));
          });
        }
        break;
      case 'oneOf': {
        const passing = (arg as Schema[]).filter((branch) => validate(root, value, branch, at).length === 0).length;
        if (passing !== 1) errors.push(`${at}: matches ${passing} of the oneOf branches, not exactly 1`);
        break;
      }
      default:
        throw new Error(`the validator does not support the keyword ${keyword}`);
    }
  }
  return errors;
}
