/** The JSON Schemas (schemas/*.json, the single source of truth) compiled with ajv. */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import interviewSchema from '../../schemas/interview.schema.json';
import weaknessesSchema from '../../schemas/weaknesses.schema.json';
import { isValidDate } from './model';

export { interviewSchema, weaknessesSchema };

let compiled: { interview: ValidateFunction; weaknesses: ValidateFunction } | undefined;

function compile(): { interview: ValidateFunction; weaknesses: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false });
    ajv.addFormat('date', { type: 'string', validate: (s: string) => isValidDate(s) });
    compiled = { interview: ajv.compile(interviewSchema), weaknesses: ajv.compile(weaknessesSchema) };
  }
  return compiled;
}

export type SchemaKind = 'interview' | 'weaknesses';

/** Validates plain data against a schema; returns ajv's errors (empty when valid). */
export function validateAgainstSchema(kind: SchemaKind, data: unknown): ErrorObject[] {
  const v = compile()[kind];
  return v(data) ? [] : [...(v.errors ?? [])];
}

/** Allowed values of an enum at a dotted path of the schema's properties, e.g. `rounds.type`. */
export function schemaEnum(kind: SchemaKind, path: string): string[] {
  let node: Record<string, unknown> = (kind === 'interview' ? interviewSchema : weaknessesSchema) as Record<string, unknown>;
  for (const seg of path.split('.')) {
    let props = node.properties as Record<string, Record<string, unknown>> | undefined;
    if (!props && node.items) props = (node.items as Record<string, unknown>).properties as Record<string, Record<string, unknown>>;
    node = props?.[seg] ?? {};
    if (node.items && !node.enum && !(node.items as Record<string, unknown>).properties) node = node.items as Record<string, unknown>;
  }
  return (node.enum as string[] | undefined) ?? [];
}
