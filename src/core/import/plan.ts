/**
 * The import plan: one new interview file per row of a table, through the same interview creation as
 * Record Interview, each with a comment saying where it came from. Rows that repeat an interview of
 * the journal or an earlier row (same company, role and date, in any case or spacing) are duplicates,
 * with the fields that matched; rows still on a wishlist are skipped; rows that cannot be an
 * interview are invalid, with their line and the reason. Nothing written in a row is dropped: every
 * column that fills no field goes into the notes as "Column: value", unless the user chose to ignore
 * it (or it holds the user's own e-mail, phone or name in every row), and the report lists those.
 * Nothing is ever overwritten: the plan only creates files, under ids no file has yet, so importing
 * the same file twice adds nothing the second time.
 */
import { addRound, createInterview, NewInterview } from '../edits/interview';
import { uniqueId } from '../ids';
import { Interview, interviewDate, isClosed, Outcome, Stage } from '../model';
import { basename } from '../paths';
import type { FileChange } from '../plans/plan';
import { shown } from '../text/shown';
import { run } from '../yaml/splice';
import { applyEdits, chain, EditResult } from '../yaml/text-edits';
import { saysWhyItEnded } from './columns';
import { Field, FIELD_LABELS, FIELDS, Mapping, missingRequired } from './fields';
import type { ImportProblem } from './problem';
import { furtherStage, readStage, readStatus, StatusMeaning } from './status';
import { rowName, Table, TableRow } from './table';
import { cellText, DateOrder, ImportedRound, inferDateOrder, interviewCount, oneLine, readDate, readRounds, readTags } from './values';
import { normalizeWords } from './words';

export type RowKind = 'new' | 'duplicate' | 'invalid' | 'skipped';

export interface RowResult {
  line: number;
  kind: RowKind;
  company?: string;
  role?: string;
  date?: string;
  /** The outcome the interview gets (new and duplicate rows): the row's status as understood, else pending. */
  outcome?: Outcome;
  /** The new file (new rows). */
  path?: string;
  /** Why the row is a duplicate, invalid or skipped. */
  reason?: string;
}

/** A status or stage value no word of which Debrief knows, and the lines that hold it. */
export interface UnmappedValue {
  field: 'status' | 'stage' | 'rounds';
  value: string;
  lines: number[];
}

export interface ImportCounts {
  new: number;
  duplicate: number;
  invalid: number;
  skipped: number;
}

export interface ImportPlan {
  /** One `create` per new interview. */
  changes: FileChange[];
  rows: RowResult[];
  counts: ImportCounts;
  unmapped: UnmappedValue[];
  /** Assumptions worth telling (how ambiguous dates were read). */
  notes: string[];
}

/** An interview already in the journal, as far as duplicates go. */
export interface ExistingInterview {
  company: string;
  role: string;
  date?: string;
  file: string;
}

export function existingOf(interviews: readonly Interview[]): ExistingInterview[] {
  return interviews.map((iv) => ({ company: iv.company, role: iv.role, date: interviewDate(iv), file: iv.file }));
}

export interface ImportOptions {
  mapping: Mapping;
  journalFolder: string;
  existing: readonly ExistingInterview[];
  /** Ids no new file may take: every interview id and every file name in the interviews folder. */
  takenIds: Iterable<string>;
  /** The imported file's name, for the comment in each new file. */
  sourceName: string;
  today: string;
  /** Meanings the user chose for status values, by their normalized text. */
  statusChoices?: ReadonlyMap<string, StatusMeaning>;
  /** Columns written nowhere: chosen by the user, or the user's own (guess.ts). Every other column fills a field or the notes. */
  ignored?: Iterable<number>;
  /** The file lists saved jobs, not applications (a preset's `wishlist`): every row is skipped for this reason. */
  wishlist?: string;
}

