/**
 * The types the import's modules share: Debrief's fields a column can fill, a mapping of fields to
 * columns, and a tracker's preset. In a module of their own so that the modules that use them
 * (fields, names, presets, guess) import each other in one direction only.
 */

/** Debrief's fields an imported column can fill. */
export const FIELDS = ['company', 'role', 'applied', 'source', 'status', 'stage', 'rounds', 'feedback', 'notes', 'link', 'contact', 'tags'] as const;
export type Field = (typeof FIELDS)[number];

/** Column index (0-based) of each mapped field. */
export type Mapping = Partial<Record<Field, number>>;

export interface Preset {
  name: string;
  label: string;
  description: string;
  /** Column names for each field, most likely first (compared in any case, spacing, accents or plural). */
  columns: Partial<Record<Field, string[]>>;
  /** Columns that all appear in this tracker's export: how the preset is recognised. */
  signature: string[];
  /**
   * The export lists jobs saved for later, not applications (LinkedIn's "Saved Jobs"): nothing is
   * imported, every row is skipped with this reason.
   */
  wishlist?: string;
}
