/**
 * What the Insights panel shows, computed from a journal index: sections in the order of the questions
 * a person searching for a job asks (what holds me back most, is my work paying off, where do my
 * applications stop, am I getting feedback, how has it gone over time), each a short answer and charts
 * of plain data: numbers, labels, the records behind every number, and a fixed style per outcome. The
 * panel only draws it; the progress model (progress/) is the one source of every verdict.
 */
import { daysBetween, humanDate } from './dates';
import type { JournalIndex } from './journal/journal-index';
import { endedWithoutOffer, Interview, isOverdue, itemStatus, Outcome, OUTCOMES, ROUND_TYPES } from './model';
import { FUNNEL_STEPS, funnelReach } from './progress/stages';
import { interviewDates, rankWeaknesses, WeaknessProgress } from './progress/weaknesses';
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

/** The colours of the charts: the theme's chart colours, by name. */
export type ChartColour = 'blue' | 'green' | 'red' | 'orange' | 'yellow' | 'purple' | 'grey';
/** The second cue besides colour, so that a series reads without telling colours apart. */
export type ChartPattern = 'solid' | 'dots' | 'diagonal' | 'cross' | 'horizontal' | 'vertical' | 'grid' | 'zigzag' | 'outline';

export interface SeriesStyle {
  colour: ChartColour;
  pattern: ChartPattern;
}

/**
 * One style per outcome, the same in every journal: green for offers, red for rejections, grey for
 * silence; each with its own pattern, so red and green never have to be told apart by colour alone.
 */
export const OUTCOME_STYLES: Readonly<Record<Outcome | 'unset', SeriesStyle>> = {
  pending: { colour: 'blue', pattern: 'dots' },
  offer: { colour: 'green', pattern: 'solid' },
  accepted: { colour: 'green', pattern: 'cross' },
  declined: { colour: 'yellow', pattern: 'vertical' },
  rejected: { colour: 'red', pattern: 'diagonal' },
  ghosted: { colour: 'grey', pattern: 'horizontal' },
  withdrawn: { colour: 'purple', pattern: 'zigzag' },
  'role-closed': { colour: 'orange', pattern: 'grid' },
  unset: { colour: 'grey', pattern: 'outline' },
};

export interface ChartSeries {
  label: string;
  /** One value per chart label. */
  values: number[];
  /** The records behind each value, one list per chart label. */
  refs: RecordRef[][];
  style: SeriesStyle;
}

/** A vertical mark on a time line: when an improvement item was done. */
export interface ChartMark {
  /** Index of the label the mark falls on. */
  index: number;
  label: string;
}

export interface ChartModel {
  id: string;
  title: string;
  /** One sentence on how to read the chart (or, for a weakness, whether the work paid off). */
  description: string;
  kind: 'bar' | 'hbar' | 'stacked-bar' | 'funnel' | 'timeline';
  /** Header of the label column of the chart's table. */
  labelHeader: string;
  labels: string[];
  series: ChartSeries[];
  /** A value axis in percent (0 to 100). */
  percent?: boolean;
  /** Time lines: when improvement items were done. */
  marks?: ChartMark[];
  /** Extra columns of the table, after the series (e.g. a funnel's conversion from the step before). */
  columns?: { header: string; values: string[] }[];
  /** Said instead of drawing when there is nothing to count yet. */
  emptyText: string;
}

export interface InsightSection {
  id: 'holding-back' | 'paying-off' | 'funnel' | 'feedback' | 'activity';
  /** The question the section answers, as its heading. */
  question: string;
  /** The answer in one or two sentences, from the numbers below. */
  answer: string;
  charts: ChartModel[];
}

