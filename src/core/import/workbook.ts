/**
 * A workbook (.xlsx of Excel, Numbers or Google Sheets; .ods of LibreOffice) → the rows of one sheet,
 * every cell as text. The zip is read by fflate and the XML by saxes: both pure JavaScript, without
 * Node's modules, so this runs in a web worker as in Node. It is loaded only when a workbook is
 * imported (import.ts imports it on demand; the build makes it a file of its own).
 *
 * A workbook is untrusted input, and a zip can inflate a thousandfold: what comes out is counted as
 * it is inflated (in slices of the compressed data, so no slice inflates past a bounded size) and the
 * reading stops at IMPORT_LIMITS.inflatedBytes; only the parts needed are inflated; a sheet's cells
 * are bounded by the same rows, columns and cells as a CSV file, each refusal located at its row and
 * cell. XML is read as data: no DTD is processed and no entity beyond XML's own is expanded.
 */
import { Unzip, UnzipFile, UnzipInflate } from 'fflate';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { addDays } from '../dates';
import type { ImportLimits } from '../limits';
import { ImportProblem, tooManyCells, tooManyRows, tooWide } from './problem';
import type { TableRow } from './table';

export interface SheetRows {
  /** The sheet read, every sheet's name in order, and its rows with their row numbers. */
  sheet: string;
  sheets: string[];
  rows: TableRow[];
  format: 'xlsx' | 'ods';
}

export type WorkbookResult = { ok: true; sheet: SheetRows } | { ok: false; problem: ImportProblem };

/** Compressed bytes pushed to the inflater at once: one slice inflates to at most about a thousand times this. */
const SLICE = 16 * 1024;

/** Rows above the header a sheet may hold besides the rows limit (titles, blank rows). */
const TITLE_ROWS = 30;

class Refusal extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

const wholeFile = (code: string, message: string): Refusal => new Refusal({ line: 0, column: 0, code, message });

/** Inflates the entries `wanted` chooses, counting every byte against `budget` (shared by the calls). */
function inflate(bytes: Uint8Array, wanted: (name: string) => boolean, budget: { left: number; max: number }): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array[]>();
  let refusal: Refusal | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name) || parts.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) {
        refusal = wholeFile('damaged', `The workbook is damaged (${file.name}: ${err.message}). Open it in its spreadsheet program and save it again.`);
        return;
      }
      budget.left -= chunk.length;
      if (budget.left < 0) {
        refusal = wholeFile('too-large', `The workbook inflates to more than ${Math.round(budget.max / 1048576)} MB of data; Debrief reads workbooks up to that. Save the sheet of the applications on its own (or as CSV) and import that file.`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    if (file.compression !== 0 && file.compression !== 8) {
      refusal = wholeFile('damaged', `The workbook's part ${file.name} is compressed in a way Debrief does not read (method ${file.compression}). Save it again from its spreadsheet program.`);
      return;
    }
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.length && !refusal; i += SLICE) unzip.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  } catch (e) {
    refusal ??= wholeFile('damaged', `The workbook is damaged (${e instanceof Error ? e.message : String(e)}). Open it in its spreadsheet program and save it again.`);
  }
  if (refusal) throw refusal;
  const out = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) {
    let n = 0;
    for (const c of chunks) n += c.length;
    const all = new Uint8Array(n);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    out.set(name, all);
  }
  return out;
}

type Tag = SaxesTagPlain;

/** Runs saxes over an XML part; a malformed part is a damaged workbook. */
function parseXml(part: Uint8Array, name: string, handlers: { open?: (tag: Tag) => void; close?: (tag: Tag) => void; text?: (text: string) => void }): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', handlers.close);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const text = new TextDecoder('utf-8').decode(part);
  for (let i = 0; i < text.length && !failure; i += 65536) parser.write(text.slice(i, i + 65536));
  if (!failure) parser.close();
  if (failure) throw wholeFile('damaged', `The workbook is damaged (${name}: ${failure.message.split('\n')[0]}). Open it in its spreadsheet program and save it again.`);
}

