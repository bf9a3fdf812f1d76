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