export interface InsightsModel {
  today: string;
  journalFolder: string;
  interviews: number;
  sections: InsightSection[];
  /** The progress of every weakness, ranked (the same model the sidebar shows). */
  weaknesses: WeaknessProgress[];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DEFAULT_STYLE: SeriesStyle = { colour: 'blue', pattern: 'solid' };

/** "2025-03" → "Mar 2025" */
export function monthLabel(month: string): string {
  return month === 'undated' ? 'Undated' : `${MONTH_NAMES[+month.slice(5, 7) - 1]} ${month.slice(0, 4)}`;
}

function interviewRef(iv: Interview, detail?: string): RecordRef {
  return { file: iv.file, line: iv.range.start.line, label: iv.role ? `${iv.company}, ${iv.role}` : iv.company, detail };
}

function push<K>(m: Map<K, RecordRef[]>, k: K, r: RecordRef): void {
  const list = m.get(k);
  if (list) list.push(r);
  else m.set(k, [r]);
}

function pct(n: number, of: number): number {
  return of ? Math.round((n / of) * 100) : 0;
}

/** Every month from the first to the last, so that a time line shows the gaps too. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = +first.slice(0, 4), m = +first.slice(5, 7);
  while (`${y}-${String(m).padStart(2, '0')}` <= last && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** Every number of the Insights panel, relative to `today` (YYYY-MM-DD). */
export function insightsModel(index: JournalIndex, today: string): InsightsModel {
  const stats = journalStats(index, today);
  const ivs = index.interviews();
  const ranked = rankWeaknesses(stats.weaknesses);
  return {
    today, journalFolder: index.journalFolder, interviews: ivs.length,
    sections: [holdingBack(index, ranked), payingOff(index, ranked, today), funnel(ivs), feedback(ivs, stats.feedback, today), activity(index, ivs, today)],
    weaknesses: ranked,
  };
}

// ---------- what holds me back most ----------

function holdingBack(index: JournalIndex, ranked: WeaknessProgress[]): InsightSection {
  const seen = ranked.filter((w) => w.sightings > 0);
  const recentHeld = ranked[0]?.recent.of ?? 0;
  const top = seen[0];
  const answer = !seen.length ? 'No interview has named a weakness yet: after each one, note what went badly and cite the weakness it shows.'
    : top.recent.seen > 0
      ? `${top.title}: it showed in ${top.recent.seen} of the ${recentHeld} interview${recentHeld === 1 ? '' : 's'} of the last 90 days (${top.evidence}).`
      : `No weakness showed in the interviews of the last 90 days. The most seen before: ${top.title}.`;
  const refsOf = (w: WeaknessProgress) => index.sightings(w.id).map((s) => ({ file: s.file, line: s.range.start.line, label: `${s.interview.company}${s.interview.role ? `, ${s.interview.role}` : ''}`, detail: s.date ? `${w.id} on ${s.date}` : w.id }));
  return {
    id: 'holding-back',
    question: 'What holds me back most?',
    answer,
    charts: [{
      id: 'weakness-rank', title: 'Weaknesses, most frequent lately first', kind: 'hbar', percent: true, labelHeader: 'Weakness',
      description: 'The share of the interviews of the last 90 days each weakness showed in, so that interviewing more never looks like getting worse. A weakness seen in a single interview is a hypothesis to confirm.',
      emptyText: 'No weakness cited by an interview yet.',
      labels: seen.map((w) => w.title || w.id),
      series: [{
        label: 'Interviews of the last 90 days (%)', values: seen.map((w) => pct(w.recent.seen, w.recent.of)),
        refs: seen.map(refsOf), style: { colour: 'orange', pattern: 'solid' },
      }],
      columns: [
        { header: 'Lately', values: seen.map((w) => `${w.recent.seen} of ${w.recent.of}`) },
        { header: 'Evidence', values: seen.map((w) => `${w.evidence}, ${w.interviews} interview${w.interviews === 1 ? '' : 's'}`) },
        { header: 'Trend', values: seen.map((w) => w.trendText) },
      ],
    }],
  };
}

// ---------- is my work paying off ----------

function payingOff(index: JournalIndex, ranked: WeaknessProgress[], today: string): InsightSection {
  const seen = ranked.filter((w) => w.sightings > 0);
  const worked = seen.filter((w) => w.lastDone);
  const paid = worked.filter((w) => w.verdict === 'not-seen' || w.verdict === 'less');
  const answer = !worked.length ? 'No improvement item is done yet: once one is, each weakness below says whether it showed less since.'
    : `${paid.length} of the ${worked.length} weakness${worked.length === 1 ? '' : 'es'} worked on ${paid.length === 1 ? 'shows' : 'show'} less since the work was done${paid.length ? `: ${paid.map((w) => w.title).join(', ')}` : ''}.`;
  // One small time line per weakness, over the same months, so that no series hides another.
  const months = new Set<string>();
  for (const iv of index.interviews()) for (const d of interviewDates(iv)) months.add(d.slice(0, 7));
  const sorted = [...months].sort();
  const axis = sorted.length ? monthsBetween(sorted[0], sorted[sorted.length - 1] > today.slice(0, 7) ? sorted[sorted.length - 1] : today.slice(0, 7)) : [];
  const charts: ChartModel[] = seen.map((w) => {
    const byMonth = new Map<string, RecordRef[]>();
    for (const s of index.sightings(w.id)) {
      if (!s.date) continue;
      push(byMonth, s.date.slice(0, 7), { file: s.file, line: s.range.start.line, label: interviewRef(s.interview).label, detail: `on ${s.date}` });
    }
    const weakness = index.weakness(w.id);
    const marks: ChartMark[] = [];
    for (const it of weakness?.improvements ?? []) {
      if (!it.done || (it.status && it.status !== 'done')) continue;
      const i = axis.indexOf(it.done.slice(0, 7));
      if (i >= 0) marks.push({ index: i, label: `${it.action || it.id} (done ${humanDate(it.done, today)})` });
    }
    return {
      id: `timeline-${w.id}`, title: w.title || w.id, kind: 'timeline', labelHeader: 'Month',
      description: w.verdictText, emptyText: 'Not cited by any interview yet.',
      labels: axis.map(monthLabel),
      series: [{ label: 'Sightings', values: axis.map((m) => byMonth.get(m)?.length ?? 0), refs: axis.map((m) => byMonth.get(m) ?? []), style: { colour: 'orange', pattern: 'solid' } }],
      marks,
    };
  });
  return { id: 'paying-off', question: 'Is my work on them paying off?', answer, charts };
}

// ---------- where do my applications stop ----------

function funnel(ivs: Interview[]): InsightSection {
  const reached: RecordRef[][] = FUNNEL_STEPS.map(() => []);
  for (const iv of ivs) {
    const n = funnelReach(iv);
    for (let i = 0; i < n; i++) reached[i].push(interviewRef(iv, iv.outcome ?? 'no outcome'));
  }
  const counts = reached.map((r) => r.length);
  const conversion = counts.map((c, i) => (i === 0 ? '' : counts[i - 1] ? `${pct(c, counts[i - 1])}%` : '-'));
  // The step with the lowest conversion is where most applications stop.
  let worst = -1;
  for (let i = 1; i < counts.length; i++) if (counts[i - 1] > 0 && (worst < 0 || counts[i] / counts[i - 1] < counts[worst] / counts[worst - 1])) worst = i;
  const answer = !ivs.length ? 'No application recorded yet.'
    : worst < 0 ? 'Every application is still at its first step.'
      : `Most stop before "${FUNNEL_STEPS[worst].label}": ${conversion[worst]} of those at "${FUNNEL_STEPS[worst - 1].label}" got there.`;
  const ended = new Map<string, RecordRef[]>();
  for (const iv of ivs) {
    if (!endedWithoutOffer(iv.outcome)) continue;
    const last = iv.rounds[iv.rounds.length - 1];
    push(ended, last ? last.type ?? 'other' : 'none', interviewRef(iv, iv.outcome));
  }
  const endedKeys = [...ROUND_TYPES, 'none'].filter((k) => ended.has(k));
  return {
    id: 'funnel',
    question: 'Where do my applications stop?',
    answer,
    charts: [
      {
        id: 'funnel', title: 'How far applications get', kind: 'funnel', labelHeader: 'Step',
        description: 'Every application counts at each step it reached, from the rounds recorded and the outcome; the last column is the share of the step before that got this far.',
        emptyText: 'No application recorded yet.',
        labels: ivs.length ? FUNNEL_STEPS.map((s) => s.label) : [],
        series: ivs.length ? [{ label: 'Applications', values: counts, refs: reached, style: { colour: 'blue', pattern: 'solid' } }] : [],
        columns: ivs.length ? [{ header: 'From the step before', values: conversion }] : [],
      },
      {
        id: 'ended-after', title: 'Where applications end', kind: 'bar', labelHeader: 'Last round',
        description: 'Applications closed without an offer (rejected, ghosted, withdrawn, role closed), by the type of the last round held.',
        emptyText: 'No application has closed without an offer yet.',
        labels: endedKeys.map((k) => (k === 'none' ? 'no round recorded' : k)),
        series: endedKeys.length ? [{ label: 'Applications', values: endedKeys.map((k) => ended.get(k)!.length), refs: endedKeys.map((k) => ended.get(k)!), style: OUTCOME_STYLES.rejected }] : [],
      },
    ],
  };
}

// ---------- am I getting feedback ----------

function feedback(ivs: Interview[], f: ReturnType<typeof journalStats>['feedback'], today: string): InsightSection {
  const asked: RecordRef[] = [], answered: RecordRef[] = [], waiting: RecordRef[] = [];
  for (const iv of ivs) {
    const fb = iv.feedback;
    if (!fb?.requested) continue;
    const ref = { ...interviewRef(iv), line: fb.range.start.line };
    asked.push({ ...ref, detail: `asked ${fb.requested}` });
    if (fb.received) answered.push({ ...ref, detail: `answered ${fb.received}` });
    else waiting.push({ ...ref, detail: `asked ${fb.requested}, ${daysBetween(fb.requested, today)} days ago` });
  }
  const closed = ivs.filter((iv) => endedWithoutOffer(iv.outcome)).length;
  const answer = !asked.length
    ? closed ? `You have not asked for feedback yet, after ${closed} closed application${closed === 1 ? '' : 's'}: asking after every rejection is how you learn the most.` : 'No feedback asked for yet.'
    : `You asked ${f.asked} time${f.asked === 1 ? '' : 's'} and heard back ${f.answered} time${f.answered === 1 ? '' : 's'} (${pct(f.answered, f.asked)}%)${f.medianReplyDays !== undefined ? `, after ${f.medianReplyDays} days in the middle case` : ''}.`;
  const replies = ivs.filter((iv) => iv.feedback?.requested && iv.feedback.received).map((iv) => ({ iv, days: daysBetween(iv.feedback!.requested!, iv.feedback!.received!) }));
  return {
    id: 'feedback',
    question: 'Am I getting feedback?',
    answer,
    charts: [
      {
        id: 'feedback', title: 'Feedback requests', kind: 'bar', labelHeader: 'Feedback',
        description: 'Requests sent, answers received, and requests still waiting for a reply.',
        emptyText: 'No feedback requested yet.',
        labels: asked.length ? ['asked', 'answered', 'waiting'] : [],
        series: asked.length ? [{ label: 'Applications', values: [asked.length, answered.length, waiting.length], refs: [asked, answered, waiting], style: { colour: 'blue', pattern: 'solid' } }] : [],
      },
      {
        id: 'reply-days', title: 'Days until feedback came', kind: 'bar', labelHeader: 'Application',
        description: f.medianReplyDays === undefined ? 'Days from the request to the answer.' : `Days from the request to the answer; the median is ${f.medianReplyDays}.`,
        emptyText: 'No feedback answered yet.',
        labels: replies.map((r) => r.iv.company),
        series: replies.length ? [{ label: 'Days', values: replies.map((r) => r.days), refs: replies.map((r) => [{ ...interviewRef(r.iv, `${r.iv.feedback!.requested} → ${r.iv.feedback!.received}`), line: r.iv.feedback!.range.start.line }]), style: { colour: 'purple', pattern: 'solid' } }] : [],
      },
    ],
  };
}

// ---------- how has it gone over time ----------

function activity(index: JournalIndex, ivs: Interview[], today: string): InsightSection {
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
  const items = new Map<string, RecordRef[]>();
  for (const w of index.weaknesses()) {
    for (const it of w.improvements) {
      const status = itemStatus(it);
      const overdue = isOverdue(it, today);
      const key = overdue ? 'overdue' : status;
      const detail = overdue ? `due ${it.due}, ${daysBetween(it.due!, today)} days ago` : it.due ? `due ${it.due}` : undefined;
      push(items, key, { file: w.file, line: it.range.start.line, label: it.action || it.id, detail: detail ? `${w.id}: ${detail}` : w.id });
    }
  }
  const itemKeys = ['done', 'doing', 'todo', 'overdue', 'dropped'].filter((k) => items.has(k));
  const last3 = monthKeys.filter((m) => m !== 'undated').slice(-3);
  const recentApps = ivs.filter((iv) => iv.applied && last3.includes(iv.applied.slice(0, 7))).length;
  const answer = !ivs.length ? 'No application recorded yet.'
    : `${ivs.length} application${ivs.length === 1 ? '' : 's'} in all${last3.length ? `, ${recentApps} in the last ${last3.length} month${last3.length === 1 ? '' : 's'} with applications` : ''}; ${(items.get('done')?.length ?? 0)} improvement item${items.get('done')?.length === 1 ? '' : 's'} done.`;
  return {
    id: 'activity',
    question: 'How has my search gone over time?',
    answer,
    charts: [
      {
        id: 'outcomes', title: 'Applications and their outcomes, by month', kind: 'stacked-bar', labelHeader: 'Applied in',
        description: 'Applications by the month they were sent, split by outcome; each outcome has the same colour and pattern in every journal.',
        emptyText: 'No interview recorded yet.',
        labels: monthKeys.map(monthLabel),
        series: [...OUTCOMES, 'unset' as const].filter((o) => byOutcome.has(o)).map((o) => {
          const m = byOutcome.get(o)!;
          return { label: o === 'unset' ? 'no outcome' : o, values: monthKeys.map((k) => m.get(k)?.length ?? 0), refs: monthKeys.map((k) => m.get(k) ?? []), style: OUTCOME_STYLES[o] };
        }),
      },
      {
        id: 'improvements', title: 'Improvement items', kind: 'bar', labelHeader: 'Status',
        description: 'The work planned against your weaknesses; overdue items are to do or in progress past their due date.',
        emptyText: 'No improvement item yet: add one under a weakness in weaknesses.yaml.',
        labels: itemKeys.map((k) => (k === 'doing' ? 'in progress' : k === 'todo' ? 'to do' : k)),
        series: itemKeys.length ? [{ label: 'Items', values: itemKeys.map((k) => items.get(k)!.length), refs: itemKeys.map((k) => items.get(k)!), style: DEFAULT_STYLE }] : [],
      },
    ],
  };
}

/** Every chart of a model, section by section. */
export function allCharts(m: InsightsModel): ChartModel[] {
  return m.sections.flatMap((s) => s.charts);
}
