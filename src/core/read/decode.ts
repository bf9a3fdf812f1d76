/** Bytes → text: UTF-8 (a BOM is accepted and dropped), with located problems for invalid bytes and oversize input. */
import { LIMITS, limitMessage, Limits } from '../limits';
import { FILE_START, Problem } from '../problems';
import { LineIndex } from '../text/lines';

/** Files larger than this are reported and not read (see limits.ts). */
export const MAX_FILE_BYTES = LIMITS.fileBytes;

export interface DecodeResult {
  text?: string;
  problems: Problem[];
}

/** Decodes UTF-8 (BOM accepted and dropped); reports invalid bytes with their position and oversize input. */
export function decodeText(file: string, input: string | Uint8Array, limits: Readonly<Limits> = LIMITS): DecodeResult {
  const problems: Problem[] = [];
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.fileBytes) {
    problems.push({
      file, range: FILE_START, severity: 'error', code: 'too-large',
      message: limitMessage('fileBytes', limits, size),
      data: { size, limit: limits.fileBytes },
    });
    return { problems };
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const bad = firstInvalidUtf8(input);
      const prefix = new TextDecoder('utf-8').decode(input.subarray(0, bad));
      const pos = new LineIndex(prefix.charCodeAt(0) === 0xfeff ? prefix.slice(1) : prefix).position(Infinity);
      problems.push({
        file, range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, severity: 'error', code: 'encoding',
        message: `Invalid UTF-8 byte 0x${input[bad].toString(16).padStart(2, '0')} at byte ${bad}. Save the file as UTF-8.`,
        data: { byteOffset: bad },
      });
      text = new TextDecoder('utf-8').decode(input);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, problems };
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1];
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

