/** Text taken from a journal file, cut to a length a message can show. */

/**
 * `text` cut to at most `max` characters (an ellipsis marks the cut, never in the middle of a
 * surrogate pair), so that a message quoting a value, a key or an id stays one readable line
 * whatever the file holds.
 */
export function shown(text: string, max = 80): string {
  if (text.length <= max) return text;
  let end = Math.max(1, max - 1);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
