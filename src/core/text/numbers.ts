/** Counts as people read them in messages. */

/** A whole number with thousands separators: 1234567 → "1,234,567" (without the cost of a locale lookup per call). */
export function thousands(n: number): string {
  const s = String(Math.trunc(n));
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
  return (neg ? '-' : '') + out;
}
