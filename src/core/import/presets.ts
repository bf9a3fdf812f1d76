/**
 * Presets: the column names of a known tracker's export. A preset names the columns it knows; every
 * other field is still guessed from the header names and the contents, and the user can correct any
 * of them. The columns below are those the trackers' own exports write (LinkedIn's data export, "Get
 * a copy of your data" → Jobs; Huntr's board export; Teal's job tracker table; Debrief's CSV export).
 */
import type { Preset } from './types';

export type { Preset } from './types';

export const PRESETS: readonly Preset[] = [
  {
    name: 'debrief',
    label: 'Debrief export',
    description: 'the CSV of "Debrief: Export" or `debrief export --format csv` (another journal)',
    columns: { company: ['company'], role: ['role'], applied: ['applied'], source: ['source'], status: ['outcome'], stage: ['stage'], rounds: ['rounds'], tags: ['tags'] },
    signature: ['id', 'company', 'role', 'outcome', 'rounds', 'file'],
  },
  {
    name: 'linkedin',
    label: 'LinkedIn: Job Applications',
    description: 'LinkedIn\'s data export, Jobs/Job Applications.csv (Application Date, Contact Email, Company Name, Job Title, Job Url, Resume Name, Question And Answers); the e-mail and phone in every row are your own',
    columns: { company: ['Company Name'], role: ['Job Title'], applied: ['Application Date'], link: ['Job Url'] },
    signature: ['Application Date', 'Company Name', 'Job Title', 'Job Url'],
  },
  {
    name: 'linkedin-saved',
    label: 'LinkedIn: Saved Jobs',
    description: 'LinkedIn\'s data export, Jobs/Saved Jobs.csv: jobs you saved, not applications, so nothing is imported from it',
    columns: { company: ['Company Name'], role: ['Job Title'], link: ['Job Url'] },
    signature: ['Saved Date', 'Company Name', 'Job Title', 'Job Url'],
    wishlist: 'a job saved on LinkedIn, not an application: import Jobs/Job Applications.csv of the same export for the applications',
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
    description: 'any spreadsheet (CSV, TSV, .xlsx, .ods): columns are recognised by their names (English, German, French, Spanish, Dutch, Swedish, Turkish) and their contents',
    columns: {},
    signature: [],
  },
];

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.trim().toLowerCase());
}

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);
