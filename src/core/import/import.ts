/**
 * Import from a spreadsheet or another tracker, the steps the command and the CLI share: read the
 * file (table.ts for CSV and TSV text, workbook.ts for .xlsx and .ods, loaded only then), pick the
 * preset and guess the mapping (guess.ts, presets.ts), let the user correct it and say what status
 * words mean, plan (plan.ts) and report (report.ts).
 */
import { IMPORT_LIMITS } from '../limits';
import { OUTCOMES, Outcome } from '../model';
import { assignColumn, Field, FIELDS, findColumn, Mapping } from './fields';
import { detectPreset, Guess, guessColumns, missingSignature } from './guess';
import { defaultDateOrder } from './plan';
import { findPreset, Preset, PRESET_NAMES } from './presets';
import type { ImportProblem } from './problem';
import type { StatusMeaning } from './status';
import { readTable, Table, tableFromRows } from './table';
import { loadWorkbookReader } from './load-workbook';

export interface ReadImport {
  table: Table;
  preset: Preset;
  /** The guessed mapping, before the user's corrections. */
  mapping: Mapping;
  /** Why each field took its column, the columns' profiles, the user's own columns. */
  guess: Guess;
  /** Columns left out unless the user keeps them: the user's own (one e-mail, phone or name in every row). */
  ignored: number[];
}

export type ReadResult = { ok: true; read: ReadImport } | { ok: false; problem: ImportProblem };

/** Is this a zip (a workbook, or another zip file)? */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function readAnyTable(bytes: Uint8Array, preset: Preset | undefined, sheet: string | undefined): Promise<{ ok: true; table: Table } | { ok: false; problem: ImportProblem }> {
  if (!isZip(bytes)) {
    if (sheet !== undefined) return { ok: false, problem: { line: 0, column: 0, code: 'not-a-workbook', message: `The file is text (CSV or TSV), which has no sheets; a sheet ("${sheet}") can be chosen in an .xlsx or .ods workbook only.` } };
    return readTable(bytes, { preset });
  }
  if (bytes.byteLength > IMPORT_LIMITS.bytes) {
    return { ok: false, problem: { line: 0, column: 0, code: 'too-large', message: `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; Debrief imports spreadsheets up to ${IMPORT_LIMITS.bytes / 1048576} MB. Split it into several files.` } };
  }
  // The workbook reader (and its zip and XML libraries) is loaded only now, when a workbook is imported.
  const { readWorkbook } = await loadWorkbookReader();
  const book = readWorkbook(bytes, IMPORT_LIMITS, { sheet });
  if (!book.ok) return book;
  const t = tableFromRows(book.sheet.rows, preset, { sheet: book.sheet.sheet });
  if (!t.ok) return t;
  return { ok: true, table: { ...t.table, sheets: book.sheet.sheets } };
}

/**
 * Reads the file and guesses how its columns map: `preset` forces a preset (else it is detected), and
 * is refused when the file lacks its typical columns; `sheet` chooses a workbook's sheet by name or
 * number (else the first).
 */
export async function readImport(bytes: Uint8Array, options: { preset?: string; sheet?: string } = {}): Promise<ReadResult> {
  let forced: Preset | undefined;
  if (options.preset !== undefined) {
    forced = findPreset(options.preset);
    if (!forced) return { ok: false, problem: { line: 0, column: 0, code: 'unknown-preset', message: `There is no preset "${options.preset}"; choose one of ${PRESET_NAMES.join(', ')}.` } };
  }
  const r = await readAnyTable(bytes, forced, options.sheet);
  if (!r.ok) return r;
  const { table } = r;
  if (forced) {
    const missing = missingSignature(forced, table.headers);
    if (missing.length) {
      return { ok: false, problem: { line: table.headerLine, column: 1, code: 'preset-mismatch', message: `The file is not ${forced.label}'s export: its header row has no column ${missing.map((m) => `"${m}"`).join(', ')}. Leave the preset out to have the columns recognised by their names and contents (the detected preset is ${detectPreset(table.headers).label}).` } };
    }
  }
  const preset = forced ?? detectPreset(table.headers);
  const guess = guessColumns(table, preset, defaultDateOrder(table));
  return { ok: true, read: { table, preset, mapping: guess.mapping, guess, ignored: guess.own } };
}

