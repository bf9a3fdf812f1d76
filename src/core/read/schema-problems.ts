/** JSON Schema errors (ajv) → problems located at the offending key or value, with how to fix them. */
import type { ErrorObject } from 'ajv';
import { slugify } from '../ids';
import { FILE_START, Problem, Range } from '../problems';
import { SchemaKind, validateAgainstSchema } from '../schema';
import { didYouMean } from '../text/fuzzy';
import { shown } from '../text/shown';
import { keyRange, nodeRange, Parsed, problem } from './document';
import { isLMap, isLSeq, isNullScalar, LNode, LPair, pairIn } from './located';

/**
 * The node at an ajv instancePath, and the range of what names it: the key of its pair in a mapping,
 * the item itself in a list.
 */
function locate(p: Parsed, instancePath: string): { node: LNode | undefined; key: Range | undefined } {
  let node: LNode | undefined = p.root;
  let key: Range | undefined;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isLMap(node)) {
      const pair: LPair | undefined = pairIn(node, seg);
      key = keyRange(p, pair);
      node = pair?.value;
    } else if (isLSeq(node)) {
      node = node.items[+seg];
      key = nodeRange(p, node);
    } else break;
  }
  return { node, key };
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return typeof v === 'boolean' ? 'true/false' : typeof v;
}

/** A value as a message shows it: text in quotes, a number or true/false as written, else what it is ("a mapping"), never "[object Object]". */
function valueText(v: unknown): string {
  if (typeof v === 'string') return `"${shown(v)}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const kind = typeName(v);
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a mapping', boolean: 'true or false' };

function where(path: string): string {
  const segs = path.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? `[${+s + 1}]` : shown(s.replace(/~1/g, '/').replace(/~0/g, '~'), 40)));
  return segs.join('.').replace(/\.\[/g, '[') || 'the file';
}

function mapAjvError(p: Parsed, e: ErrorObject): Problem | undefined {
  const loc = locate(p, e.instancePath);
  const field = e.instancePath.split('/').pop() ?? '';
  const title = ((e.parentSchema as Record<string, unknown> | undefined)?.title as string | undefined) ?? field;
  const valueRange = nodeRange(p, loc.node) ?? loc.key ?? FILE_START;
  const at = where(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const pair = isLMap(loc.node) ? pairIn(loc.node, name) : undefined;
      const allowed = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties ?? {}) as object);
      const suggestion = didYouMean(name, allowed);
      return problem(p, keyRange(p, pair) ?? valueRange, suggestion ? 'error' : 'warning', 'unknown-key',
        `Unknown key "${shown(name)}"${at === 'the file' ? '' : ` in ${at}`}.` + (suggestion ? ` Did you mean "${suggestion}"?` : ` Allowed keys: ${allowed.join(', ')}.${at === 'the file' && allowed.includes('notes') ? ' Put free text under "notes".' : ''}`),
        { key: name, suggestion, allowed });
    }
    case 'required': {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      const r = e.instancePath === '' ? FILE_START : (loc.key ?? valueRange);
      const range = e.instancePath === '' ? FILE_START : { start: r.start, end: r.start.line === r.end.line ? r.end : { line: r.start.line, character: r.start.character + 1 } };
      return problem(p, range, 'error', 'missing-required', `Missing required key "${name}"${at === 'the file' ? '' : ` in ${at}`}. Add "${name}: …".`, { key: name, path: e.instancePath });
    }
    case 'type': {
      const want = String((e.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      const range = loc.node == null || isNullScalar(loc.node) ? (loc.key ?? valueRange) : valueRange;
      return problem(p, range, 'error', 'bad-type', `${title} (${at}) should be ${want}, not ${typeName(e.data)}.${want === 'text' && typeof e.data !== 'object' ? ' Quote the value to make it text.' : ''}`, { expected: want, actual: e.data as unknown });
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      return problem(p, valueRange, 'error', 'bad-enum',
        `${valueText(e.data)} is not a valid ${title.toLowerCase()}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of: ${allowed.join(', ')}.`,
        { expected: allowed, actual: e.data as unknown, suggestion, path: e.instancePath });
    }
    case 'format':
      return problem(p, valueRange, 'error', 'bad-date',
        (e.params as { format: string }).format === 'round-date'
          ? `${valueText(e.data)} is not a valid date${at === 'the file' ? '' : ` (${at})`}. Write YYYY-MM-DD with a real day, e.g. 2025-03-14, or a date and start time such as 2025-03-14T14:30.`
          : `${valueText(e.data)} is not a valid date${at === 'the file' ? '' : ` (${at})`}. Write dates as YYYY-MM-DD with a real day, e.g. 2025-03-14.`,
        { value: e.data as unknown, path: e.instancePath });
    case 'pattern': {
      if (field === 'time') {
        return problem(p, valueRange, 'error', 'bad-time',
          `${valueText(e.data)} is not a time Debrief reads (${at}). Write the start time on the 24-hour clock as HH:MM, e.g. "14:30".`,
          { value: e.data as unknown });
      }
      if (field === 'duration') {
        return problem(p, valueRange, 'error', 'bad-duration',
          `${valueText(e.data)} is not a duration Debrief reads (${at}). Write minutes as a number (45), or 45m, 1h, 1h30m.`,
          { value: e.data as unknown });
      }
      if (field === 'link') {
        return problem(p, valueRange, 'error', 'bad-link',
          `${typeof e.data === 'string' ? `"${shown(e.data, 80)}"` : valueText(e.data)} is not a web link (${at}). Only http:// and https:// addresses are kept as meeting links; write the address as the invitation gives it.`,
          { value: e.data as unknown });
      }
      const id = typeof e.data === 'string' ? slugify(e.data) : '';
      return problem(p, valueRange, 'error', 'bad-id',
        `${valueText(e.data)} is not a valid id: use lowercase letters, digits and dashes, starting with a letter or digit (e.g. "${shown(id) || 'my-id'}").`,
        { value: e.data as unknown, suggestion: id });
    }
    case 'minimum':
    case 'maximum':
      return problem(p, valueRange, 'error', 'out-of-range', `${title} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String((e.params as { limit: number }).limit)}, not ${valueText(e.data)}.${field === 'rating' ? ' Rate rounds from 1 (badly) to 5 (very well).' : ''}`, { value: e.data as unknown });
    case 'minLength':
      return problem(p, valueRange, 'error', 'empty-value', `${title} must not be empty. Fill it in.`);
    default:
      return problem(p, valueRange, 'error', 'bad-type', `${at}: ${e.message ?? 'invalid value'}.`);
  }
}

