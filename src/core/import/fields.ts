/**
 * Debrief's fields an imported column can fill: their labels, where each goes in the interview file,
 * and the mapping of fields to columns as the user corrects it. How a mapping is guessed is in
 * guess.ts (from header names, names.ts, and the columns' contents, columns.ts).
 */
import { foldHeader } from './names';
import { Field, FIELDS, Mapping } from './types';

export { FIELDS } from './types';
export type { Field, Mapping } from './types';

/** Fields every row needs: an interview has a company and a role. */
export const REQUIRED_FIELDS: readonly Field[] = ['company', 'role'];

export const FIELD_LABELS: Record<Field, string> = {
  company: 'Company',
  role: 'Role',
  applied: 'Date applied',
  source: 'How applied (source)',
  status: 'Status or outcome',
  stage: 'Stage reached',
  rounds: 'Rounds',
  feedback: 'Feedback (why it ended)',
  notes: 'Notes',
  link: 'Link to the posting',
  contact: 'Contact',
  tags: 'Tags',
};

/** Where each field goes in the interview file. */
export const FIELD_TARGETS: Record<Field, string> = {
  company: 'company',
  role: 'role',
  applied: 'applied (YYYY-MM-DD)',
  source: 'source',
  status: 'outcome, and stage when it says how far it got',
  stage: 'stage',
  rounds: 'rounds (type and date); a count of interviews stays in the notes, with the stage',
  feedback: 'feedback summary',
  notes: 'notes',
  link: 'notes ("Link: …")',
  contact: 'notes ("Contact: …")',
  tags: 'tags',
};

/**
 * A column named on the command line or chosen in a list: its header (any case, spacing, accents or
 * plural) or its 1-based number. Undefined when no column matches.
 */
export function findColumn(headers: readonly string[], name: string): number | undefined {
  const exact = headers.indexOf(name);
  if (exact !== -1) return exact;
  const n = foldHeader(name);
  const byName = n ? headers.findIndex((h) => foldHeader(h) === n) : -1;
  if (byName !== -1) return byName;
  if (/^#?\d+$/.test(name.trim())) {
    const i = Number(name.trim().replace('#', '')) - 1;
    if (i >= 0 && i < headers.length) return i;
  }
  return undefined;
}

/** The mapping with `field` taken from `column` (undefined: not imported); a column fills one field. */
export function assignColumn(mapping: Mapping, field: Field, column: number | undefined): Mapping {
  const out: Mapping = { ...mapping };
  for (const f of FIELDS) if (column !== undefined && out[f] === column) delete out[f];
  if (column === undefined) delete out[field];
  else out[field] = column;
  return out;
}

/** The fields every row needs that the mapping leaves out. */
export function missingRequired(mapping: Mapping): Field[] {
  return REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
}

/** The field a column fills, if any. */
export function fieldOf(mapping: Mapping, column: number): Field | undefined {
  return FIELDS.find((f) => mapping[f] === column);
}

/** "company ← Firma, role ← Stelle, …" */
export function describeMapping(mapping: Mapping, headers: readonly string[]): string {
  return FIELDS.filter((f) => mapping[f] !== undefined).map((f) => `${f} ← ${headers[mapping[f]!]}`).join(', ') || 'nothing';
}
