/** Offsets, positions and line endings of a text. */
import type { Position, Range } from '../problems';

/** Maps string offsets to 0-based line/character positions. */
export class LineIndex {
  /** Offset of each line's first character. */
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    // One pass with indexOf: fast over long lines, and no regular expression.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }
  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length + 1;
    return Math.min(start + Math.max(0, pos.character), next - 1, this.text.length);
  }
  /** The range of [start, end), with trailing whitespace and line breaks trimmed off. */
  range(start: number, end: number): Range {
    let e = Math.max(start, Math.min(end, this.text.length));
    while (e > start && /\s/.test(this.text[e - 1])) e--;
    return { start: this.position(start), end: this.position(e) };
  }
}

export function eolOf(text: string): '\r\n' | '\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
