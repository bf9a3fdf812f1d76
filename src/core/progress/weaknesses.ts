/**
 * The one model of progress on weaknesses: how often each one shows up lately (a share of the
 * interviews held, not a raw count, so that interviewing more never looks like getting worse), whether
 * that is a pattern or still a hypothesis, and whether the work on it paid off. The sidebar, hovers,
 * Insights, the weekly review and `debrief stats` all read it; docs/progress.md defines every term.
 */
import { addDays, humanDate } from '../dates';
import type { JournalIndex } from '../journal/journal-index';
import { doneOn, type Interview, type Weakness, type WeaknessStatus } from '../model';

/** The two windows a trend compares: the last 90 days up to today, and the 90 days before. */
export const TREND_WINDOW_DAYS = 90;
/** Fewer interviews than this in a window, and a trend is too early to tell. */
export const MIN_INTERVIEWS_PER_WINDOW = 2;

/** How often a weakness showed in a window: in how many of the interviews held then. */
export interface Share {
  /** Interviews of the window that cited it. */
  seen: number;
  /** Interviews held in the window. */
  of: number;
}

export type Trend =
  /** Cited by no interview yet. */
  | 'unseen'
  /** Too few interviews, or too few sightings, to compare the windows. */
  | 'early'
  | 'more'
  | 'less'
  | 'same'
  /** Seen before, but not in the last 180 days of interviews. */
  | 'quiet';

export type Verdict =
  | 'unseen'
  /** No improvement item is done yet. */
  | 'no-work'
  /** No interview since the work was done. */
  | 'too-early'
  /** Interviews since, and it did not show in any. */
  | 'not-seen'
  /** It shows in a smaller share of the interviews since than before. */
  | 'less'
  /** It shows as often as before, or more. */
  | 'still';

export interface WeaknessProgress {
  id: string;
  title: string;
  status?: WeaknessStatus;
  /** Citations, and distinct interviews citing it. */
  sightings: number;
  interviews: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Seen in two interviews or more: a pattern; in one: a hypothesis to confirm. */
  evidence: 'pattern' | 'hypothesis' | 'unseen';
  recent: Share;
  previous: Share;
  trend: Trend;
  /** The latest done date of its improvement items (done ones). */
  lastDone?: string;
  /** Before and after lastDone (all time). */
  before: Share;
  since: Share;
  verdict: Verdict;
  /** "more often lately (3 of 4 interviews)": the sidebar's and the review's words. */
  trendText: string;
  /** "Not seen in the 4 interviews since 22 Oct.": Insights', hovers' and the review's words. */
  verdictText: string;
  /** Sightings per month, `YYYY-MM` → count, months in order. */
  byMonth: Record<string, number>;
}

/** The dates an interview was held: its rounds' dates; without dated rounds, the date it surfaced something. */
export function interviewDates(iv: Interview): string[] {
  const dates = iv.rounds.map((r) => r.date).filter((d): d is string => d !== undefined);
  if (dates.length) return dates;
  const fallback = iv.feedback?.received ?? iv.applied;
  return iv.weaknesses.length && fallback ? [fallback] : [];
}

function held(dates: readonly string[], from: string, to: string): boolean {
  return dates.some((d) => d >= from && d <= to);
}

function share(seen: number, of: number): string {
  return `${seen} of ${of} interview${of === 1 ? '' : 's'}`;
}

function rate(s: Share): number {
  return s.of ? s.seen / s.of : 0;
}

const computed = new WeakMap<JournalIndex, { version: number; today: string; list: WeaknessProgress[] }>();

/**
 * Progress of every weakness of a journal on `today`, in the order of weaknesses.yaml (first definition
 * of an id); of `weaknesses` when given (the Weaknesses view's rows, weaknesses as last read among them).
 * That of the journal's weaknesses is computed once per date and progress version of the index (a change
 * of an outcome, say, computes nothing again); the list returned is shared: read it, never change it.
 */
export function weaknessProgress(index: JournalIndex, today: string, weaknesses?: readonly Weakness[]): WeaknessProgress[] {
  if (weaknesses) return progressOfAll(index, today, weaknesses);
  const c = computed.get(index);
  if (c && c.version === index.progressVersion && c.today === today) return c.list;
  const list = progressOfAll(index, today, index.weaknesses());
  computed.set(index, { version: index.progressVersion, today, list });
  return list;
}