/** "3 new, 1 duplicate, 2 invalid, 1 skipped": the last line of every import report. */
export function importSummary(c: ImportCounts): string {
  return `${c.new} new, ${c.duplicate} duplicate, ${c.invalid} invalid, ${c.skipped} skipped`;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What makes two applications the same: company, role and date, in any case and spacing. Two rows
 * of a file without a date are the same only when every other value is the same too (`rest`): the
 * same company and role at different times are two applications when anything tells them apart.
 */
export function duplicateKey(company: string, role: string, date: string | undefined, rest: readonly string[] = []): string {
  return [norm(company), norm(role), date ?? '', ...(date ? [] : rest.map(norm))].join('\u0000');
}

/** Why a row is a duplicate: the fields that matched, and where. */
function duplicateReason(date: string | undefined, of: string): string {
  return date ? `same company, role and date (${date}) as ${of}` : `same company and role as ${of}, neither with a date`;
}

/** The key by which a status value's meaning is chosen (the same value, any case or punctuation). */
export function statusKey(value: string): string {
  return normalizeWords(value);
}

function singleLineComment(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** The mapped fields of a row, as text. */
function cellsOf(row: TableRow, mapping: Mapping): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) {
    const c = mapping[f];
    if (c !== undefined) out[f] = cellText(row.cells[c]);
  }
  return out;
}

interface RowValues {
  interview: NewInterview;
  rounds: ImportedRound[];
  notes?: string;
  feedback?: string;
}

type RowBuilt = { ok: true; values: RowValues } | { ok: false; reason: string; skipped?: boolean };

/** Builds the interview of one row, or says why the row cannot be one (or is not an application yet). */
function rowValues(row: TableRow, cells: Partial<Record<Field, string>>, table: Table, options: ImportOptions, written: readonly number[], order: DateOrder, unmapped: (field: UnmappedValue['field'], value: string) => void): RowBuilt {
  const { headers } = table;
  if (row.malformed) return { ok: false, reason: row.malformed };
  const extraCells = row.cells.slice(headers.length).filter((c) => c.trim() !== '');
  if (extraCells.length) return { ok: false, reason: `${row.cells.length} values where the header row has ${headers.length}: a value probably holds the separator without quotes around it` };
  const company = oneLine(cells.company ?? '');
  const role = oneLine(cells.role ?? '');
  const column = (f: Field) => headers[options.mapping[f] ?? -1] ?? FIELD_LABELS[f];
  if (!company) return { ok: false, reason: `no company (column "${column('company')}" is empty)` };
  if (!role) return { ok: false, reason: `no role (column "${column('role')}" is empty)` };
  if (options.wishlist) return { ok: false, skipped: true, reason: options.wishlist };
  const applied = readDate(cells.applied ?? '', order);
  if (!applied.ok) return { ok: false, reason: `${applied.reason} (column "${column('applied')}")` };

  const extra: string[] = [];
  let outcome: Outcome | undefined;
  let stage: Stage | undefined;
  const status = cells.status ?? '';
  if (status) {
    const meaning = options.statusChoices?.get(statusKey(status)) ?? readStatus(status);
    if (meaning?.notApplied) return { ok: false, skipped: true, reason: `not an application yet (status "${shown(oneLine(status))}"): Debrief records applications that were sent` };
    if (meaning) {
      outcome = meaning.outcome;
      stage = meaning.stage;
    } else {
      unmapped('status', oneLine(status));
      extra.push(`${column('status')}: ${status}`);
    }
  }
  let feedback = cells.feedback || undefined;
  if (feedback && !status && saysWhyItEnded(feedback)) {
    // No status: the sentence that says why the application ended says how it ended.
    const meaning = readStatus(feedback);
    if (meaning && !meaning.notApplied && meaning.outcome !== 'pending') outcome = meaning.outcome;
  }
  if (feedback && !isClosed(outcome) && !saysWhyItEnded(feedback)) {
    // Feedback is why an application ended; about one still open, the text is a note.
    extra.push(`${column('feedback')}: ${feedback}`);
    feedback = undefined;
  }
  const stageCell = cells.stage ?? '';
  if (stageCell) {
    const s = readStage(stageCell);
    if (s) stage = furtherStage(stage, s.stage);
    else {
      unmapped('stage', oneLine(stageCell));
      extra.push(`${column('stage')}: ${stageCell}`);
    }
  }
  let rounds: ImportedRound[] = [];
  const roundsCell = cells.rounds ?? '';
  if (roundsCell) {
    const count = interviewCount(roundsCell);
    if (count !== undefined) {
      // A count of interviews: kept as written, and the stage it implies; never rounds no one recorded.
      extra.push(`${column('rounds')}: ${roundsCell}`);
      if (count > 0) stage = furtherStage(stage, 'screening');
    } else {
      const r = readRounds(roundsCell, order);
      if (!r) unmapped('rounds', oneLine(roundsCell));
      else rounds = r.rounds;
      if (!r || !r.exact) extra.push(`${column('rounds')}: ${roundsCell}`);
    }
  }
  const tags = cells.tags ? readTags(cells.tags) : [];
  if (cells.tags && !tags.length) extra.push(`${column('tags')}: ${cells.tags}`);
  const others: string[] = [];
  for (const c of written) {
    const value = cellText(row.cells[c]);
    if (value) others.push(`${headers[c]}: ${value}`);
  }
  const notes = [cells.notes, cells.link ? `Link: ${cells.link}` : undefined, cells.contact ? `Contact: ${oneLine(cells.contact)}` : undefined, ...extra, ...others]
    .filter((s): s is string => Boolean(s && s.trim()))
    .join('\n')
    .trim();
  const source = cells.source ? oneLine(cells.source) : undefined;
  return {
    ok: true,
    values: {
      interview: { company, role, applied: applied.date, source: source || undefined, outcome: outcome ?? 'pending', stage: stage && stage !== 'applied' ? stage : undefined, tags: tags.length ? tags : undefined },
      rounds,
      notes: notes || undefined,
      feedback,
    },
  };
}

