/** Links a journal or an invitation may hold: web addresses only (a meeting link), never `javascript:`, `file:` or `data:`. */

/** The longest link kept (a meeting link is far shorter; a longer one is refused, not cut). */
export const MAX_LINK_LENGTH = 2000;

/** Is `s` an http or https address, without spaces or control characters, that a URL parser accepts? */
export function isWebLink(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (s.length > MAX_LINK_LENGTH || !/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
