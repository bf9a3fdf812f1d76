/**
 * What a column holds, read from its cells: dates, links, sentences, status words, counts, one value
 * in every row. The guess of the mapping (guess.ts) decides from these where header names do not.
 * One pass over the cells of each column: linear in the table.
 */
import { daysBetween } from '../dates';
import { hasWords, normalizeWords } from './words';
import { namesPerson } from './names';
import { readStatus } from './status';
import type { Table } from './table';
import { cellText, DateOrder, inferDateOrder, readDate } from './values';

export interface ColumnProfile {
  column: number;
  /** Rows below the header, and how many of them hold something in this column. */
  rows: number;
  filled: number;
  /** Cells that read as dates, how many of them are bare spreadsheet day numbers, and the mean day (days since 1970). */
  dates: number;
  serials: number;
  meanDay?: number;
  urls: number;
  /** Cells of several words that read as sentences, and those that say why an application ended. */
  sentences: number;
  endings: number;
  /** Short cells that are status words Debrief knows. */
  statusWords: number;
  /** Different values (in any case or punctuation). */
  distinct: number;
  /** The one value of every row, when every row holds the same one. */
  same?: string;
  /** `same` is the user's own: an e-mail, a phone number, or a name under a header that names a person. */
  personal: boolean;
}

const URL = /^(?:https?:\/\/|www\.)\S+$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()./-]{6,}$/;
const SENTENCE_END = /[.!?…]$/;

/** Words of a sentence that say an application ended, in the languages the import reads. */
const ENDING_PHRASES = ['unfortunately', 'regret', 'not moving forward', 'not move forward', 'move forward with other', 'other candidate', 'another candidate', 'went with', 'decided not',
  'not a fit', 'no longer', 'position has been filled', 'leider', 'nicht berücksichtigen', 'anderen Kandidaten', 'malheureusement', 'pas retenu', 'lamentablemente', 'no ha sido seleccionad',
  'helaas', 'tyvärr', 'maalesef'].map(normalizeWords);
const ENDED_OUTCOMES = new Set(['rejected', 'ghosted', 'withdrawn', 'declined', 'role-closed']);

/** Words of a text, counted up to `max` (long texts are not split whole). */
function wordCount(s: string, max = 6): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < max; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Texts longer than this are no date, status word or header: only their start is read for what they say. */
const SHORT = 200;
const HEAD = 1000;

/** Does a sentence say why an application ended ("Rejection email received from …", "Leider …")? */
export function saysWhyItEnded(text: string): boolean {
  text = text.slice(0, HEAD);
  const words = normalizeWords(text);
  if (ENDING_PHRASES.some((p) => hasWords(words, p))) return true;
  const meaning = readStatus(text);
  return meaning !== undefined && ENDED_OUTCOMES.has(meaning.outcome) && !meaning.notApplied;
}

/** A cell of several words that reads as a sentence rather than a label. */
export function isSentence(text: string): boolean {
  const n = wordCount(text);
  return n >= 6 || (n >= 4 && SENTENCE_END.test(text));
}

/** The profile of one column; `order` is how ambiguous dates are read when the column does not settle it. */
export function profileColumn(table: Table, column: number, order: DateOrder): ColumnProfile {
  const cells: string[] = [];
  for (const r of table.rows) {
    const t = cellText(r.cells[column]);
    if (t) cells.push(t);
  }
  // How dates such as 03/04/2025 are read: as the column's unambiguous dates settle it, else `order`.
  const inferred = inferDateOrder(cells, order);
  const p: ColumnProfile = {
    column, rows: table.rows.length, filled: cells.length, dates: 0, serials: 0, urls: 0, sentences: 0, endings: 0, statusWords: 0, distinct: 0, personal: false,
  };
  const values = new Set<string>();
  let days = 0;
  for (const t of cells) {
    values.add(t.length <= SHORT ? normalizeWords(t) || t : t);
    const d = t.length <= SHORT ? readDate(t, inferred.order) : undefined;
    if (d?.ok && d.date) {
      p.dates++;
      days += daysBetween('1970-01-01', d.date);
      if (/^\d{5}(\.\d+)?$/.test(t)) p.serials++;
    }
    if (URL.test(t)) p.urls++;
    if (isSentence(t)) {
      p.sentences++;
      if (saysWhyItEnded(t)) p.endings++;
    } else if (t.length <= SHORT && wordCount(t) <= 5 && readStatus(t)) p.statusWords++;
  }
  if (p.dates) p.meanDay = days / p.dates;
  p.distinct = values.size;
  if (cells.length >= 2 && cells.length === p.rows && values.size === 1 && new Set(cells).size === 1) {
    p.same = cells[0];
    // An address or a number is short: longer values are not tried (which also keeps the patterns linear).
    const short = p.same.length <= 254;
    const phone = short && PHONE.test(p.same) && (p.same.match(/\d/g)?.length ?? 0) >= 6 && p.dates === 0;
    p.personal = (short && EMAIL.test(p.same)) || phone || namesPerson(table.headers[column] ?? '');
  }
  return p;
}

/** The share of a column's filled cells that have a quality (0 for an empty column). */
export function share(p: ColumnProfile, n: number): number {
  return p.filled ? n / p.filled : 0;
}

/** Most cells are dates (bare day numbers count only under a header that says so). */
export function isDateColumn(p: ColumnProfile, headerSaysDate: boolean): boolean {
  return p.filled > 0 && (share(p, p.dates - p.serials) >= 0.8 || (headerSaysDate && share(p, p.dates) >= 0.8));
}

export const isUrlColumn = (p: ColumnProfile): boolean => p.filled > 0 && share(p, p.urls) >= 0.8;
export const isSentenceColumn = (p: ColumnProfile): boolean => p.filled > 0 && share(p, p.sentences) >= 0.5;
