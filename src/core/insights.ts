/**
 * What the Insights panel shows, computed from a journal index: plain data (numbers, labels and the
 * records behind every number), so the panel only draws it and tests can check it without a view.
 */
import { Interview, OUTCOMES, ROUND_TYPES, STAGES } from './model';
import type { JournalIndex } from './journal/journal-index';
import { daysBetween } from './dates';
import { journalStats } from './stats';

/** A journal record behind a number: where to open it. */
export interface RecordRef {
  /** Workspace-relative file. */
  file: string;
  /** 0-based line of the record in the file. */
  line: number;
  /** What the record is, e.g. "Acme, Backend Engineer". */
  label: string;
  detail?: string;
}

export interface ChartSeries {
  label: string;
  /** One value per chart label. */
  values: number[];
  /** The records behind each value, one list per chart label. */
  refs: RecordRef[][];
}

export interface ChartModel {
  id: string;
  title: string;
  /** One sentence on how to read the chart. */
  description: string;
  kind: 'bar' | 'stacked-bar' | 'line';
  /** Header of the label column of the chart's table. */
  labelHeader: string;
  labels: string[];
  series: ChartSeries[];
  /** Said instead of drawing when there is nothing to count yet. */
  emptyText: string;
}

export interface WeaknessInsight {
  id: string;
  title: string;
  sightings: number;
  interviews: number;
  firstSeen?: string;
  lastSeen?: string;
  /** "hypothesis" when seen in a single interview, "pattern" from two on. */
  kind: 'hypothesis' | 'pattern' | 'unseen';
  /** The latest `done` date of its improvement items. */
  lastDone?: string;
  /** Dated sightings before and after lastDone. */
  before: number;
  after: number;
  /** Did the work pay off? */
  verdict: string;
  trend: 'more' | 'less' | 'same' | 'none';
}

