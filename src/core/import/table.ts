/**
 * A spreadsheet → a table. A CSV or TSV export is decoded (decode.ts) and split into rows and cells
 * by papaparse (quoted fields, delimiters detected among , ; tab and |); a workbook's sheet comes as
 * rows from workbook.ts. Either way the header row is found, which need not be the first: title lines
 * and blank lines above it are skipped. The limits of IMPORT_LIMITS hold throughout: a row wider than
 * the column limit stops the reading where it is.
 */
import Papa from 'papaparse';
import { IMPORT_LIMITS } from '../limits';
import { decodeSpreadsheet, Encoding } from './decode';
import { headerLikeness } from './names';
import { ImportProblem, tooManyCells, tooManyRows, tooWide } from './problem';
import type { Preset } from './types';

export interface TableRow {
  /** 1-based line of the file (a sheet's row number) where the row starts. */
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
  /** A text file: its separator and encoding. */
  delimiter: string;
  encoding?: Encoding;
  /** A workbook: the sheet read, and every sheet's name. */
  sheet?: string;
  sheets?: string[];
}

/** A table of more rows than this is refused: split the file. */
export const MAX_IMPORT_ROWS = IMPORT_LIMITS.rows;

/** The header row is looked for among this many rows at the top. */
const HEADER_SEARCH_ROWS = 30;

const DELIMITERS = [',', ';', '\t', '|'];

export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '|' ? 'bar' : JSON.stringify(d);
}

/** "line 4", or "row 4" of a sheet. */
export function rowName(table: Pick<Table, 'sheet'>, line: number): string {
  return `${table.sheet !== undefined ? 'row' : 'line'} ${line}`;
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
  let cells = 0;
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
      cells += result.data.length;
      if (result.data.length > IMPORT_LIMITS.columns) fatal = tooWide(line, result.data.length, IMPORT_LIMITS.columns);
      else if (cells > IMPORT_LIMITS.cells) fatal = tooManyCells(line, IMPORT_LIMITS.cells);
      else if (rows.length >= MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) fatal = tooManyRows(undefined, MAX_IMPORT_ROWS);
      if (fatal) {
        parser.abort();
        return;
      }
      rows.push({ line, cells: result.data, ...(quoteError ? { malformed: 'a quoted value has text after its closing quote; write a quote inside a quoted value twice ("")' } : {}) });
      start = result.meta.cursor;
    },
  });
  if (fatal) return { ok: false, problem: fatal };
  const table = tableFromRows(rows, options.preset);
  if (!table.ok) return table;
  return { ok: true, table: { ...table.table, delimiter, encoding: decoded.decoded.encoding } };
}

/**
 * The table of some rows (of a text file or a sheet): the header row found among the top rows, the
 * header names made unique, blank rows left out.
 */
export function tableFromRows(rows: TableRow[], preset?: Preset, where: { sheet?: string } = {}): { ok: true; table: Table } | { ok: false; problem: ImportProblem } {
  const filled = (r: TableRow) => {
    let n = 0;
    for (const c of r.cells) if (c.trim() !== '') n++;
    return n;
  };
  const top = rows.slice(0, HEADER_SEARCH_ROWS).filter((r) => filled(r) >= 2);
  if (!top.length) {
    const first = rows.find((r) => filled(r) > 0);
    if (!first) return { ok: false, problem: { line: 0, column: 0, code: 'empty', message: where.sheet !== undefined ? `The sheet "${where.sheet}" is empty.` : 'The file is empty.' } };
    return { ok: false, problem: { line: first.line, column: 1, code: 'one-column', message: where.sheet !== undefined
      ? `The sheet "${where.sheet}" has only one column. Choose the sheet of the applications, with a header row such as "Company, Role, Date applied, Status".`
      : 'Debrief found only one column (no , ; tab or | between values). Save the sheet as CSV with a header row such as "Company,Role,Date applied,Status".' } };
  }
  // The header row: the top row with the most cells that read like column names, else the first full row.
  let header = top[0];
  let best = headerLikeness(header.cells, preset);
  for (const r of top.slice(1)) {
    const score = headerLikeness(r.cells, preset);
    if (score > best) [header, best] = [r, score];
  }
  const seen = new Map<string, number>();
  const headers = header.cells.map((c, i) => {
    const name = c.trim().replace(/\s+/g, ' ') || `Column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n > 1 ? `${name} (${n})` : name;
  });
  const data = rows.slice(rows.indexOf(header) + 1).filter((r) => filled(r) > 0 || r.malformed);
  if (data.length > MAX_IMPORT_ROWS) {
    return { ok: false, problem: tooManyRows(data.length, MAX_IMPORT_ROWS, where.sheet !== undefined ? 'sheet' : 'file') };
  }
  return { ok: true, table: { headers, headerLine: header.line, rows: data, delimiter: '', ...(where.sheet !== undefined ? { sheet: where.sheet } : {}) } };
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
