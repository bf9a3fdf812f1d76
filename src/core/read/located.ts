/**
 * The located view of a parsed journal file: for every mapping, list and scalar of the plain data, the
 * offsets in the text of its value, and for every key of a mapping the offsets of the key. The record
 * builders and the problem mapping take every range from here, so that both readers (the composer of
 * the `yaml` package in document.ts, and the fast reader of fast.ts) feed the same builders.
 *
 * Offsets are those of the `yaml` package's nodes: `start` is `range[0]` and `end` is `range[1]` (the
 * end of the value, before any comment that follows it).
 */

export const SCALAR = 0;
export const MAP = 1;
export const SEQ = 2;

/** A scalar (or an alias, which the journal refuses): `isNull` for an empty value, `~` or `null`. */
export interface LScalar {
  kind: typeof SCALAR;
  start: number;
  end: number;
  isNull: boolean;
}

/** A pair of a mapping whose key is text; `keyStart` is -1 for a missing key (a line such as ": x"). */
export interface LPair {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: LNode | undefined;
}

export interface LMap {
  kind: typeof MAP;
  start: number;
  end: number;
  /** The pairs with a key that is text, in the order of the file (duplicates included). */
  pairs: LPair[];
}

export interface LSeq {
  kind: typeof SEQ;
  start: number;
  end: number;
  items: (LNode | undefined)[];
}

export type LNode = LScalar | LMap | LSeq;

export function isLMap(n: unknown): n is LMap {
  return (n as LNode | undefined)?.kind === MAP;
}
export function isLSeq(n: unknown): n is LSeq {
  return (n as LNode | undefined)?.kind === SEQ;
}
/** True for an empty value, `~` or `null` (not for a missing one). */
export function isNullScalar(n: LNode | undefined): boolean {
  return n?.kind === SCALAR && n.isNull;
}

/**
 * The pairs of each large mapping by key, built once per mapping on first use (the first pair of a
 * key wins). Small mappings (a journal record's) are scanned: a table for each would cost more memory
 * than the scan costs time.
 */
const pairsByKey = new WeakMap<LMap, Map<string, LPair>>();
const SCAN_UP_TO = 32;

/** The first pair of a key in a mapping: at most 32 comparisons, or constant time after a large mapping's first lookup. */
export function pairIn(map: LMap, key: string): LPair | undefined {
  const pairs = map.pairs;
  if (pairs.length <= SCAN_UP_TO) {
    for (const pair of pairs) if (pair.key === key) return pair;
    return undefined;
  }
  let byKey = pairsByKey.get(map);
  if (!byKey) {
    byKey = new Map();
    for (const pair of pairs) if (!byKey.has(pair.key)) byKey.set(pair.key, pair);
    pairsByKey.set(map, byKey);
  }
  return byKey.get(key);
}
