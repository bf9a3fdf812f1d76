/** Pure queries behind the sidebar: grouping, ordering, filtering and overdue items. */
import type { JournalIndex } from '../journal/journal-index';
import { Interview, interviewDate, Outcome, OUTCOMES, Weakness } from '../model';

export type GroupBy = 'outcome' | 'month';

export interface InterviewGroup {
  /** `outcome:<value>` or `month:<YYYY-MM>`; `month:undated` for interviews without any date. */
  key: string;
  label: string;
  interviews: Interview[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The most recent date of an interview: feedback received, last dated round, or applied. */
export function lastActivity(iv: Interview): string | undefined {
  let last = iv.applied;
  for (const r of iv.rounds) if (r.date && (!last || r.date > last)) last = r.date;
  const requested = iv.feedback?.requested, received = iv.feedback?.received;
  if (requested && (!last || requested > last)) last = requested;
  if (received && (!last || received > last)) last = received;
  return last;
}

export function groupKeyOf(iv: Interview, by: GroupBy): string {
  if (by === 'outcome') return `outcome:${iv.outcome ?? 'unset'}`;
  const d = interviewDate(iv);
  return `month:${d ? d.slice(0, 7) : 'undated'}`;
}

export function groupLabel(key: string): string {
  const [by, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (by === 'outcome') return value === 'unset' ? 'No outcome' : value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ');
  if (value === 'undated') return 'Undated';
  return `${MONTHS[+value.slice(5, 7) - 1]} ${value.slice(0, 4)}`;
}

/** Interviews in groups: by outcome in the order of the format (pending first), or by month, newest first. */
export function groupInterviews(interviews: readonly Interview[], by: GroupBy): InterviewGroup[] {
  const groups = new Map<string, Interview[]>();
  for (const iv of interviews) {
    const key = groupKeyOf(iv, by);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(iv);
  }
  const rank = (key: string): string => {
    if (by === 'outcome') {
      const i = OUTCOMES.indexOf(key.slice('outcome:'.length) as Outcome);
      return String(i < 0 ? OUTCOMES.length : i).padStart(2, '0');
    }
    // Newest month first, undated last.
    return key === 'month:undated' ? '~' : String(999999 - +key.slice(6).replace('-', ''));
  };
  const newestFirst = (a: Interview, b: Interview) => {
    const da = lastActivity(a) ?? '', db = lastActivity(b) ?? '';
    return da < db ? 1 : da > db ? -1 : a.company.localeCompare(b.company);
  };
  return [...groups]
    .sort((a, b) => (rank(a[0]) < rank(b[0]) ? -1 : rank(a[0]) > rank(b[0]) ? 1 : 0))
    .map(([key, list]) => ({ key, label: groupLabel(key), interviews: list.sort(newestFirst) }));
}

/** Is feedback asked for and not yet answered? */
export function awaitingFeedback(iv: Interview): boolean {
  return !!iv.feedback?.requested && !iv.feedback.received;
}

// ---------- filter ----------

export interface Filter {
  /** Free words: each must appear somewhere in the record (case-insensitive). */
  words: string[];
  tags: string[];
  companies: string[];
  outcomes: string[];
}

/** Parses `free words tag:x company:"two words" outcome:rejected`. Unknown prefixes count as words. */
export function parseFilter(text: string): Filter {
  const f: Filter = { words: [], tags: [], companies: [], outcomes: [] };
  for (const m of text.matchAll(/(\w+:)?(?:"([^"]*)"|(\S+))/g)) {
    const prefix = m[1]?.slice(0, -1).toLowerCase();
    const value = (m[2] ?? m[3] ?? '').toLowerCase();
    if (!value) continue;
    if (prefix === 'tag') f.tags.push(value);
    else if (prefix === 'company') f.companies.push(value);
    else if (prefix === 'outcome') f.outcomes.push(value);
    else f.words.push(m[1] ? `${m[1].toLowerCase()}${value}` : value);
  }
  return f;
}

export function isEmptyFilter(f: Filter): boolean {
  return !f.words.length && !f.tags.length && !f.companies.length && !f.outcomes.length;
}

function interviewText(iv: Interview, index?: JournalIndex): string {
  const parts: (string | undefined)[] = [iv.id, iv.company, iv.role, iv.outcome, iv.stage, iv.source, iv.notes, ...iv.tags,
    iv.feedback?.summary, ...(iv.feedback?.quotes ?? []), iv.next?.action];
  for (const r of iv.rounds) parts.push(r.type, r.wentBadly, r.wentWell, ...r.interviewers, ...r.questions);
  for (const c of iv.weaknesses) parts.push(c.weakness, c.quote, index?.weakness(c.weakness)?.title);
  return parts.filter(Boolean).join('\n').toLowerCase();
}

export function matchesInterview(f: Filter, iv: Interview, index?: JournalIndex): boolean {
  if (f.outcomes.length && !f.outcomes.includes(iv.outcome ?? 'unset')) return false;
  if (f.companies.length && !f.companies.some((c) => iv.company.toLowerCase().includes(c))) return false;
  if (f.tags.length && !f.tags.every((t) => iv.tags.some((x) => x.toLowerCase() === t))) return false;
  if (!f.words.length) return true;
  const text = interviewText(iv, index);
  return f.words.every((w) => text.includes(w));
}

/** A weakness matches on its own text, or when an interview that matches the filter cites it. */
export function matchesWeakness(f: Filter, w: Weakness, index: JournalIndex): boolean {
  const viaInterview = () => index.sightings(w.id).some((s) => matchesInterview(f, s.interview, index));
  if (f.tags.length || f.companies.length || f.outcomes.length) return viaInterview();
  const text = [w.id, w.title, w.category, w.status, w.description, ...w.improvements.flatMap((i) => [i.id, i.action, i.doneWhen, ...i.notes.map((n) => n.path)])]
    .filter(Boolean).join('\n').toLowerCase();
  return f.words.every((word) => text.includes(word)) || viaInterview();
}
