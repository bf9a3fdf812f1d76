/** Comparing words as people write them in spreadsheets: any case, accents, punctuation or camelCase. */

/**
 * "Date Applied", "date_applied", "dateApplied" and "DATE-APPLIED" all become "date applied";
 * "Rückmeldung" becomes "ruckmeldung" and "Straße" "strasse". Emoji and punctuation are dropped.
 */
export function normalizeWords(s: string): string {
  return s
    .replace(/([a-z\u00df-\u00ff])([A-Z])/g, '$1 $2')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Does `phrase` (normalized) occur in `text` (normalized) as whole words? */
export function hasWords(text: string, phrase: string): boolean {
  return phrase !== '' && ` ${text} `.includes(` ${phrase} `);
}
