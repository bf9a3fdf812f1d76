/**
 * The guess of a whole mapping: a preset's own column names first, then header names (names.ts),
 * then the columns' contents (columns.ts) where names do not decide. Each field's column comes with
 * the reason, in one line, so the plan can say why.
 *
 * Contents decide:
 * - a column of dates is a date: the date applied is the one named so, else the earliest of the
 *   date columns whose names do not say they are something else (a deadline, a follow-up);
 * - a column of links is the link, whatever its name;
 * - a column of sentences is never the status: it is the feedback when it says why applications
 *   ended, else it stays in the notes;
 * - among several columns named like a status, the one of status words Debrief knows (a short
 *   vocabulary) wins;
 * - a column holding one e-mail, phone number or name in every row is the user's own: it never
 *   becomes the contact, and is left out (the report says so).
 */
import { isDateColumn, isSentenceColumn, isUrlColumn, profileColumn, share } from './columns';
import { foldHeader, headerScore, namesOtherDate } from './names';
import { findPreset, PRESETS } from './presets';
import type { Table } from './table';
import { Field, FIELDS, Mapping, Preset } from './types';
import type { DateOrder } from './values';

export interface Guess {
  mapping: Mapping;
  /** Why each mapped field took its column, one line each ("named so", "the only column of dates"). */
  reasons: Partial<Record<Field, string>>;
  /** Columns taken as the user's own (one e-mail, phone or name in every row): never written. */
  own: number[];
}

/** Single generic words that name a field less surely than a longer name ("Date" against "Application date"). */
const WEAK_NAMES = new Set(['date', 'datum', 'fecha', 'tarih'].map(foldHeader));
const DATE_WORDS = ['date', 'datum', 'day', 'time', 'created', 'saved', 'applied', 'fecha', 'tarih', 'Datum'].map(foldHeader);

/** The preset whose typical columns all appear in the header row, the most specific first (generic when none does). */
export function detectPreset(headers: readonly string[]): Preset {
  const names = new Set(headers.map(foldHeader));
  const fitting = PRESETS.filter((p) => p.signature.length > 0 && p.signature.every((s) => names.has(foldHeader(s))));
  fitting.sort((a, b) => b.signature.length - a.signature.length);
  return fitting[0] ?? findPreset('generic')!;
}

/** The typical columns of a preset that the header row lacks (none: the file fits the preset). */
export function missingSignature(preset: Preset, headers: readonly string[]): string[] {
  const names = new Set(headers.map(foldHeader));
  return preset.signature.filter((s) => !names.has(foldHeader(s)));
}

interface Candidate { field: Field; column: number; score: number; reason: string }

function nameCandidates(headers: readonly string[], preset: Preset): Candidate[] {
  const folded = headers.map(foldHeader);
  const out: Candidate[] = [];
  for (const field of FIELDS) {
    for (const [rank, name] of (preset.columns[field] ?? []).entries()) {
      const column = folded.indexOf(foldHeader(name));
      if (column !== -1) out.push({ field, column, score: 100 - rank, reason: `its column in the ${preset.label} export` });
    }
    headers.forEach((h, column) => {
      let score = headerScore(h, field);
      if (score === 3 && WEAK_NAMES.has(folded[column])) score = 2;
      if (score > 0) out.push({ field, column, score, reason: score >= 2 ? 'named so' : 'its name says so' });
    });
  }
  return out;
}

/** Assigns the strongest candidates first: each column fills at most one field and each field takes at most one column. */
function assign(candidates: Candidate[], mapping: Mapping, reasons: Partial<Record<Field, string>>, used: Set<number>): void {
  candidates.sort((a, b) => b.score - a.score || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || a.column - b.column);
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    reasons[c.field] = c.reason;
    used.add(c.column);
  }
}

/** The likeliest column for each field from the header names alone (a preset's own names first). */
export function guessMapping(headers: readonly string[], preset: Preset = detectPreset(headers)): Mapping {
  const mapping: Mapping = {};
  assign(nameCandidates(headers, preset), mapping, {}, new Set());
  return mapping;
}

const quoted = (h: string) => `"${h}"`;

/**
 * The mapping of a table, from a preset, the header names and the columns' contents. `order` is how
 * ambiguous dates are read when a column does not settle it.
 */
