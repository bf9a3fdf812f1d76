/**
 * Import from a spreadsheet or another tracker, the steps the command and the CLI share: read the
 * file (table.ts), pick the preset and guess the mapping (fields.ts, presets.ts), let the user correct
 * it, plan (plan.ts) and report (report.ts).
 */
import { assignColumn, detectPreset, Field, FIELDS, findColumn, guessMapping, Mapping } from './fields';
import { findPreset, Preset, PRESET_NAMES } from './presets';
import type { ImportProblem } from './problem';
import { readTable, Table } from './table';

export interface ReadImport {
  table: Table;
  preset: Preset;
  /** The guessed mapping, before the user's corrections. */
  mapping: Mapping;
}

/** Reads the file and guesses how its columns map; `presetName` forces a preset (else it is detected). */
export function readImport(bytes: Uint8Array, presetName?: string): { ok: true; read: ReadImport } | { ok: false; problem: ImportProblem } {
  let forced: Preset | undefined;
  if (presetName !== undefined) {
    forced = findPreset(presetName);
    if (!forced) return { ok: false, problem: { line: 0, column: 0, code: 'unknown-preset', message: `There is no preset "${presetName}"; choose one of ${PRESET_NAMES.join(', ')}.` } };
  }
  const r = readTable(bytes, { preset: forced });
  if (!r.ok) return r;
  const preset = forced ?? detectPreset(r.table.headers);
  return { ok: true, read: { table: r.table, preset, mapping: guessMapping(r.table.headers, preset) } };
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
