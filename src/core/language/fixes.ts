/** Pure helpers behind the quick fixes and hovers of journal files: date rewriting, quoting, note summaries. */
import { isValidDate } from '../dates';

/**
 * Rule codes a JSON Schema validator (such as the YAML extension's) reports as well. Debrief can hide
 * them with `debrief.diagnostics.schemaProblems: false` so that the two do not double.
 */
export const SCHEMA_LEVEL_CODES: ReadonlySet<string> = new Set([
  'yaml-syntax', 'duplicate-key', 'unknown-key', 'missing-required', 'bad-type', 'bad-enum', 'bad-date', 'bad-time', 'bad-duration', 'bad-link', 'bad-id', 'out-of-range', 'empty-value',
]);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function ymd(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidDate(s) ? s : undefined;
}

function monthOf(word: string): number | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/**
 * Real YYYY-MM-DD dates that a badly written date may mean, most likely first: `2025/3/14`,
 * `2025.03.14`, `14.03.2025`, `03/14/2025`, `14 March 2025`, `March 14, 2025`, `2025-03-14T10:00`.
 * A day-month order that cannot be told apart (`03/04/2025`) gives both readings; nothing when no reading is a real date.
 */
export function dateCandidates(input: string): string[] {
  const s = input.trim().replace(/^["']|["']$/g, '').trim();
  const out: string[] = [];
  const add = (d: string | undefined) => {
    if (d && !out.includes(d)) out.push(d);
  };
  let m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) add(ymd(+m[1], +m[2], +m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) add(ymd(+m[1], +m[2], +m[3]));
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (m) {
    const a = +m[1], b = +m[2], y = +m[3];
    // A dot usually means day first; a slash is read both ways, day first when the first part is above 12.
    if (s.includes('/') && a <= 12) {
      add(ymd(y, a, b));
      add(ymd(y, b, a));
    } else {
      add(ymd(y, b, a));
      add(ymd(y, a, b));
    }
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+)\.?,?[ -](\d{4})$/.exec(s);
  if (m && monthOf(m[2])) add(ymd(+m[3], monthOf(m[2]) as number, +m[1]));
  m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m && monthOf(m[1])) add(ymd(+m[3], monthOf(m[1]) as number, +m[2]));
  return out;
}

/** The replacement for a scalar's source text that keeps its quoting style. */
export function replacementLike(source: string, value: string): string {
  if (/^".*"$/s.test(source)) return JSON.stringify(value);
  if (/^'.*'$/s.test(source)) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** A note's title (its first heading, else its file name) and its first lines of text. */
export function noteSummary(notePath: string, text: string, maxLines = 5): { title: string; excerpt: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) i = end + 1;
  }
  let title: string | undefined;
  const excerpt: string[] = [];
  for (; i < lines.length && excerpt.length < maxLines; i++) {
    const l = lines[i].trimEnd();
    const h = /^#{1,6}\s+(.*)$/.exec(l);
    if (h && title === undefined) {
      title = h[1].trim();
      continue;
    }
    if (l.trim() === '' && excerpt.length === 0) continue;
    excerpt.push(l);
  }
  while (excerpt.length && excerpt[excerpt.length - 1].trim() === '') excerpt.pop();
  return { title: title ?? notePath.replace(/^.*\//, ''), excerpt };
}