function progressOfAll(index: JournalIndex, today: string, weaknesses: readonly Weakness[]): WeaknessProgress[] {
  const recentFrom = addDays(today, -(TREND_WINDOW_DAYS - 1));
  const previousFrom = addDays(today, -(2 * TREND_WINDOW_DAYS - 1));
  const previousTo = addDays(recentFrom, -1);
  // A round dated after today is scheduled, not held: it counts once it has happened.
  const occasions = index.interviews().map((iv) => ({ iv, dates: interviewDates(iv).filter((d) => d <= today) })).filter((o) => o.dates.length);
  const heldIn = (from: string, to: string) => occasions.filter((o) => held(o.dates, from, to)).length;
  const recentHeld = heldIn(recentFrom, today);
  const previousHeld = heldIn(previousFrom, previousTo);
  // Each interview held by its first and last date, so that "held before / after a date" is a binary search.
  const span = new Map<string, { first: string; last: string }>();
  const dates = new Map<string, readonly string[]>();
  for (const o of occasions) {
    dates.set(o.iv.file, o.dates);
    let first = o.dates[0], last = o.dates[0];
    for (const d of o.dates) {
      if (d < first) first = d;
      if (d > last) last = d;
    }
    span.set(o.iv.file, { first, last });
  }
  const firsts = [...span.values()].map((x) => x.first).sort();
  const lasts = [...span.values()].map((x) => x.last).sort();
  const out: WeaknessProgress[] = [];
  const seen = new Set<string>();
  for (const w of weaknesses) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    out.push(progressOf(index, w, today, { recentFrom, previousFrom, previousTo, recentHeld, previousHeld, span, dates, firsts, lasts }));
  }
  return out;
}

/** How many of the sorted strings are at most `x`. */
function countAtMost(sorted: readonly string[], x: string): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Windows {
  recentFrom: string;
  previousFrom: string;
  previousTo: string;
  recentHeld: number;
  previousHeld: number;
  /** The first and last dates of each interview held (by file). */
  span: ReadonlyMap<string, { first: string; last: string }>;
  /** The dates each interview was held on or before today (by file; none for one not held yet). */
  dates: ReadonlyMap<string, readonly string[]>;
  /** The first dates, and the last dates, of the interviews held, sorted. */
  firsts: readonly string[];
  lasts: readonly string[];
}