export interface InsightsModel {
  today: string;
  journalFolder: string;
  interviews: number;
  charts: ChartModel[];
  weaknesses: WeaknessInsight[];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-03" → "Mar 2025" */
export function monthLabel(month: string): string {
  return month === 'undated' ? 'Undated' : `${MONTH_NAMES[+month.slice(5, 7) - 1]} ${month.slice(0, 4)}`;
}

function interviewRef(iv: Interview, detail?: string): RecordRef {
  return { file: iv.file, line: iv.range.start.line, label: iv.role ? `${iv.company}, ${iv.role}` : iv.company, detail };
}

/** Outcomes that end an application without an offer: where the search got stuck. */
const STUCK = ['rejected', 'ghosted', 'withdrawn', 'role-closed'];

/** A chart from categories: keeps the categories with records (in `order`), one series. */
function countChart(base: Omit<ChartModel, 'labels' | 'series'>, order: readonly string[], groups: Map<string, RecordRef[]>, seriesLabel: string, name: (k: string) => string = (k) => k): ChartModel {
  const keys = order.filter((k) => (groups.get(k)?.length ?? 0) > 0);
  return {
    ...base,
    labels: keys.map(name),
    series: [{ label: seriesLabel, values: keys.map((k) => groups.get(k)!.length), refs: keys.map((k) => groups.get(k)!) }],
  };
}

function push<K>(m: Map<K, RecordRef[]>, k: K, r: RecordRef): void {
  const list = m.get(k);
  if (list) list.push(r);
  else m.set(k, [r]);
}

/** Every number of the Insights panel, relative to `today` (YYYY-MM-DD). */
export function insightsModel(index: JournalIndex, today: string): InsightsModel {
  const stats = journalStats(index, today);
  const ivs = index.interviews();
  const charts: ChartModel[] = [];

  // Where interviews end: the last round held by applications that closed without an offer.
  const ended = new Map<string, RecordRef[]>();
  for (const iv of ivs) {
    if (!iv.outcome || !STUCK.includes(iv.outcome)) continue;
    const last = iv.rounds[iv.rounds.length - 1];
    push(ended, last?.type ?? (last ? 'other' : 'none'), interviewRef(iv, iv.outcome));
  }
  charts.push(countChart({
    id: 'ended-after', title: 'Where applications end', kind: 'bar', labelHeader: 'Last round',
    description: 'Applications closed without an offer (rejected, ghosted, withdrawn, role closed), by the type of the last round held.',
    emptyText: 'No application has closed without an offer yet.',
  }, [...ROUND_TYPES, 'none'], ended, 'Applications', (k) => (k === 'none' ? 'no round recorded' : k)));

  // How far applications get: the furthest stage reached.
  const stages = new Map<string, RecordRef[]>();
  for (const iv of ivs) push(stages, iv.stage ?? 'unset', interviewRef(iv, iv.outcome));
  charts.push(countChart({
    id: 'stages', title: 'Furthest stage reached', kind: 'bar', labelHeader: 'Stage',
    description: 'Every application, by the furthest stage it reached (its stage key).',
    emptyText: 'No interview recorded yet.',
  }, [...STAGES, 'unset'], stages, 'Applications', (k) => (k === 'unset' ? 'not set' : k)));

  // Outcomes over time, by month of application.
  const months = new Set<string>();
  const byOutcome = new Map<string, Map<string, RecordRef[]>>();
  for (const iv of ivs) {
    const month = iv.applied ? iv.applied.slice(0, 7) : 'undated';
    months.add(month);
    const outcome = iv.outcome ?? 'unset';
    let m = byOutcome.get(outcome);
    if (!m) byOutcome.set(outcome, (m = new Map()));
    push(m, month, interviewRef(iv, iv.applied ? `applied ${iv.applied}` : 'no application date'));
  }
  const monthKeys = [...months].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  charts.push({
    id: 'outcomes', title: 'Outcomes over time', kind: 'stacked-bar', labelHeader: 'Applied in',
    description: 'Applications by the month they were sent, split by outcome.',
    emptyText: 'No interview recorded yet.',
    labels: monthKeys.map(monthLabel),
    series: [...OUTCOMES, 'unset'].filter((o) => byOutcome.has(o)).map((o) => {
      const m = byOutcome.get(o)!;
      return { label: o === 'unset' ? 'not set' : o, values: monthKeys.map((k) => m.get(k)?.length ?? 0), refs: monthKeys.map((k) => m.get(k) ?? []) };
    }),
  });

  // Feedback: asked, answered, still waiting.
  const asked: RecordRef[] = [], answered: RecordRef[] = [], waiting: RecordRef[] = [];
  for (const iv of ivs) {
    const f = iv.feedback;
    if (!f?.requested) continue;
    const ref = { ...interviewRef(iv), line: f.range.start.line };
    asked.push({ ...ref, detail: `asked ${f.requested}` });
    if (f.received) answered.push({ ...ref, detail: `answered ${f.received}` });
    else waiting.push({ ...ref, detail: `asked ${f.requested}, ${daysBetween(f.requested, today)} days ago` });
  }
  charts.push({
    id: 'feedback', title: 'Feedback requests', kind: 'bar', labelHeader: 'Feedback',
    description: stats.feedback.answerRate === undefined
      ? 'How often you asked for feedback and how often it came.'
      : `You asked ${stats.feedback.asked} time(s) and heard back ${stats.feedback.answered} time(s) (${Math.round(stats.feedback.answerRate * 100)}%).`,
    emptyText: 'No feedback requested yet: asking after every rejection is how you learn the most.',
    labels: asked.length ? ['asked', 'answered', 'waiting'] : [],
    series: [{ label: 'Applications', values: asked.length ? [asked.length, answered.length, waiting.length] : [], refs: asked.length ? [asked, answered, waiting] : [] }],
  });

  // How long replies took, one bar per answered request.
  const replies = ivs.filter((iv) => iv.feedback?.requested && iv.feedback.received).map((iv) => ({ iv, days: daysBetween(iv.feedback!.requested!, iv.feedback!.received!) }));
  charts.push({
    id: 'reply-days', title: 'Days until feedback came', kind: 'bar', labelHeader: 'Application',
    description: stats.feedback.medianReplyDays === undefined ? 'Days from the request to the answer.' : `Days from the request to the answer; the median is ${stats.feedback.medianReplyDays}.`,
    emptyText: 'No feedback answered yet.',
    labels: replies.map((r) => r.iv.company),
    series: [{ label: 'Days', values: replies.map((r) => r.days), refs: replies.map((r) => [{ ...interviewRef(r.iv, `${r.iv.feedback!.requested} → ${r.iv.feedback!.received}`), line: r.iv.feedback!.range.start.line }]) }],
  });

  // Each weakness over time: sightings per month.
  const weaknessMonths = new Set<string>();
  const sightingsOf = new Map<string, ReturnType<JournalIndex['sightings']>>();
  for (const w of stats.weaknesses) {
    const s = index.sightings(w.id);
    sightingsOf.set(w.id, s);
    for (const x of s) if (x.date) weaknessMonths.add(x.date.slice(0, 7));
  }
  const wMonths = [...weaknessMonths].sort();
  charts.push({
    id: 'weaknesses', title: 'Weaknesses over time', kind: 'line', labelHeader: 'Month',
    description: 'How often each weakness surfaced, month by month (a citation in an interview is one sighting).',
    emptyText: 'No weakness cited by an interview yet.',
    labels: wMonths.map(monthLabel),
    series: stats.weaknesses.filter((w) => w.sightings > 0).map((w) => {
      const byMonth = new Map<string, RecordRef[]>();
      for (const s of sightingsOf.get(w.id) ?? []) {
        if (!s.date) continue;
        push(byMonth, s.date.slice(0, 7), { file: s.file, line: s.range.start.line, label: interviewRef(s.interview).label, detail: `${w.id} on ${s.date}` });
      }
      return { label: w.title || w.id, values: wMonths.map((m) => byMonth.get(m)?.length ?? 0), refs: wMonths.map((m) => byMonth.get(m) ?? []) };
    }),
  });

  // Improvement items: done, in progress, to do, overdue.
  const items = new Map<string, RecordRef[]>();
  for (const w of index.weaknesses()) {
    for (const it of w.improvements) {
      const status = it.status ?? 'todo';
      const overdue = (status === 'todo' || status === 'doing') && it.due !== undefined && it.due < today;
      const key = overdue ? 'overdue' : status;
      const detail = overdue ? `due ${it.due}, ${daysBetween(it.due!, today)} days ago` : it.due ? `due ${it.due}` : undefined;
      push(items, key, { file: w.file, line: it.range.start.line, label: it.action || it.id, detail: detail ? `${w.id}: ${detail}` : w.id });
    }
  }
  charts.push(countChart({
    id: 'improvements', title: 'Improvement items', kind: 'bar', labelHeader: 'Status',
    description: 'The work planned against your weaknesses; overdue items are to do or in progress past their due date.',
    emptyText: 'No improvement item yet: add one under a weakness in weaknesses.yaml.',
  }, ['done', 'doing', 'todo', 'overdue', 'dropped'], items, 'Items', (k) => (k === 'doing' ? 'in progress' : k === 'todo' ? 'to do' : k)));

  const weaknesses: WeaknessInsight[] = stats.weaknesses.map((w) => {
    const dated = (sightingsOf.get(w.id) ?? []).filter((s) => s.date);
    const before = w.lastDone ? dated.filter((s) => (s.date as string) <= w.lastDone!).length : dated.length;
    const after = w.sightingsAfterDone;
    const weeksSince = w.lastDone ? Math.max(0, Math.floor(daysBetween(w.lastDone, today) / 7)) : 0;
    let verdict: string;
    if (w.sightings === 0) verdict = 'Not cited by any interview yet.';
    else if (!w.lastDone) verdict = 'No improvement item done yet.';
    else if (after === 0) verdict = `Not seen since the work was done (${w.lastDone}, ${weeksSince} week(s) ago).`;
    else verdict = `Surfaced ${after} time(s) after the work was done (${w.lastDone}): keep at it.`;
    return {
      id: w.id, title: w.title, sightings: w.sightings, interviews: w.interviews, firstSeen: w.firstSeen, lastSeen: w.lastSeen,
      kind: w.sightings === 0 ? 'unseen' : w.hypothesis ? 'hypothesis' : 'pattern', lastDone: w.lastDone, before, after, verdict, trend: w.trend,
    };
  });

  return { today, journalFolder: index.journalFolder, interviews: ivs.length, charts, weaknesses };
}
