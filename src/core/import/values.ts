/** Cell values as spreadsheets write them → Debrief's values: dates, rounds, tags and plain text. */
import { addDays, isValidDate } from '../dates';
import { ROUND_TYPES, RoundType } from '../model';
import { shown } from '../text/shown';
import { readStatus } from './status';
import { normalizeWords } from './words';

/** Cells that mean "nothing here" in spreadsheets and tracker exports. */
const EMPTY = new Set(['', '-', '–', '—', 'n/a', 'na', '#n/a', 'null', 'none', 'undefined']);

/**
 * A cell's text: trimmed, "nothing" markers read as empty, and the apostrophe that CSV exports put
 * before a leading = + - @ (so spreadsheets do not run it as a formula) taken off again.
 */
export function cellText(cell: string | undefined): string {
  const t = (cell ?? '').trim();
  if (t.length <= 9 && EMPTY.has(t.toLowerCase())) return '';
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

/** One line: runs of white space (line breaks included) become one space. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Tags: separated by commas, semicolons, bars or spaces (a Debrief tag is one word). */
export function readTags(s: string): string[] {
  return [...new Set(s.split(/[,;|\s]+/).map((t) => t.trim()).filter(Boolean))];
}

// ---------- dates ----------

/** How to read 03/04/2025: month first (US) or day first (most of the rest of the world). */
export type DateOrder = 'mdy' | 'dmy';

const MONTHS = new Map<string, number>(Object.entries({
  jan: 1, january: 1, januar: 1, janner: 1, feb: 2, february: 2, februar: 2, mar: 3, march: 3, mrz: 3, marz: 3, apr: 4, april: 4,
  may: 5, mai: 5, jun: 6, june: 6, juni: 6, jul: 7, july: 7, juli: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10, nov: 11, november: 11, dec: 12, december: 12, dez: 12, dezember: 12,
}));

function year(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 70 ? 2000 + n : 1900 + n;
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const DOTTED = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})(?:\s.*)?$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:[\s,T].*)?$/;
/** Days since 1899-12-30: how spreadsheets store dates, seen when a date cell is exported unformatted. */
const SERIAL = /^(\d{5})(?:\.\d+)?$/;

/** Which way round ambiguous dates like 03/04/2025 are meant, from the unambiguous ones of a column. */
export function inferDateOrder(cells: Iterable<string>, fallback: DateOrder): { order: DateOrder; ambiguous: boolean } {
  let dmy = 0, mdy = 0, ambiguous = 0;
  for (const c of cells) {
    const m = SLASHED.exec(cellText(c));
    if (!m) continue;
    const a = Number(m[1]), b = Number(m[2]);
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
    else if (a !== b) ambiguous++;
  }
  if (dmy || mdy) return { order: dmy >= mdy ? 'dmy' : 'mdy', ambiguous: false };
  return { order: fallback, ambiguous: ambiguous > 0 };
}

/** "14 March 2025", "14. März 2025", "14-Mar-25", "March 14, 2025", "Mar 14th 2025". */
function readNamedDate(t: string): [number, number, number] | undefined {
  const w = normalizeWords(t).split(' ');
  if (w.length !== 3) return undefined;
  const num = (s: string) => (/^\d{1,2}(st|nd|rd|th)?$/.test(s) ? parseInt(s, 10) : undefined);
  const yr = (s: string) => (/^(\d{2}|\d{4})$/.test(s) ? year(s) : undefined);
  const [m1, m0] = [MONTHS.get(w[1]), MONTHS.get(w[0])];
  if (num(w[0]) !== undefined && m1 && yr(w[2]) !== undefined) return [yr(w[2])!, m1, num(w[0])!];
  if (m0 && num(w[1]) !== undefined && /^\d{4}$/.test(w[2])) return [Number(w[2]), m0, num(w[1])!];
  return undefined;
}

/**
 * A date as people and tracker exports write it: 2025-03-14 (with or without a time), 14.03.2025,
 * 03/14/2025 or 14/03/2025 (after `order`), 14 March 2025, March 14, 2025, 14. März 2025, or a
 * spreadsheet's serial day number. `undefined` for an empty cell; an error for anything else.
 */
