/**
 * A spreadsheet export → a table: decoded (decode.ts), split into rows and cells by papaparse (quoted
 * fields, delimiters detected among , ; tab and |), and its header row found, which need not be the
 * first: title lines and blank lines above it are skipped.
 */
import Papa from 'papaparse';
import { decodeSpreadsheet, Encoding } from './decode';
import { headerLikeness } from './fields';
import type { Preset } from './presets';
import type { ImportProblem } from './problem';

export interface TableRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
  /** Why papaparse could not read the row cleanly (a stray quote), if it could not. */
  malformed?: string;
}

export interface Table {
  /** Header names; an empty header is named after its column ("Column 3"). */
  headers: string[];
  headerLine: number;
  rows: TableRow[];
  delimiter: string;
  encoding: Encoding;
}

/** A table of more rows than this is refused: split the file. */
export const MAX_IMPORT_ROWS = 10_000;

/** The header row is looked for among this many rows at the top. */
const HEADER_SEARCH_ROWS = 30;

const DELIMITERS = [',', ';', '\t', '|'];

export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '|' ? 'bar' : JSON.stringify(d);
}

/** Reads a CSV or TSV file's bytes into a table, or says what is wrong with it and where. */
export function readTable(bytes: Uint8Array, options: { preset?: Preset; delimiter?: string } = {}): { ok: true; table: Table } | { ok: false; problem: ImportProblem } {
  const decoded = decodeSpreadsheet(bytes);
  if (!decoded.ok) return decoded;
  // One kind of line break, so that line numbers are the ones an editor shows.
  const text = decoded.decoded.text.replace(/\r\n?/g, '\n');
  if (!text.trim()) return { ok: false, problem: { line: 0, column: 0, code: 'empty', message: 'The file is empty.' } };

  const rows: TableRow[] = [];
  // Where the current row starts, and its line, counted forward as papaparse moves on (linear time).
  let start = 0;
  let counted = 0;
  let lineNo = 1;
  const lineOf = (offset: number): number => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) lineNo++;
    counted = Math.max(counted, offset);
    return lineNo;
  };
  let delimiter = options.delimiter ?? ',';
  let fatal: ImportProblem | undefined;
  Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? '',
    delimitersToGuess: DELIMITERS,
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      delimiter = result.meta.delimiter;
      const line = lineOf(start);
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (result.errors.some((e) => e.code === 'MissingQuotes')) {
        fatal = { line, column: 1, code: 'quotes', message: `A quoted value starting on line ${line} is never closed, so the rest of the file would read as one value. Close the quote; a quote inside a quoted value is written twice ("").` };
        parser.abort();
        return;
      }
      rows.push({ line, cells: result.data, ...(quoteError ? { malformed: 'a quoted value has text after its closing quote; write a quote inside a quoted value twice ("")' } : {}) });
      start = result.meta.cursor;
      if (rows.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) {
        fatal = { line: 0, column: 0, code: 'too-many-rows', message: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; Debrief imports up to ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time. Split it into several files.` };
        parser.abort();
      }
    },
  });
  if (fatal) return { ok: false, problem: fatal };

  const filled = (r: TableRow) => r.cells.filter((c) => c.trim() !== '').length;
  const top = rows.slice(0, HEADER_SEARCH_ROWS).filter((r) => filled(r) >= 2);
  if (!top.length) {
    const first = rows.find((r) => filled(r) > 0);
    return { ok: false, problem: { line: first?.line ?? 0, column: 1, code: 'one-column', message: `Debrief found only one column (no , ; tab or | between values). Save the sheet as CSV with a header row such as "Company,Role,Date applied,Status".` } };
  }
  // The header row: the top row with the most cells that read like column names, else the first full row.
  let header = top[0];
  let best = headerLikeness(header.cells, options.preset);
  for (const r of top.slice(1)) {
    const score = headerLikeness(r.cells, options.preset);
    if (score > best) [header, best] = [r, score];
  }
  const seen = new Map<string, number>();
  const headers = header.cells.map((c, i) => {
    const name = c.trim() || `Column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n > 1 ? `${name} (${n})` : name;
  });
  const data = rows.slice(rows.indexOf(header) + 1).filter((r) => filled(r) > 0 || r.malformed);
  if (data.length > MAX_IMPORT_ROWS) {
    return { ok: false, problem: { line: 0, column: 0, code: 'too-many-rows', message: `The file has ${data.length.toLocaleString('en')} rows; Debrief imports up to ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time. Split it into several files.` } };
  }
  return { ok: true, table: { headers, headerLine: header.line, rows: data, delimiter, encoding: decoded.decoded.encoding } };
}

/** A few non-empty values of a column, to show what it holds. */
export function sampleValues(table: Table, column: number, n = 3): string[] {
  const out: string[] = [];
  for (const r of table.rows) {
    const v = (r.cells[column] ?? '').trim().replace(/\s+/g, ' ');
    if (v && !out.includes(v)) out.push(v.length > 40 ? `${v.slice(0, 39)}…` : v);
    if (out.length >= n) break;
  }
  return out;
}
