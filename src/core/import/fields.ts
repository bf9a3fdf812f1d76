/**
 * Debrief's fields an imported column can fill, how header names (English and German) point to them,
 * and the guess of a whole mapping from a header row, optionally after a tracker's preset.
 */
import { findPreset, Preset, PRESETS } from './presets';
import { hasWords, normalizeWords } from './words';

export const FIELDS = ['company', 'role', 'applied', 'source', 'status', 'stage', 'rounds', 'notes', 'link', 'contact', 'tags'] as const;
export type Field = (typeof FIELDS)[number];

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
  rounds: 'rounds (type and date)',
  notes: 'notes',
  link: 'notes ("Link: …")',
  contact: 'notes ("Contact: …")',
  tags: 'tags',
};

/** Column index (0-based) of each mapped field. */
export type Mapping = Partial<Record<Field, number>>;

interface Synonyms {
  /** Header names that mean this field on their own. */
  exact: string[];
  /** Words that point to this field wherever they stand in a longer header ("Name of the company"). */
  contains: string[];
}

const SYNONYMS: Record<Field, Synonyms> = {
  company: {
    exact: ['company', 'company name', 'employer', 'employer name', 'organization', 'organisation', 'firm', 'business', 'Firma', 'Firmenname', 'Unternehmen', 'Unternehmensname', 'Arbeitgeber', 'Betrieb', 'Arbeitgeber Name Anschrift'],
    contains: ['company', 'employer', 'Firma', 'Unternehmen', 'Arbeitgeber'],
  },
  role: {
    exact: ['role', 'position', 'job', 'job title', 'title', 'job position', 'position title', 'role title', 'job role', 'vacancy', 'opening', 'Stelle', 'Stellenbezeichnung', 'Berufsbezeichnung', 'Tätigkeit', 'Jobtitel', 'Beruf', 'Stellentitel', 'Stelle Tätigkeit', 'Angestrebte Tätigkeit'],
    contains: ['job title', 'position', 'role', 'Stelle', 'Stellenbezeichnung', 'Tätigkeit'],
  },
  applied: {
    exact: ['date applied', 'applied', 'applied on', 'applied at', 'applied date', 'application date', 'date of application', 'date', 'submitted', 'submitted on', 'date submitted', 'Datum', 'Bewerbungsdatum', 'beworben am', 'Datum der Bewerbung', 'Bewerbung am', 'Bewerbung vom', 'eingereicht am', 'versendet am', 'gesendet am'],
    contains: ['date applied', 'applied on', 'application date', 'Bewerbungsdatum', 'beworben am', 'Datum der Bewerbung'],
  },
  source: {
    exact: ['source', 'how applied', 'applied via', 'applied through', 'channel', 'via', 'platform', 'job board', 'found on', 'found via', 'application method', 'method', 'origin', 'Quelle', 'Art der Bewerbung', 'Bewerbungsart', 'Bewerbungsweg', 'Kanal', 'über', 'Plattform', 'Jobbörse', 'Fundstelle', 'beworben über', 'Bewerbungsform', 'Form der Bewerbung'],
    contains: ['source', 'channel', 'how applied', 'Quelle', 'Bewerbungsart', 'Art der Bewerbung', 'Bewerbungsweg', 'Bewerbungsform'],
  },
  status: {
    exact: ['status', 'outcome', 'result', 'state', 'response', 'progress', 'application status', 'list', 'list name', 'Ergebnis', 'Stand', 'Rückmeldung', 'Antwort', 'Ausgang', 'Reaktion', 'Stand der Bewerbung', 'Bewerbungsstatus'],
    contains: ['status', 'outcome', 'Ergebnis', 'Rückmeldung'],
  },
  stage: {
    exact: ['stage', 'furthest stage', 'stage reached', 'phase', 'pipeline stage', 'interview stage', 'Stufe', 'Bewerbungsphase', 'erreichte Phase'],
    contains: ['stage', 'Phase'],
  },
  rounds: {
    exact: ['rounds', 'interview rounds', 'interviews', 'interview dates', 'number of interviews', 'interview count', 'Runden', 'Gespräche', 'Vorstellungsgespräche', 'Gesprächstermine', 'Termine'],
    contains: ['rounds', 'interviews', 'Runden', 'Gespräche', 'Vorstellungsgespräche'],
  },
  notes: {
    exact: ['notes', 'note', 'comments', 'comment', 'remarks', 'remark', 'details', 'memo', 'Notizen', 'Notiz', 'Bemerkung', 'Bemerkungen', 'Kommentar', 'Kommentare', 'Anmerkung', 'Anmerkungen', 'Hinweise', 'Sonstiges'],
    contains: ['notes', 'comments', 'Notizen', 'Bemerkung', 'Bemerkungen', 'Kommentar', 'Anmerkungen'],
  },
  link: {
    exact: ['link', 'url', 'job link', 'job url', 'posting', 'posting url', 'job posting', 'job ad', 'listing', 'listing url', 'website', 'Stellenanzeige', 'Anzeige', 'Link zur Stellenanzeige', 'Webseite', 'Internetadresse'],
    contains: ['url', 'link', 'Stellenanzeige'],
  },
  contact: {
    exact: ['contact', 'contact person', 'contact name', 'recruiter', 'hiring manager', 'contact email', 'email', 'e mail', 'referrer', 'Ansprechpartner', 'Ansprechpartnerin', 'Ansprechpartner in', 'Kontakt', 'Kontaktperson', 'Ansprechperson'],
    contains: ['contact', 'recruiter', 'Ansprechpartner', 'Kontakt'],
  },
  tags: {
    exact: ['tags', 'tag', 'labels', 'label', 'keywords', 'categories', 'category', 'Schlagworte', 'Schlagwörter', 'Stichworte', 'Kategorie', 'Kategorien'],
    contains: ['tags', 'labels'],
  },
};

