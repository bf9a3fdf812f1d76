/** Strings copied out of file text so that records never pin the text, pooled across a bulk read. */
import { isValidDate } from '../dates';
import type { Limits } from '../limits';
import type { Plain } from './types';

/**
 * Copies a string out of the file text. V8 keeps substrings of 13+ characters as slices that pin
 * the whole source text; records outlive the text, so long values are copied into a flat string
 * (a JSON round trip is one of the few operations that yields a flat copy rather than another slice).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Strings longer than this are copied but not pooled: long texts rarely repeat. */
const POOLED_MAX_LENGTH = 200;

/**
 * One shared copy of equal strings across the files read together (ids, companies, roles, dates,
 * questions, tags): a journal repeats them across hundreds of interviews. A pool lives as long as one
 * bulk read; the records keep the strings, the pool itself is dropped afterwards.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  get size(): number {
    return this.strings.size;
  }
  get(s: string): string {
    if (s.length > POOLED_MAX_LENGTH) return detach(s);
    let v = this.strings.get(s);
    if (v === undefined) {
      v = detach(s);
      this.strings.set(v, v);
    }
    return v;
  }
}

export interface ReadOptions {
  /** Shares equal strings with the other files read with the same pool. */
  strings?: StringPool;
  /** Other limits than those of limits.ts (the benchmark reads past the size limit to measure how reading scales). */
  limits?: Partial<Limits>;
  /**
   * Always compose a `yaml` document, never the fast reader (fast.ts): the differential test reads
   * each text both ways.
   */
  compose?: boolean;
}

/** Copies strings out of the parsed data, through the pool when there is one. */
export class Strings {
  constructor(private readonly pool: StringPool | undefined) {}
  text(s: string): string {
    return this.pool ? this.pool.get(s) : detach(s);
  }
  str(v: Plain): string | undefined {
    return typeof v === 'string' ? this.text(v) : undefined;
  }
  date(v: Plain): string | undefined {
    return isValidDate(v) ? this.text(v) : undefined;
  }
  list(v: Plain): string[] {
    if (!Array.isArray(v)) return [];
    let n = 0;
    for (const x of v) if (typeof x === 'string') n++;
    const out = new Array<string>(n);
    let i = 0;
    for (const x of v) if (typeof x === 'string') out[i++] = this.text(x);
    return out;
  }
}