/** The new file's text: the interview as Record Interview writes it, its rounds and notes, and where it came from. */
function interviewText(values: RowValues, base: string, origin: string): EditResult & { text?: string } {
  const steps: ((t: string) => EditResult)[] = [];
  for (const r of values.rounds) steps.push((t) => addRound(t, { type: r.type, date: r.date }));
  const { feedback, notes } = values;
  if (feedback || notes) {
    steps.push((t) => run(t, (ed) => {
      if (feedback) ed.set(['feedback', 'summary'], feedback);
      if (notes) ed.set(['notes'], notes);
    }));
  }
  const r = chain(base, ...steps);
  if (!r.ok) return r;
  const text = applyEdits(base, r.edits);
  // The comment goes after the header comment createInterview writes.
  const lines = text.split('\n');
  let at = 0;
  while (at < lines.length && lines[at].startsWith('#')) at++;
  lines.splice(at, 0, `# ${singleLineComment(origin)}`);
  return { ok: true, edits: [], text: lines.join('\n') };
}

/** How dates such as 03/04/2025 are read when no date of the file settles it: day first in a semicolon-separated file or a workbook (Europe), else month first. */
export function defaultDateOrder(table: Pick<Table, 'delimiter' | 'sheet'>): DateOrder {
  return table.delimiter === ';' || table.sheet !== undefined ? 'dmy' : 'mdy';
}

/**
 * Plans the import of a table: what each row becomes. Refused (with what to do) only when the mapping
 * lacks a column every row needs.
 */