export function guessColumns(table: Table, preset: Preset, order: DateOrder): Guess {
  const { headers } = table;
  const profiles = headers.map((_, c) => profileColumn(table, c, order));
  const headerSaysDate = (c: number) => DATE_WORDS.some((w) => ` ${foldHeader(headers[c])} `.includes(` ${w} `)) || headerScore(headers[c], 'applied') > 0;
  const named = (c: number, f: Field) => headerScore(headers[c], f) > 0 || (preset.columns[f] ?? []).some((n) => foldHeader(n) === foldHeader(headers[c]));
  // The user's own columns: one e-mail, phone or name in every row, under no header that names a field other than the contact.
  const own = profiles.filter((p) => p.personal && FIELDS.every((f) => f === 'contact' || !named(p.column, f))).map((p) => p.column);
  const ownSet = new Set(own);
  const isDate = profiles.map((p) => isDateColumn(p, headerSaysDate(p.column)));

  /** What a column's contents allow it to be. */
  const allowed = (field: Field, c: number): boolean => {
    const p = profiles[c];
    if (ownSet.has(c)) return false;
    if (isUrlColumn(p)) return field === 'link' || field === 'notes';
    const sentences = isSentenceColumn(p);
    switch (field) {
      case 'status': case 'stage': case 'source': case 'tags': case 'contact': return !sentences && !isDate[c];
      case 'rounds': return !sentences;
      case 'applied': return p.filled === 0 || share(p, p.dates) >= 0.5;
      case 'link': return p.filled === 0 || share(p, p.urls) >= 0.5;
      default: return true;
    }
  };

  const mapping: Mapping = {};
  const reasons: Partial<Record<Field, string>> = {};
  const used = new Set<number>(own);
  let candidates = nameCandidates(headers, preset).filter((c) => allowed(c.field, c.column));

  // Among several columns named like a status (a preset's column aside), the one of known status
  // words wins, then the one of fewer different values.
  const statusNamed = candidates.filter((c) => c.field === 'status');
  if (statusNamed.length > 1 && statusNamed.every((c) => c.score < 100)) {
    const rank = (c: Candidate) => [share(profiles[c.column], profiles[c.column].statusWords), -profiles[c.column].distinct, c.score];
    const best = statusNamed.reduce((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] > rb[i] ? a : b;
      return a.column <= b.column ? a : b;
    });
    const others = statusNamed.filter((c) => c !== best).map((c) => quoted(headers[c.column]));
    const p = profiles[best.column];
    mapping.status = best.column;
    reasons.status = `status words (${p.distinct} different value${p.distinct === 1 ? '' : 's'}), rather than ${others.join(', ')}`;
    used.add(best.column);
    candidates = candidates.filter((c) => c.field !== 'status' && c.column !== best.column);
  }
  // Columns named like a status that hold sentences are feedback when they say why applications ended.
  for (const c of nameCandidates(headers, preset)) {
    if (c.field !== 'status' || used.has(c.column) || !isSentenceColumn(profiles[c.column])) continue;
    const p = profiles[c.column];
    if (share(p, p.endings) >= 0.3) candidates.push({ field: 'feedback', column: c.column, score: c.score, reason: `sentences that say why applications ended (${p.endings} of ${p.filled}), so not the status` });
  }
  assign(candidates, mapping, reasons, used);
  // Say why the other columns named like a status were not taken.
  if (mapping.status !== undefined && !reasons.status?.startsWith('status words')) {
    const passed = nameCandidates(headers, preset).filter((c) => c.field === 'status' && c.column !== mapping.status && isSentenceColumn(profiles[c.column])).map((c) => quoted(headers[c.column]));
    if (passed.length) reasons.status += `; ${passed.join(', ')} ${passed.length === 1 ? 'holds' : 'hold'} sentences`;
  }

  const free = (c: number) => !used.has(c);
  const take = (field: Field, column: number, reason: string) => {
    mapping[field] = column;
    reasons[field] = reason;
    used.add(column);
  };
  // The date applied: the earliest of the date columns that are not named as another date.
  if (mapping.applied === undefined) {
    const dates = profiles.filter((p) => free(p.column) && isDate[p.column] && !namesOtherDate(headers[p.column]) && allowed('applied', p.column));
    if (dates.length) {
      const earliest = dates.reduce((a, b) => ((b.meanDay ?? Infinity) < (a.meanDay ?? Infinity) ? b : a));
      take('applied', earliest.column, dates.length === 1 ? 'the only column of dates' : `dates, the earliest of ${dates.length} date columns (${dates.map((p) => quoted(headers[p.column])).join(', ')})`);
    }
  }
  if (mapping.link === undefined) {
    const links = profiles.find((p) => free(p.column) && isUrlColumn(p));
    if (links) take('link', links.column, 'links');
  }
  if (mapping.status === undefined) {
    const words = profiles.filter((p) => free(p.column) && allowed('status', p.column) && p.filled > 0 && share(p, p.statusWords) >= 0.6);
    if (words.length) {
      const best = words.reduce((a, b) => (share(b, b.statusWords) > share(a, a.statusWords) ? b : a));
      take('status', best.column, `status words (${best.statusWords} of ${best.filled} known)`);
    }
  }
  if (mapping.feedback === undefined) {
    const endings = profiles.filter((p) => free(p.column) && isSentenceColumn(p) && share(p, p.endings) >= 0.3);
    if (endings.length) {
      const best = endings.reduce((a, b) => (b.endings > a.endings ? b : a));
      take('feedback', best.column, `sentences that say why applications ended (${best.endings} of ${best.filled})`);
    }
  }
  return { mapping, reasons, own };
}
