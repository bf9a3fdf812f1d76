/**
 * Calendar dates as the journal writes them: `YYYY-MM-DD` strings. The core never reads the machine's
 * clock: whoever needs "today" passes it in (the extension's Clock service, the CLI's --today).
 */

/** Is `s` a real calendar date written YYYY-MM-DD? */
export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = +s.slice(0, 4), m = +s.slice(5, 7), d = +s.slice(8, 10);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** Days in each month of a common year. */
const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from date a to date b (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86400000);
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The local calendar date of a moment, as YYYY-MM-DD (the caller decides which moment). */
export function dateOf(moment: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${p(moment.getMonth() + 1)}-${p(moment.getDate())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as people read it: "22 Oct", with the year when it is not the year of `today`: "22 Oct 2025". */
export function humanDate(date: string, today?: string, long = false): string {
  if (!isValidDate(date)) return date;
  const day = +date.slice(8, 10);
  const month = (long ? LONG_MONTHS : MONTHS)[+date.slice(5, 7) - 1];
  return today && today.slice(0, 4) === date.slice(0, 4) ? `${day} ${month}` : `${day} ${month} ${date.slice(0, 4)}`;
}
