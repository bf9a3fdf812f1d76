/**
 * Checks a tool's input before anything else: neither VS Code nor every MCP client validates it. The
 * input schema (types, required inputs, allowed values, lengths, dates that exist), then the text
 * itself: no control characters, nothing blank. Every problem is said in words a model can act on.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { isValidDate } from '../dates';
import { TOOL_SPECS, toolSpec } from './specs';

let validators: Map<string, ValidateFunction> | undefined;

function validator(name: string): ValidateFunction | undefined {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajv.addFormat('date', { type: 'string', validate: (s: string) => isValidDate(s) });
    validators = new Map(TOOL_SPECS.map((t) => [t.name, ajv.compile(t.inputSchema)]));
  }
  return validators.get(name);
}

/** Free text that may span lines (a summary, a description); other strings are one line. */
const MULTILINE = new Set(['summary', 'wentBadly', 'description', 'quotes']);

function where(path: string): string {
  return path ? `\`${path.replace(/^\//, '').replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}\`` : 'The input';
}

function describe(e: ErrorObject, toolName: string): string {
  const at = where(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `${where(`${e.instancePath}/${String(p.missingProperty)}`)} is required.`;
    case 'additionalProperties': {
      const props = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties) ?? {});
      return `${where(`${e.instancePath}/${String(p.additionalProperty)}`)} is not an input of ${toolName}; the inputs are ${props.join(', ')}.`;
    }
    case 'type': return `${at} must be ${p.type === 'integer' ? 'a whole number' : p.type === 'array' ? 'a list' : p.type === 'object' ? 'an object' : `a ${String(p.type)}`}.`;
    case 'enum': return `${at} must be one of ${((p.allowedValues as unknown[]) ?? []).join(', ')}.`;
    case 'format': return `${at} must be a date that exists, written YYYY-MM-DD.`;
    case 'pattern': return e.instancePath.endsWith('note') ? `${at} must be a workspace-relative path ending in .md.` : `${at} must be an id: lowercase letters, digits and single dashes, such as acme-backend.`;
    case 'maxLength': return `${at} must be at most ${String(p.limit)} characters.`;
    case 'minLength': return `${at} must not be empty.`;
    case 'maxItems': return `${at} may hold at most ${String(p.limit)} items.`;
    case 'minimum': return `${at} must be at least ${String(p.limit)}.`;
    case 'maximum': return `${at} must be at most ${String(p.limit)}.`;
    default: return `${at} ${e.message ?? 'is not valid'}.`;
  }
}

/** Control characters other than a line break (\n, \r) or a tab: never written to a journal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const LINE_BREAK = /[\r\n\t]/;

function textProblems(value: unknown, path: string, key: string, out: string[]): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push(`${where(path)} holds a control character; send plain text.`);
    else if (!MULTILINE.has(key) && LINE_BREAK.test(value)) out.push(`${where(path)} must be one line.`);
    else if (value.length && !value.trim()) out.push(`${where(path)} must not be blank.`);
  } else if (Array.isArray(value)) value.forEach((v, i) => textProblems(v, `${path}/${i}`, key, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) textProblems(v, `${path}/${k}`, k, out);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The input of tool `name` if it is valid; otherwise every problem, one per line. */
export function checkInput<T = Record<string, unknown>>(name: string, input: unknown): Checked<T> {
  const v = validator(name);
  if (!v || !toolSpec(name)) return { ok: false, message: `There is no Debrief tool "${name}".` };
  const value = input === undefined || input === null ? {} : input;
  const problems: string[] = [];
  if (!v(value)) {
    const seen = new Set<string>();
    for (const e of v.errors ?? []) {
      const m = describe(e, name);
      if (!seen.has(m)) problems.push(m);
      seen.add(m);
    }
  } else textProblems(value, '', '', problems);
  if (problems.length) return { ok: false, message: `Invalid input for ${name}, nothing was written:\n- ${problems.slice(0, 10).join('\n- ')}` };
  return { ok: true, value: value as T };
}
