/** Checks of the values an edit is asked to write: refused with a message before any text is touched. */
import { isValidDate } from '../dates';
import { ID_PATTERN, slugify } from '../ids';
import { EditResult } from '../yaml/text-edits';
import { fail } from '../yaml/splice';

export function checkDate(d: string | undefined, what: string): EditResult | undefined {
  return d === undefined || isValidDate(d) ? undefined : fail('bad-date', `${what} "${d}" is not a valid date; write YYYY-MM-DD.`, { value: d });
}
export function checkEnum(v: string | undefined, allowed: readonly string[], what: string): EditResult | undefined {
  return v === undefined || allowed.includes(v) ? undefined : fail('bad-enum', `"${v}" is not a valid ${what}. Use one of: ${allowed.join(', ')}.`, { expected: [...allowed], actual: v });
}
export function checkId(id: string, what: string): EditResult | undefined {
  return ID_PATTERN.test(id) ? undefined : fail('bad-id', `"${id}" is not a valid ${what} id: use lowercase letters, digits and dashes.`, { value: id, suggestion: slugify(id) });
}
export function firstFailure(...checks: (EditResult | undefined)[]): EditResult | undefined {
  return checks.find((c) => c !== undefined);
}