/** How severe the problem of an ajv error is, without building it (for the problems past a file's cap). */
function severityOf(e: ErrorObject): Problem['severity'] {
  if (e.keyword !== 'additionalProperties') return 'error';
  const name = String((e.params as { additionalProperty: string }).additionalProperty);
  const allowed = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties ?? {}) as object);
  return didYouMean(name, allowed) ? 'error' : 'warning';
}

/** A value with a pattern and a format (a round's date) is reported once, by its format. */
function reportedElsewhere(e: ErrorObject): boolean {
  return e.keyword === 'pattern' && (e.parentSchema as Record<string, unknown> | undefined)?.format !== undefined;
}

/** JSON Pointer of a path in the data (as ajv's instancePath). */
function pointer(path: readonly (string | number)[]): string {
  return path.map((seg) => `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Schema problems of a parsed file; once the file's problems are at their cap, the rest are only
 * counted. One mistake is one problem: nothing is said about a part of the file that did not read (nor
 * a required key its parent may hold there), and a value of the wrong type gets only that problem, not
 * also those of its format or allowed values.
 */
export function validate(p: Parsed, kind: SchemaKind): void {
  const holes = new Set<string>();
  const parents = new Set<string>();
  for (const part of p.broken) {
    if (part.path.length > 0) holes.add(pointer(part.path));
    parents.add(pointer(part.path.slice(0, -1)));
  }
  const inHole = (path: string): boolean => {
    if (holes.size === 0) return false;
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) if (holes.has(path.slice(0, i))) return true;
    return holes.has(path);
  };
  const errors = validateAgainstSchema(kind, p.data);
  const wrongType = new Set<string>();
  for (const e of errors) if (e.keyword === 'type') wrongType.add(e.instancePath);
  for (const e of errors) {
    if (reportedElsewhere(e) || inHole(e.instancePath) || (e.keyword === 'required' && parents.has(e.instancePath))) continue;
    if (e.keyword !== 'type' && e.keyword !== 'required' && e.keyword !== 'additionalProperties' && wrongType.has(e.instancePath)) continue;
    if (p.problems.full) {
      p.problems.skip(severityOf(e));
      continue;
    }
    const prob = mapAjvError(p, e);
    if (prob) p.problems.push(prob);
  }
}
