/** Ids of records: lowercase letters, digits and dashes, made from titles when the user gives none. */

/** The pattern every id matches. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Generated ids stop at the last whole word within this many characters. */
export const MAX_GENERATED_ID_LENGTH = 40;

/** How letters without a decomposition are spelt in ASCII (Straße → strasse, Ærø → aero, Łódź → lodz). */
const LATIN_SPELLINGS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/**
 * Turns any text into a valid id: lowercase ASCII words joined by dashes. A long text is cut at a word
 * boundary (never mid-word) so that the id stays readable; a single word longer than the limit is cut.
 */
export function slugify(s: string, maxLength = MAX_GENERATED_ID_LENGTH): string {
  const words = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    // Letters that do not decompose into a Latin letter and an accent are written as they are spelt in ASCII.
    .replace(/[ßæœøđðłþı]/g, (c) => LATIN_SPELLINGS[c] ?? c)
    .split(/[^a-z0-9]+/).filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > maxLength) {
      if (!out) out = w.slice(0, maxLength);
      break;
    }
    out = next;
  }
  return out;
}

/**
 * A unique id from a text: its slug, then slug-2, slug-3… avoiding `taken`. `from`, kept across calls,
 * remembers for each slug where the free ones start, so that many ids of the same text take linear time.
 */
export function uniqueId(base: string, taken: Iterable<string>, fallback = 'item', from?: Map<string, number>): string {
  const set: ReadonlySet<string> = taken instanceof Set ? taken : new Set(taken);
  const slug = slugify(base) || fallback;
  let i = from?.get(slug) ?? 1;
  let id = i === 1 ? slug : `${slug}-${i}`;
  while (set.has(id)) id = `${slug}-${++i}`;
  from?.set(slug, i);
  return id;
}
