/**
 * Bytes of a spreadsheet export → text. Spreadsheets write CSV in whatever encoding their platform
 * prefers: UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode text", with or without a
 * BOM) or Windows-1252 (older Excel on Windows). The encoding is detected, never asked for.
 */
import { IMPORT_LIMITS } from '../limits';
import type { ImportProblem } from './problem';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Did the bytes start with a byte order mark (dropped from the text)? */
  bom: boolean;
}

/** Files larger than this are refused: a job search spreadsheet is far smaller. */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.bytes;

/** Signatures of files people pick by mistake, with what to do instead. */
const NOT_TEXT: { magic: number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another zip file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls) or another Office file; save it as .xlsx, .ods or CSV' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero. */
function utf16WithoutBom(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0, zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.05) return 'utf-16le';
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Windows-1252 differs from Latin-1 in 0x80–0x9F only (€, curly quotes, dashes, Š, Ž, …); 0 marks the five unused bytes. */
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeAs(encoding: Encoding, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') {
    // By table rather than TextDecoder: Node's TextDecoder reads "windows-1252" as Latin-1 in some
    // versions, which would turn € and curly quotes into control characters.
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      out += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] || 0xfffd : b)));
    }
    return out;
  }
  // TextDecoder drops a BOM of its own encoding; the replacement character marks any invalid byte.
  return new TextDecoder(encoding).decode(bytes);
}

/** The line and column (1-based) of a character offset. */
export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Detects the encoding and decodes; refuses files that are too large or not text at all. */
export function decodeSpreadsheet(bytes: Uint8Array): { ok: true; decoded: Decoded } | { ok: false; problem: ImportProblem } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, problem: { line: 0, column: 0, code: 'too-large', message: `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; Debrief imports spreadsheets up to ${MAX_IMPORT_BYTES / 1048576} MB. Split it into several files.` } };
  }
  for (const { magic, what } of NOT_TEXT) {
    if (startsWith(bytes, magic)) return { ok: false, problem: { line: 0, column: 0, code: 'not-text', message: `The file is ${what}, not a CSV or TSV text file. Save the sheet as .xlsx, .ods or "CSV UTF-8" first and import that file.` } };
  }
  let decoded: Decoded;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) decoded = { text: decodeAs('utf-8', bytes), encoding: 'utf-8', bom: true };
  else if (startsWith(bytes, [0xff, 0xfe])) decoded = { text: decodeAs('utf-16le', bytes), encoding: 'utf-16le', bom: true };
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = { text: decodeAs('utf-16be', bytes), encoding: 'utf-16be', bom: true };
  else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) decoded = { text: decodeAs(utf16, bytes), encoding: utf16, bom: false };
    else {
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
      } catch {
        // Not UTF-8: the spreadsheet saved in the Windows code page for Western languages, where every
        // byte is a character (umlauts, accents, the euro sign).
        decoded = { text: decodeAs('windows-1252', bytes), encoding: 'windows-1252', bom: false };
      }
    }
  }
  if (decoded.text.charCodeAt(0) === 0xfeff) decoded.text = decoded.text.slice(1);
  const nul = decoded.text.indexOf('\u0000');
  if (nul !== -1) {
    const at = locate(decoded.text, nul);
    return { ok: false, problem: { ...at, code: 'not-text', message: `The file holds a NUL character at line ${at.line}, column ${at.column}: it is not a CSV or TSV text file. Save the sheet as "CSV UTF-8" first.` } };
  }
  return { ok: true, decoded };
}