/** Column letters → 0-based index ("A" 0, "AB" 27); Infinity past Excel's last column. */
function columnIndex(letters: string): number {
  if (letters.length > 3) return Infinity;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Collects a sheet's rows within the limits: cells in order of their column, every refusal at its cell. */
class RowCollector {
  readonly rows: TableRow[] = [];
  private cells = 0;
  constructor(private readonly sheet: string, private readonly limits: ImportLimits) {}

  add(line: number, values: Map<number, string>): void {
    let width = 0;
    for (const [c, v] of values) if (v !== '' && c + 1 > width) width = c + 1;
    if (width === 0) return;
    const { columns, cells: maxCells, rows } = this.limits;
    if (width > columns) {
      const where = `row ${line} of the sheet "${this.sheet}" (a value in cell ${width - 1 < 18278 ? `${columnLetters(width - 1)}${line}` : `column ${width}`})`;
      throw new Refusal(tooWide(line, width, columns, where));
    }
    this.cells += width;
    if (this.cells > maxCells) throw new Refusal(tooManyCells(line, maxCells, 'row'));
    if (this.rows.length >= rows + TITLE_ROWS) throw new Refusal(tooManyRows(undefined, rows, 'sheet'));
    const cells = new Array<string>(width).fill('');
    for (const [c, v] of values) if (c < width) cells[c] = v;
    this.rows.push({ line, cells });
  }
}

/** The sheet asked for by name (any case) or 1-based number, else the first sheet not hidden. */
function chooseSheet(names: readonly string[], hidden: readonly boolean[], asked: string | undefined): number {
  if (asked === undefined) {
    const visible = names.findIndex((_, i) => !hidden[i]);
    return visible === -1 ? 0 : visible;
  }
  const exact = names.indexOf(asked);
  if (exact !== -1) return exact;
  const lower = names.findIndex((n) => n.trim().toLowerCase() === asked.trim().toLowerCase());
  if (lower !== -1) return lower;
  if (/^\d+$/.test(asked.trim())) {
    const i = Number(asked.trim()) - 1;
    if (i >= 0 && i < names.length) return i;
  }
  const list = names.map((n) => `"${n}"`).join(', ');
  throw wholeFile('unknown-sheet', `The workbook has no sheet "${asked}". Its sheets are: ${list}. Name one of them (or its number).`);
}

// ---------- .xlsx ----------

/** Number formats that show a date: Excel's built-in ones, and format codes that write a day, month or year. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dy]/i.test(bare) || /m[^m]*[dy]|[dy][^m]*m/i.test(bare);
}

/** The part a relationship target points to, from the folder of the part that holds the relationship. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function readXlsx(bytes: Uint8Array, asked: string | undefined, limits: ImportLimits): SheetRows {
  const budget = { left: limits.inflatedBytes, max: limits.inflatedBytes };
  const meta = inflate(bytes, (n) => n === '_rels/.rels' || n.endsWith('workbook.xml') || n.endsWith('workbook.xml.rels') || n.endsWith('sharedStrings.xml') || n.endsWith('styles.xml'), budget);
  // The workbook part, from the package's relationships (xl/workbook.xml in every common writer).
  let workbookPath = 'xl/workbook.xml';
  const rootRels = meta.get('_rels/.rels');
  if (rootRels) {
    parseXml(rootRels, '_rels/.rels', {
      open: (t) => {
        if (t.name === 'Relationship' && String(t.attributes.Type ?? '').endsWith('/officeDocument')) workbookPath = resolvePart('', String(t.attributes.Target ?? workbookPath));
      },
    });
  }
  const workbook = meta.get(workbookPath);
  if (!workbook) throw wholeFile('not-a-workbook', 'The file is a zip but not an Excel workbook (it has no workbook part). Save the sheet as .xlsx, .ods or CSV and import that file.');
  const names: string[] = [];
  const hidden: boolean[] = [];
  const ids: string[] = [];
  let date1904 = false;
  parseXml(workbook, workbookPath, {
    open: (t) => {
      if (t.name === 'sheet') {
        names.push(String(t.attributes.name ?? `Sheet ${names.length + 1}`));
        hidden.push(t.attributes.state === 'hidden' || t.attributes.state === 'veryHidden');
        ids.push(String(t.attributes['r:id'] ?? ''));
      } else if (t.name === 'workbookPr') date1904 = t.attributes.date1904 === '1' || t.attributes.date1904 === 'true';
    },
  });
  if (!names.length) throw wholeFile('empty', 'The workbook has no sheet.');
  const relsPath = `${workbookPath.split('/').slice(0, -1).join('/')}/_rels/${workbookPath.split('/').pop()}.rels`;
  const targets = new Map<string, string>();
  const rels = meta.get(relsPath.replace(/^\//, ''));
  if (rels) {
    parseXml(rels, relsPath, {
      open: (t) => {
        if (t.name === 'Relationship') targets.set(String(t.attributes.Id ?? ''), resolvePart(workbookPath, String(t.attributes.Target ?? '')));
      },
    });
  }
  const index = chooseSheet(names, hidden, asked);
  const sheetPath = targets.get(ids[index]) ?? `xl/worksheets/sheet${index + 1}.xml`;

  // Shared strings: every <si>'s text, its runs joined, phonetic hints left out.
  const strings: string[] = [];
  const shared = meta.get(`${workbookPath.split('/').slice(0, -1).join('/')}/sharedStrings.xml`);
  if (shared) {
    let current: string | undefined;
    let inText = false, inPhonetic = false;
    parseXml(shared, 'sharedStrings.xml', {
      open: (t) => {
        if (t.name === 'si') current = '';
        else if (t.name === 't') inText = true;
        else if (t.name === 'rPh') inPhonetic = true;
      },
      close: (t) => {
        if (t.name === 'si') {
          strings.push(current ?? '');
          current = undefined;
        } else if (t.name === 't') inText = false;
        else if (t.name === 'rPh') inPhonetic = false;
      },
      text: (s) => {
        if (inText && !inPhonetic && current !== undefined) current += s;
      },
    });
  }
  // Styles: which cell formats show dates.
  const dateStyles: boolean[] = [];
  const styles = meta.get(`${workbookPath.split('/').slice(0, -1).join('/')}/styles.xml`);
  if (styles) {
    const custom = new Map<number, boolean>();
    let inCellXfs = false;
    parseXml(styles, 'styles.xml', {
      open: (t) => {
        if (t.name === 'numFmt') custom.set(Number(t.attributes.numFmtId), isDateFormat(String(t.attributes.formatCode ?? '')));
        else if (t.name === 'cellXfs') inCellXfs = true;
        else if (t.name === 'xf' && inCellXfs) {
          const id = Number(t.attributes.numFmtId ?? 0);
          dateStyles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
        }
      },
      close: (t) => {
        if (t.name === 'cellXfs') inCellXfs = false;
      },
    });
  }

  const sheetPart = inflate(bytes, (n) => n === sheetPath, budget).get(sheetPath);
  if (!sheetPart) throw wholeFile('damaged', `The workbook is damaged: the sheet "${names[index]}" (${sheetPath}) is missing. Open it in its spreadsheet program and save it again.`);
  const collector = new RowCollector(names[index], limits);
  let rowNumber = 0;
  let values = new Map<number, string>();
  let column = -1;
  let cell: { type: string; style: number; text: string; inValue: boolean } | undefined;
  parseXml(sheetPart, sheetPath, {
    open: (t) => {
      if (t.name === 'row') {
        const r = Number(t.attributes.r);
        rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
        values = new Map();
        column = -1;
      } else if (t.name === 'c') {
        const ref = /^([A-Z]+)\d*$/.exec(String(t.attributes.r ?? ''));
        column = ref ? columnIndex(ref[1]) : column + 1;
        cell = { type: String(t.attributes.t ?? 'n'), style: Number(t.attributes.s ?? 0), text: '', inValue: false };
      } else if (cell && (t.name === 'v' || t.name === 't')) cell.inValue = true;
    },
    close: (t) => {
      if (t.name === 'row') collector.add(rowNumber, values);
      else if (cell && (t.name === 'v' || t.name === 't')) cell.inValue = false;
      else if (t.name === 'c' && cell) {
        const value = cellValue(cell, strings, dateStyles, date1904);
        if (value !== '') {
          if (column >= limits.columns) collector.add(rowNumber, new Map([[column, value]]));
          values.set(column, value);
        }
        cell = undefined;
      }
    },
    text: (s) => {
      if (cell?.inValue) cell.text += s;
    },
  });
  return { sheet: names[index], sheets: names, rows: collector.rows, format: 'xlsx' };
}

/** A cell's text: shared or inline strings, booleans, errors as written, dates as YYYY-MM-DD, other numbers as stored. */
function cellValue(cell: { type: string; style: number; text: string }, strings: readonly string[], dateStyles: readonly boolean[], date1904: boolean): string {
  const t = cell.text;
  switch (cell.type) {
    case 's': return strings[Number(t)] ?? '';
    case 'b': return t === '1' ? 'TRUE' : t === '0' ? 'FALSE' : t;
    case 'str': case 'inlineStr': case 'e': case 'd': return t;
    default: {
      const n = Number(t);
      if (t !== '' && Number.isFinite(n) && dateStyles[cell.style] && n >= 1 && n < 2958466) return addDays(date1904 ? '1904-01-01' : '1899-12-30', Math.floor(n));
      return t;
    }
  }
}

// ---------- .ods ----------

/** How many times a row or cell repeats (ODF's number-*-repeated), at least once. */
function repeats(value: unknown): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

function readOds(bytes: Uint8Array, asked: string | undefined, limits: ImportLimits): SheetRows {
  const budget = { left: limits.inflatedBytes, max: limits.inflatedBytes };
  const content = inflate(bytes, (n) => n === 'content.xml', budget).get('content.xml');
  if (!content) throw wholeFile('not-a-workbook', 'The file is a zip but not an OpenDocument spreadsheet (it has no content.xml). Save the sheet as .ods, .xlsx or CSV and import that file.');
  const names: string[] = [];
  const hidden: boolean[] = [];
  let chosen: number | undefined;
  let collector: RowCollector | undefined;
  let inChosen = false;
  let rowNumber = 0, rowRepeat = 1, column = 0;
  let values = new Map<number, string>();
  let cell: { repeat: number; value?: string; text: string; paragraphs: number } | undefined;
  let inParagraph = 0;
  // Sheets are read in order; without a name the first one is taken (hidden sheets aside, once known).
  parseXml(content, 'content.xml', {
    open: (t) => {
      const a = t.attributes;
      switch (t.name) {
        case 'table:table': {
          names.push(String(a['table:name'] ?? `Sheet ${names.length + 1}`));
          hidden.push(false);
          const i = names.length - 1;
          const wanted = asked === undefined ? chosen === undefined : names[i] === asked || names[i].trim().toLowerCase() === asked.trim().toLowerCase() || asked.trim() === String(i + 1);
          if (wanted && chosen === undefined) {
            chosen = i;
            inChosen = true;
            collector = new RowCollector(names[i], limits);
            rowNumber = 0;
          }
          break;
        }
        case 'table:table-row':
          if (!inChosen) break;
          rowRepeat = repeats(a['table:number-rows-repeated']);
          values = new Map();
          column = 0;
          break;
        case 'table:table-cell': case 'table:covered-table-cell':
          if (!inChosen) break;
          cell = { repeat: repeats(a['table:number-columns-repeated']), text: '', paragraphs: 0 };
          if (t.name === 'table:table-cell') {
            const type = a['office:value-type'];
            if (type === 'date') cell.value = String(a['office:date-value'] ?? '');
            else if (type === 'float') cell.value = String(a['office:value'] ?? '');
            else if (type === 'boolean') cell.value = a['office:boolean-value'] === 'true' ? 'TRUE' : 'FALSE';
          }
          break;
        case 'text:p': case 'text:h':
          if (cell) {
            if (cell.paragraphs++ > 0) cell.text += '\n';
            inParagraph++;
          }
          break;
        case 'text:s':
          if (cell && inParagraph) cell.text += ' '.repeat(Math.min(repeats(a['text:c']), 1000));
          break;
        case 'text:tab':
          if (cell && inParagraph) cell.text += '\t';
          break;
        case 'text:line-break':
          if (cell && inParagraph) cell.text += '\n';
          break;
      }
    },
    close: (t) => {
      switch (t.name) {
        case 'table:table':
          inChosen = false;
          break;
        case 'text:p': case 'text:h':
          if (cell) inParagraph--;
          break;
        case 'table:table-cell': case 'table:covered-table-cell': {
          if (!inChosen || !cell) break;
          const value = cell.value ?? cell.text;
          if (value !== '') {
            // A repeated cell with a value is written out, as far as the column limit allows.
            for (let k = 0; k < cell.repeat; k++) {
              if (column + k >= limits.columns) {
                collector!.add(rowNumber + 1, new Map([[column + k, value]]));
              }
              values.set(column + k, value);
            }
          }
          column += cell.repeat;
          cell = undefined;
          break;
        }
        case 'table:table-row': {
          if (!inChosen) break;
          const hasValues = [...values.values()].some((v) => v !== '');
          if (!hasValues) {
            rowNumber += rowRepeat;
            break;
          }
          // A repeated row with values is written out as far as the row limit allows (the collector refuses beyond).
          for (let k = 0; k < rowRepeat; k++) collector!.add(++rowNumber, values);
          break;
        }
      }
    },
    text: (s) => {
      if (cell && inParagraph) cell.text += s;
    },
  });
  if (!names.length) throw wholeFile('empty', 'The spreadsheet has no sheet.');
  if (chosen === undefined) chooseSheet(names, hidden, asked);
  return { sheet: names[chosen!], sheets: names, rows: collector!.rows, format: 'ods' };
}

/** The rows of one sheet of a workbook (the first, or `sheet` by name or number), or what is wrong and where. */
export function readWorkbook(bytes: Uint8Array, limits: ImportLimits, options: { sheet?: string } = {}): WorkbookResult {
  try {
    // Which kind: an OpenDocument file names its type in a first, stored "mimetype" entry; else Office Open XML.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 120));
    const ods = head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument') && !ods) {
      throw wholeFile('not-a-workbook', 'The file is an OpenDocument file but not a spreadsheet. Save the sheet as .ods, .xlsx or CSV and import that file.');
    }
    return { ok: true, sheet: ods ? readOds(bytes, options.sheet, limits) : readXlsx(bytes, options.sheet, limits) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem };
    throw e;
  }
}