/** Why each field took its column, for the fields whose column is still the guessed one (the others the user chose). */
export function reasonsFor(read: Pick<ReadImport, 'mapping' | 'guess'>, mapping: Mapping): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) {
    const reason = read.guess.reasons[f];
    if (reason && mapping[f] !== undefined && mapping[f] === read.mapping[f]) out[f] = reason;
  }
  return out;
}

/** `company=Firma`, `role=3` (the third column) or `notes=` (no column). */
export function parseMapArgument(arg: string): { ok: true; field: Field; column: string } | { ok: false; message: string } {
  const eq = arg.indexOf('=');
  const field = (eq === -1 ? arg : arg.slice(0, eq)).trim().toLowerCase();
  if (eq === -1) return { ok: false, message: `--map needs <field>=<column>, e.g. --map company=Firma (got "${arg}").` };
  if (!(FIELDS as readonly string[]).includes(field)) return { ok: false, message: `"${field}" is not a field; map one of ${FIELDS.join(', ')}.` };
  return { ok: true, field: field as Field, column: arg.slice(eq + 1).trim() };
}

/** The mapping with the user's corrections; a column named by header or number, or none. */
export function withCorrections(headers: readonly string[], mapping: Mapping, corrections: readonly { field: Field; column: string }[]): { ok: true; mapping: Mapping } | { ok: false; message: string } {
  let out: Mapping = { ...mapping };
  for (const c of corrections) {
    const i = c.column === '' ? undefined : findColumn(headers, c.column);
    if (c.column !== '' && i === undefined) return { ok: false, message: `There is no column "${c.column}" for ${c.field}. The columns are: ${headers.map((h) => `"${h}"`).join(', ')}.` };
    // A column fills one field: the field that had it gives it up.
    out = assignColumn(out, c.field, i);
  }
  return { ok: true, mapping: out };
}

/** The columns named (by header or number) as ignored or kept, applied to the default: `ignore` adds, `keep` takes out. */
export function withIgnored(headers: readonly string[], ignored: readonly number[], change: { ignore?: readonly string[]; keep?: readonly string[] }): { ok: true; ignored: number[] } | { ok: false; message: string } {
  const out = new Set(ignored);
  for (const [names, add] of [[change.ignore ?? [], true], [change.keep ?? [], false]] as const) {
    for (const name of names) {
      const i = findColumn(headers, name);
      if (i === undefined) return { ok: false, message: `There is no column "${name}" to ${add ? 'ignore' : 'keep'}. The columns are: ${headers.map((h) => `"${h}"`).join(', ')}.` };
      if (add) out.add(i);
      else out.delete(i);
    }
  }
  return { ok: true, ignored: [...out].sort((a, b) => a - b) };
}

/** What a status word means, as the user says it: one of Debrief's outcomes, or `skip` (not an application yet). */
export const STATUS_CHOICES: readonly string[] = [...OUTCOMES, 'skip'];

/** `"On hold=withdrawn"`, `"Saved=skip"`: the word (any case or punctuation) and its meaning. */
export function parseStatusArgument(arg: string): { ok: true; word: string; meaning: StatusMeaning } | { ok: false; message: string } {
  const eq = arg.lastIndexOf('=');
  const word = eq === -1 ? '' : arg.slice(0, eq).trim();
  const outcome = eq === -1 ? '' : arg.slice(eq + 1).trim().toLowerCase();
  if (!word || !outcome) return { ok: false, message: `--status needs "<word>=<outcome>", e.g. --status "On hold=pending" (got "${arg}").` };
  if (outcome === 'skip') return { ok: true, word, meaning: { outcome: 'pending', notApplied: true } };
  if (!(OUTCOMES as readonly string[]).includes(outcome)) return { ok: false, message: `"${outcome}" is not an outcome; say one of ${STATUS_CHOICES.join(', ')} (skip: not an application yet).` };
  return { ok: true, word, meaning: { outcome: outcome as Outcome } };
}
