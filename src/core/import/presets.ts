/**
 * Presets: the column names of a known tracker's CSV export. A preset names the columns it knows;
 * every other field is still guessed from the header names, and the user can correct any of them.
 */
import type { Field } from './fields';

export interface Preset {
  name: string;
  label: string;
  description: string;
  /** Column names for each field, most likely first (compared in any case, spacing or accents). */
  columns: Partial<Record<Field, string[]>>;
  /** Columns that all appear in this tracker's export: how the preset is recognised. */
  signature: string[];
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'debrief',
    label: 'Debrief export',
    description: 'the CSV of "Debrief: Export" or `debrief export --format csv` (another journal)',
    columns: { company: ['company'], role: ['role'], applied: ['applied'], source: ['source'], status: ['outcome'], stage: ['stage'], rounds: ['rounds'], tags: ['tags'] },
    signature: ['id', 'company', 'role', 'outcome', 'rounds', 'file'],
  },
  {
    name: 'huntr',
    label: 'Huntr',
    description: 'Huntr\'s CSV export of a job board: one row per job card; the list it sits in is its status, and the date it was added stands in for the date applied',
    columns: { company: ['companyName'], role: ['title'], applied: ['createdAt'], status: ['listName'], link: ['url'] },
    signature: ['companyName', 'title', 'listName'],
  },
  {
    name: 'teal',
    label: 'Teal',
    description: 'Teal\'s Job Tracker table exported to CSV (Job Position, Company, Status, Date Saved, Date Applied, …)',
    columns: { company: ['Company'], role: ['Job Position'], applied: ['Date Applied'], status: ['Status'] },
    signature: ['Job Position', 'Company', 'Date Saved'],
  },
  {
    name: 'generic',
    label: 'Spreadsheet',
    description: 'any spreadsheet saved as CSV or TSV: columns are recognised by their names, in English or German',
    columns: {},
    signature: [],
  },
];

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.trim().toLowerCase());
}

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);