const NORMALIZED: Record<Field, { exact: Set<string>; contains: string[] }> = Object.fromEntries(FIELDS.map((f) => [f, {
  exact: new Set(SYNONYMS[f].exact.map(normalizeWords)),
  contains: SYNONYMS[f].contains.map(normalizeWords),
}])) as Record<Field, { exact: Set<string>; contains: string[] }>;

/** How strongly a header names a field: 3 its own name, 1 a word of it, 0 not at all. */
export function headerScore(header: string, field: Field): number {
  const h = normalizeWords(header);
  if (!h) return 0;
  if (NORMALIZED[field].exact.has(h)) return 3;
  return NORMALIZED[field].contains.some((w) => hasWords(h, w)) ? 1 : 0;
}

/** How many cells of a row read like Debrief's column names (to find the header row). */
export function headerLikeness(cells: readonly string[], preset?: Preset): number {
  const presetNames = new Set(Object.values(preset?.columns ?? {}).flat().map(normalizeWords));
  let n = 0;
  for (const c of cells) if (presetNames.has(normalizeWords(c)) || FIELDS.some((f) => headerScore(c, f) > 0)) n++;
  return n;
}

/** The preset whose typical columns all appear in the header row (generic when none does). */
export function detectPreset(headers: readonly string[]): Preset {
  const names = new Set(headers.map(normalizeWords));
  return PRESETS.find((p) => p.signature.length > 0 && p.signature.every((s) => names.has(normalizeWords(s)))) ?? findPreset('generic')!;
}

/**
 * The likeliest column for each field: a preset's own column names first, then header names. Each
 * column fills at most one field and each field takes at most one column; the strongest matches win.
 */
export function guessMapping(headers: readonly string[], preset: Preset = detectPreset(headers)): Mapping {
  const normalized = headers.map(normalizeWords);
  const candidates: { field: Field; column: number; score: number }[] = [];
  for (const field of FIELDS) {
    for (const [rank, name] of (preset.columns[field] ?? []).entries()) {
      const column = normalized.indexOf(normalizeWords(name));
      if (column !== -1) candidates.push({ field, column, score: 100 - rank });
    }
    headers.forEach((h, column) => {
      const score = headerScore(h, field);
      if (score > 0) candidates.push({ field, column, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || a.column - b.column);
  const mapping: Mapping = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    used.add(c.column);
  }
  return mapping;
}

/**
 * A column named on the command line or chosen in a list: its header (any case, spacing or accents)
 * or its 1-based number. Undefined when no column matches.
 */
export function findColumn(headers: readonly string[], name: string): number | undefined {
  const n = normalizeWords(name);
  const byName = headers.findIndex((h) => normalizeWords(h) === n);
  if (byName !== -1) return byName;
  const exact = headers.indexOf(name);
  if (exact !== -1) return exact;
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

/** "company ← Firma, role ← Stelle, …" */
export function describeMapping(mapping: Mapping, headers: readonly string[]): string {
  return FIELDS.filter((f) => mapping[f] !== undefined).map((f) => `${f} ← ${headers[mapping[f]!]}`).join(', ') || 'nothing';
}
