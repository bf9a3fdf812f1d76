/**
 * The types the reader's modules share (document.ts, fast.ts, strings.ts, the record builders), in a
 * module of their own so that none of them imports another only for a type.
 */
import type { Problem, Range } from '../problems';

/** Plain data as read from YAML: what the schema validates and the record builders take. */
export type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain } | undefined;

/**
 * A part of a file that did not read: its text is in the file, but no data was taken from it, and one
 * problem says why (a syntax error, a key given twice, an alias). The rest of the file is read.
 */
export interface BrokenPart {
  /**
   * Where the part sits in the data: `[key]` for a top-level key, `[key, n]` for the n-th item (from 0)
   * of the list under a top-level key, `[]` for text outside every key.
   */
  path: (string | number)[];
  /** Its lines, from the first to the last that holds anything. */
  range: Range;
  /** The one problem that says why it did not read, also among the file's problems. */
  problem: Problem;
  /**
   * The id written on the part's own lines (`- id: capacity-estimates`), when it reads there as an id:
   * what names the record while it does not read and was never read before.
   */
  id?: string;
}

export interface ReadResult<T> {
  value?: T;
  problems: Problem[];
  /** The parts of the file that did not read, in the order of the file (none when it read whole). */
  broken?: BrokenPart[];
}