function progressOf(index: JournalIndex, w: Weakness, today: string, win: Windows): WeaknessProgress {
  const sightings = index.sightings(w.id);
  // The files of the interviews citing it, each once. (Lists walked by index: a journal of thousands of
  // interviews computes this for every weakness at each change, and each Map entry walked is garbage.)
  const citing: string[] = [];
  const cited = new Set<string>();
  for (const s of sightings) {
    if (cited.has(s.file)) continue;
    cited.add(s.file);
    citing.push(s.file);
  }
  const dated = sightings.filter((s) => s.date !== undefined && s.date <= today);
  const byMonth: Record<string, number> = {};
  for (const s of dated) {
    const month = s.date!.slice(0, 7);
    byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  // (Both windows end on or before today: the dates held by then are those that count.)
  const seenIn = (from: string, to: string) => {
    let n = 0;
    for (let i = 0; i < citing.length; i++) {
      const d = win.dates.get(citing[i]);
      if (d && held(d, from, to)) n++;
    }
    return n;
  };
  const recent: Share = { seen: seenIn(win.recentFrom, today), of: win.recentHeld };
  const previous: Share = { seen: seenIn(win.previousFrom, win.previousTo), of: win.previousHeld };
  const evidence = citing.length === 0 ? 'unseen' : citing.length === 1 ? 'hypothesis' : 'pattern';
  let trend: Trend;
  if (citing.length === 0) trend = 'unseen';
  else if (recent.seen === 0 && previous.seen === 0) trend = 'quiet';
  else if (citing.length < 2 || recent.of < MIN_INTERVIEWS_PER_WINDOW || previous.of < MIN_INTERVIEWS_PER_WINDOW) trend = 'early';
  else if (recent.seen === 0) trend = 'less';
  else if (previous.seen === 0) trend = 'more';
  else {
    // Within a quarter of each other: the same, given how few interviews a search holds.
    const r = rate(recent), p = rate(previous);
    trend = r > p * 1.25 ? 'more' : r < p * 0.75 ? 'less' : 'same';
  }
  let lastDone: string | undefined;
  for (const it of w.improvements) {
    const done = doneOn(it);
    if (done && (!lastDone || done > lastDone)) lastDone = done;
  }
  // Interviews held before and after the work was done (any of their dates on or before it, after it),
  // and those of them where it showed (by the sighting's date). Counted by binary search over the
  // interviews' first and last dates, then over this weakness's sightings only: no pass over every
  // interview per weakness.
  const since: Share = { seen: 0, of: 0 };
  const before: Share = { seen: 0, of: 0 };
  before.of = lastDone === undefined ? win.firsts.length : countAtMost(win.firsts, lastDone);
  if (lastDone !== undefined) since.of = win.lasts.length - countAtMost(win.lasts, lastDone);
  // Each citing interview's earliest and latest sighting dated by today (the sightings come oldest
  // first): all that "a sighting before / after" asks.
  const firstSeen = new Map<string, string>();
  const lastSeen = new Map<string, string>();
  const datedFiles: string[] = [];
  for (const s of dated) {
    if (!firstSeen.has(s.file)) {
      firstSeen.set(s.file, s.date!);
      datedFiles.push(s.file);
    }
    lastSeen.set(s.file, s.date!);
  }
  for (let i = 0; i < datedFiles.length; i++) {
    const file = datedFiles[i];
    const o = win.span.get(file);
    if (!o) continue;
    if (lastDone === undefined) before.seen++;
    else {
      if (o.first <= lastDone && (firstSeen.get(file) as string) <= lastDone) before.seen++;
      if (o.last > lastDone && (lastSeen.get(file) as string) > lastDone) since.seen++;
    }
  }
  let verdict: Verdict;
  if (citing.length === 0) verdict = 'unseen';
  else if (!lastDone) verdict = 'no-work';
  else if (since.of === 0) verdict = 'too-early';
  else if (since.seen === 0) verdict = 'not-seen';
  else verdict = rate(since) < rate(before) ? 'less' : 'still';
  const p: WeaknessProgress = {
    id: w.id, title: w.title, status: w.status, sightings: sightings.length, interviews: citing.length,
    firstSeen: dated[0]?.date, lastSeen: dated[dated.length - 1]?.date, evidence, recent, previous, trend,
    lastDone, before, since, verdict, trendText: '', verdictText: '',
    byMonth: Object.fromEntries(Object.entries(byMonth).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  };
  p.trendText = trendText(p);
  p.verdictText = verdictText(p, today);
  return p;
}

/** The trend in a few words, with the numbers behind it. */
export function trendText(p: WeaknessProgress): string {
  switch (p.trend) {
    case 'unseen': return 'not seen yet';
    case 'quiet': return 'not seen lately';
    case 'early': return p.evidence === 'hypothesis' ? 'seen once: too early to tell' : 'too early to tell';
    case 'more': return `more often lately (${share(p.recent.seen, p.recent.of)})`;
    case 'less': return `less often lately (${share(p.recent.seen, p.recent.of)})`;
    default: return `as often as before (${share(p.recent.seen, p.recent.of)})`;
  }
}

/** Did the work pay off, in one sentence. */
export function verdictText(p: WeaknessProgress, today: string): string {
  const when = p.lastDone ? humanDate(p.lastDone, today) : '';
  switch (p.verdict) {
    case 'unseen': return 'Not cited by any interview yet.';
    case 'no-work': return 'No improvement item done yet.';
    case 'too-early': return `No interview since the work was done (${when}): too early to tell.`;
    case 'not-seen': return `Not seen in the ${p.since.of === 1 ? 'interview' : `${p.since.of} interviews`} since the work was done (${when}).`;
    case 'less': return `Seen less since the work was done (${when}): in ${share(p.since.seen, p.since.of)} since, against ${share(p.before.seen, p.before.of)} before.`;
    default: return `Still showing up since the work was done (${when}): in ${share(p.since.seen, p.since.of)} since, against ${share(p.before.seen, p.before.of)} before. Keep at it.`;
  }
}

/**
 * What holds the user back most, first: weaknesses in order of their share of recent interviews, then
 * of all sightings, then title. The sidebar and Insights use this one order.
 */
export function rankWeaknesses(list: readonly WeaknessProgress[]): WeaknessProgress[] {
  return [...list].sort((a, b) => rate(b.recent) - rate(a.recent) || b.recent.seen - a.recent.seen || b.interviews - a.interviews || b.sightings - a.sightings || a.title.localeCompare(b.title));
}
