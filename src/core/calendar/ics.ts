/**
 * Writing iCalendar (RFC 5545): content lines with escaped text, parameters quoted where they must be,
 * lines folded at 75 octets (never inside a UTF-8 character), CRLF line ends. Times are written in
 * UTC (`…Z`), as floating local times (no zone: the same wall-clock time wherever the reader is), or as
 * dates: no `TZID` is written, so no `VTIMEZONE` is needed (RFC 5545, 3.3.5).
 */

/** The longest content line in octets, its line break aside (RFC 5545, 3.1). */
export const MAX_LINE_OCTETS = 75;

/**
 * A TEXT value (RFC 5545, 3.3.11): `\`, `;` and `,` escaped, every line break written `\n`; control
 * characters, which TEXT cannot hold, become spaces (a tab stays).
 */
export function escapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === ';') out += '\\;';
    else if (c === ',') out += '\\,';
    else if (c === '\r') {
      out += '\\n';
      if (s[i + 1] === '\n') i++;
    } else if (c === '\n') out += '\\n';
    else if ((code < 0x20 && code !== 0x09) || code === 0x7f) out += ' ';
    else out += c;
  }
  return out;
}

/** A parameter value (3.2): quoted when it holds `:`, `;` or `,`; double quotes and control characters, which it cannot hold, dropped. */
export function paramValue(s: string): string {
  // eslint-disable-next-line no-control-regex
  const v = s.replace(/[\u0000-\u0008\u000a-\u001f\u007f"]/g, '');
  return /[:;,]/.test(v) ? `"${v}"` : v;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (3.1): no line longer than 75 octets; each continuation starts with a space,
 * which counts toward its 75. Breaks fall between characters, never inside one (a surrogate pair is
 * one character).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let start = 0, octets = 0, limit = MAX_LINE_OCTETS;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const n = utf8Length(cp);
    if (octets + n > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    octets += n;
    i += width;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/** A content line `NAME;PARAM=value:value`, folded. `value` is written as given (escape TEXT with escapeText). */
export function contentLine(name: string, value: string, params: Record<string, string> = {}): string {
  const p = Object.entries(params).map(([k, v]) => `;${k}=${paramValue(v)}`).join('');
  return foldLine(`${name}${p}:${value}`);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A DATE value (3.3.4): 20261012. */
export function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

/** A DATE-TIME in UTC (3.3.5, form #2): 20261012T120000Z. */
export function icsUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** A floating DATE-TIME (3.3.5, form #1): 20261012T140000, the same wall-clock time in any zone. */
export function icsFloating(date: string, time: string): string {
  return `${icsDate(date)}T${time.replace(':', '')}00`;
}

/** A whole calendar: its lines with CRLF ends, the last one too. */
export function icsDocument(lines: readonly string[]): string {
  return lines.join('\r\n') + '\r\n';
}
