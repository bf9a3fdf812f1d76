// The demo journal is written as of DEMO_AS_OF. `npm start` opens a copy with every date moved by the
// same number of days, so the demo reads as if it were written today: recent trends, a follow-up
// waiting, items due soon, rather than a year-old journal full of overdue items.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_AS_OF = '2025-12-01';

const DAY = 86_400_000;
const utc = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function localToday(now) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Moves every real YYYY-MM-DD date in `text` by `days`. */
export function shiftDates(text, days) {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => {
    const t = utc(m);
    return Number.isNaN(t) || iso(t) !== m ? m : iso(t + days * DAY);
  });
}

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? walk(f) : [f];
  });
}

/** Copies demo/ to `dest` with its dates moved so that DEMO_AS_OF becomes `today`. */
export function copyDemo(root, dest, now = new Date()) {
  cpSync(join(root, 'demo'), dest, { recursive: true });
  const days = Math.round((utc(localToday(now)) - utc(DEMO_AS_OF)) / DAY);
  for (const f of walk(dest)) {
    if (!/\.(ya?ml|md)$/i.test(f)) continue;
    const text = readFileSync(f, 'utf8');
    const shifted = shiftDates(text, days);
    if (shifted !== text) writeFileSync(f, shifted);
  }
  return days;
}
