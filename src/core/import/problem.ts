/** What is wrong with a file to import, and where (1-based; line 0 is the whole file). */
export interface ImportProblem {
  line: number;
  column: number;
  /** A stable code: too-large, not-text, quotes, no-header, one-column, no-rows, unmapped-required. */
  code: string;
  message: string;
}

/** "line 4, column 7: …", or the message alone for the whole file. */
export function describeProblem(file: string, p: ImportProblem): string {
  return p.line > 0 ? `${file}:${p.line}:${p.column}: ${p.message}` : `${file}: ${p.message}`;
}

/** Whole numbers with thousands separators, as the refusals write them. */
const count = (n: number): string => n.toLocaleString('en');

/** A row wider than the column limit, refused at the first cell beyond it (`where`: "line 4", or the sheet's row and cell). */
export function tooWide(line: number, columns: number, max: number, where = `line ${line}`): ImportProblem {
  return { line, column: max + 1, code: 'too-many-columns', message: `${where[0].toUpperCase()}${where.slice(1)} has ${count(columns)} columns; Debrief imports tables of up to ${count(max)} columns. Remove the columns you do not need, or check the separator.` };
}

/** A table of more cells than the cell limit, refused at the row that crossed it. */
export function tooManyCells(line: number, max: number, what = 'line'): ImportProblem {
  return { line, column: 1, code: 'too-many-cells', message: `The table holds more than ${count(max)} cells by ${what} ${line}; Debrief imports up to ${count(max)} at a time. Split it into several files or remove the columns you do not need.` };
}

/** A table of more rows than the row limit. */
export function tooManyRows(rows: number | undefined, max: number, what = 'file'): ImportProblem {
  return { line: 0, column: 0, code: 'too-many-rows', message: `The ${what} has ${rows === undefined ? 'more than ' : ''}${count(rows ?? max)} rows; Debrief imports up to ${count(max)} at a time. Split it into several files.` };
}