export function planImport(table: Table, options: ImportOptions): { ok: true; plan: ImportPlan } | { ok: false; problem: ImportProblem } {
  const missing = missingRequired(options.mapping);
  if (missing.length) {
    return { ok: false, problem: { line: table.headerLine, column: 1, code: 'unmapped-required', message: `No column is mapped to ${missing.map((f) => FIELD_LABELS[f].toLowerCase()).join(' and ')}: every interview needs a company and a role. Map the columns that hold them.` } };
  }
  const notes: string[] = [];
  const dateCells = [options.mapping.applied, options.mapping.rounds].filter((c): c is number => c !== undefined).flatMap((c) => table.rows.map((r) => r.cells[c] ?? ''));
  const inferred = inferDateOrder(dateCells, defaultDateOrder(table));
  if (inferred.ambiguous) notes.push(`Dates such as 03/04/2025 were read as ${inferred.order === 'mdy' ? 'month/day/year (March 4)' : 'day/month/year (3 April)'}: no date in the file settles it. Check the dates of the new interviews.`);
  // Every column that fills no field and is not ignored goes into the notes.
  const ignored = new Set(options.ignored ?? []);
  const mapped = new Set(FIELDS.map((f) => options.mapping[f]).filter((c): c is number => c !== undefined));
  const written = table.headers.map((_, c) => c).filter((c) => !mapped.has(c) && !ignored.has(c));

  const existing = new Map<string, string>();
  for (const e of options.existing) {
    const k = duplicateKey(e.company, e.role, e.date);
    if (!existing.has(k)) existing.set(k, e.file);
  }
  const seenInFile = new Map<string, number>();
  const taken = new Set(options.takenIds);
  const nextFree = new Map<string, number>();
  const unmappedByKey = new Map<string, UnmappedValue>();
  const rows: RowResult[] = [];
  const changes: FileChange[] = [];
  const source = basename(options.sourceName.replace(/\\/g, '/'));

  for (const row of table.rows) {
    const cells = cellsOf(row, options.mapping);
    const pendingUnmapped: [UnmappedValue['field'], string][] = [];
    const built = rowValues(row, cells, table, options, written, inferred.order, (field, value) => pendingUnmapped.push([field, value]));
    if (!built.ok) {
      rows.push({ line: row.line, kind: built.skipped ? 'skipped' : 'invalid', company: oneLine(cells.company ?? '') || undefined, role: oneLine(cells.role ?? '') || undefined, reason: built.reason });
      continue;
    }
    const v = built.values;
    const date = v.interview.applied ?? v.rounds.find((r) => r.date)?.date;
    const base: RowResult = { line: row.line, kind: 'new', company: v.interview.company, role: v.interview.role, ...(date ? { date } : {}), outcome: v.interview.outcome ?? 'pending' };
    const inJournal = existing.get(duplicateKey(v.interview.company, v.interview.role, date));
    if (inJournal !== undefined) {
      rows.push({ ...base, kind: 'duplicate', reason: duplicateReason(date, inJournal) });
      continue;
    }
    const key = duplicateKey(v.interview.company, v.interview.role, date, row.cells.filter((_, c) => c !== options.mapping.company && c !== options.mapping.role));
    const earlier = seenInFile.get(key);
    if (earlier !== undefined) {
      rows.push({ ...base, kind: 'duplicate', reason: date ? duplicateReason(date, rowName(table, earlier)) : `the same values in every column as ${rowName(table, earlier)}` });
      continue;
    }
    const created = createInterview({ ...v.interview, id: uniqueId(`${v.interview.company} ${v.interview.role}`, taken, 'item', nextFree) }, { journalFolder: options.journalFolder });
    if (!created.ok) {
      rows.push({ ...base, kind: 'invalid', reason: created.problems[0]?.message ?? 'the interview could not be created' });
      continue;
    }
    const text = interviewText(v, created.text, `Imported from ${source}${table.sheet !== undefined ? `, sheet "${table.sheet}"` : ''}, ${rowName(table, row.line)}, on ${options.today}.`);
    if (!text.ok || text.text === undefined) {
      rows.push({ ...base, kind: 'invalid', reason: text.ok ? 'the interview could not be created' : text.problems[0]?.message ?? 'the interview could not be created' });
      continue;
    }
    for (const [field, value] of pendingUnmapped) {
      const k = `${field}\u0000${statusKey(value)}`;
      const u = unmappedByKey.get(k);
      if (u) u.lines.push(row.line);
      else unmappedByKey.set(k, { field, value, lines: [row.line] });
    }
    taken.add(created.id);
    seenInFile.set(key, row.line);
    changes.push({ kind: 'create', path: created.path, text: text.text });
    rows.push({ ...base, path: created.path });
  }
  const count = (k: RowKind) => rows.filter((r) => r.kind === k).length;
  return {
    ok: true,
    plan: { changes, rows, counts: { new: count('new'), duplicate: count('duplicate'), invalid: count('invalid'), skipped: count('skipped') }, unmapped: [...unmappedByKey.values()], notes },
  };
}
