/** The JSON Schemas (schemas/*.json, the single source of truth) compiled with ajv. */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import interviewSchema from '../../schemas/interview.schema.json';
import weaknessesSchema from '../../schemas/weaknesses.schema.json';
import { isValidDate } from './dates';
import { roundDate } from './times';

export { interviewSchema, weaknessesSchema };

let compiled: { interview: ValidateFunction; weaknesses: ValidateFunction } | undefined;

function compile(): { interview: ValidateFunction; weaknesses: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false });
    ajv.addFormat('date', { type: 'string', validate: (s: string) => isValidDate(s) });
    ajv.addFormat('round-date', { type: 'string', validate: (s: string) => roundDate(s) !== undefined });
    compiled = { interview: ajv.compile(interviewSchema), weaknesses: ajv.compile(weaknessesSchema) };
  }
  return compiled;
}

/**
 * Compiles the schemas now (tens of milliseconds, once per process), so that the first file read does
 * not wait for it: called while a journal folder is being listed.
 */
export function prepareSchemas(): void {
  compile();
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

export interface SchemaKey {
  key: string;
  /** The property's title and description from the schema, for completion and hovers. */
  title?: string;
  description?: string;
  required: boolean;
}

/**
 * The keys the schema allows in the mapping at `path` (keys from the root; list items are passed
 * through, so `['rounds']` is a round and `['weaknesses', 'improvements']` an improvement item).
 */
export function schemaKeys(kind: SchemaKind, path: readonly string[]): SchemaKey[] {
  type Node = { properties?: Record<string, Node>; items?: Node; required?: string[]; title?: string; description?: string; markdownDescription?: string };
  const through = (n: Node | undefined): Node | undefined => (n && !n.properties && n.items ? n.items : n);
  let node = through((kind === 'interview' ? interviewSchema : weaknessesSchema) as Node);
  for (const seg of path) node = through(node?.properties?.[seg]);
  if (!node?.properties) return [];
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties).map(([key, p]) => ({
    key, title: p.title, description: p.description ?? p.markdownDescription, required: required.has(key),
  }));
}