export function readDate(cell: string, order: DateOrder): { ok: true; date?: string } | { ok: false; reason: string } {
  const t = cellText(cell);
  if (!t) return { ok: true };
  if (t.length > 64) return { ok: false, reason: `"${shown(oneLine(t))}" is not a date Debrief can read; write it as YYYY-MM-DD` };
  let y: number | undefined, m: number | undefined, d: number | undefined;
  let r: RegExpExecArray | null;
  if ((r = ISO.exec(t))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = DOTTED.exec(t))) [d, m, y] = [Number(r[1]), Number(r[2]), year(r[3])];
  else if ((r = SLASHED.exec(t))) {
    const a = Number(r[1]), b = Number(r[2]);
    [m, d] = order === 'mdy' ? [a, b] : [b, a];
    y = year(r[3]);
  } else if ((r = SERIAL.exec(t))) {
    const n = Number(r[1]);
    if (n >= 20000 && n <= 80000) return { ok: true, date: addDays('1899-12-30', n) };
  } else {
    const named = readNamedDate(t);
    if (named) [y, m, d] = named;
  }
  if (y !== undefined && m !== undefined && d !== undefined) {
    const date = ymd(y, m, d);
    if (isValidDate(date)) return { ok: true, date };
    return { ok: false, reason: date === t ? `"${t}" is not a real date` : `"${shown(oneLine(t))}" is not a real date (read as ${date})` };
  }
  return { ok: false, reason: `"${shown(oneLine(t))}" is not a date Debrief can read; write it as YYYY-MM-DD` };
}

// ---------- rounds ----------

export interface ImportedRound {
  type: RoundType;
  date?: string;
}

/** Round types written as Debrief writes them. */
const ROUND_WORDS = new Map<string, RoundType>(ROUND_TYPES.map((t) => [normalizeWords(t), t]));

/** The round type a stage word implies. */
const ROUND_OF_STAGE = new Map<string, RoundType>([
  ['screening', 'recruiter'], ['recruiter', 'recruiter'], ['coding', 'coding'], ['take-home', 'take-home'], ['system-design', 'system-design'], ['behavioral', 'behavioral'], ['onsite', 'onsite'],
]);

/** A date anywhere in a piece of text, and the text around it. */
function splitDate(piece: string, order: DateOrder): { date?: string; rest: string } {
  const patterns = [/\d{4}-\d{1,2}-\d{1,2}/, /\d{1,2}\.\d{1,2}\.\d{2,4}/, /\d{1,2}\/\d{1,2}\/\d{2,4}/];
  for (const p of patterns) {
    const m = p.exec(piece);
    if (!m) continue;
    const r = readDate(m[0], order);
    if (r.ok && r.date) return { date: r.date, rest: (piece.slice(0, m.index) + ' ' + piece.slice(m.index + m[0].length)).trim() };
  }
  return { rest: piece.trim() };
}

/** A count of interviews ("2", "3 interviews"): how many there were, not what they were. */
export function interviewCount(cell: string): number | undefined {
  const m = /^(\d{1,3})(?:\s*(?:x|interviews?|rounds?|gespr[aä]che?|runden?|entretiens?|entrevistas?|gesprekken?|intervjuer?))?$/i.exec(cellText(cell));
  return m ? Number(m[1]) : undefined;
}

/**
 * Rounds written in one cell: a list of rounds separated by → ; | or line breaks, each a type and/or
 * a date ("recruiter 2025-01-10 → coding 2025-01-17", Debrief's own export). `exact` is false when
 * some words were not understood (the cell is then also kept in the notes); undefined when nothing in
 * it reads as a round. A bare count is no list of rounds (interviewCount).
 */
export function readRounds(cell: string, order: DateOrder): { rounds: ImportedRound[]; exact: boolean } | undefined {
  const t = cellText(cell);
  if (!t) return { rounds: [], exact: true };
  if (interviewCount(t) !== undefined) return undefined;
  const pieces = t.split(/\s*(?:→|->|;|\||\n)\s*/).filter((p) => p.trim() !== '');
  if (!pieces.length) return undefined;
  const rounds: ImportedRound[] = [];
  let exact = true;
  for (const piece of pieces) {
    const { date, rest } = splitDate(piece, order);
    const words = normalizeWords(rest);
    let type: RoundType | undefined = ROUND_WORDS.get(words);
    if (!type && words) {
      // Other words: a round type they imply ("Phone screen" is a recruiter round), else "other";
      // either way the cell is also kept in the notes, so nothing written there is lost.
      const stage = readStatus(rest)?.stage;
      type = stage ? ROUND_OF_STAGE.get(stage) : undefined;
      exact = false;
    }
    if (!type && !date) return undefined;
    rounds.push({ type: type ?? 'other', ...(date ? { date } : {}) });
  }
  if (rounds.length > 20) return undefined;
  return { rounds, exact };
}
