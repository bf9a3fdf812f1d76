/**
 * Damage done to a journal file as people do it by hand (a bracket or quote lost, a colon, an
 * indentation broken, a tab or a stray character typed), and where the items of its lists are: what
 * the recovery and fast-reader tests share.
 */
import { CST, Parser } from 'yaml';

export type Damage = 'bracket' | 'quote' | 'colon' | 'indent' | 'tab' | 'stray';
export const DAMAGES: readonly Damage[] = ['bracket', 'quote', 'colon', 'indent', 'tab', 'stray'];
const STRAY = ['x', ']', '}', '[', '{', '"', "'", ':', '#', '-', '@', '`', '|', '>', '&', '*', '!', '%', ',', '?'];

/**
 * The text damaged in one way at a place chosen by `at` (a fraction of the text), and the offset of the
 * damage; undefined when the text has nothing to damage that way (no bracket to drop).
 */
export function damage(text: string, kind: Damage, at: number, pick: number): { text: string; offset: number; kind: Damage } | undefined {
  const d = damageAt(text, kind, at, pick);
  return d && { ...d, kind };
}

function damageAt(text: string, kind: Damage, at: number, pick: number): { text: string; offset: number } | undefined {
  const dropOne = (chars: string) => {
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i++) if (chars.includes(text[i])) offsets.push(i);
    if (offsets.length === 0) return undefined;
    const i = offsets[Math.floor(at * offsets.length)];
    return { text: text.slice(0, i) + text.slice(i + 1), offset: i };
  };
  const i = Math.floor(at * text.length);
  switch (kind) {
    case 'bracket': return dropOne(']}');
    case 'quote': return dropOne('"\'');
    case 'colon': return dropOne(':');
    case 'indent': {
      // A line's indentation one or two spaces more or less.
      const start = text.lastIndexOf('\n', i - 1) + 1;
      const change = [-2, -1, 1, 2][pick % 4];
      if (change > 0) return { text: text.slice(0, start) + ' '.repeat(change) + text.slice(start), offset: start };
      let spaces = 0;
      while (text[start + spaces] === ' ') spaces++;
      if (spaces < -change) return undefined;
      return { text: text.slice(0, start) + text.slice(start - change), offset: start };
    }
    case 'tab': return { text: text.slice(0, i) + '\t' + text.slice(i), offset: i };
    case 'stray': return { text: text.slice(0, i) + STRAY[pick % STRAY.length] + text.slice(i), offset: i };
  }
}

/**
 * Where the items of a top-level block list are in a text (from its CST): each item's text, from the
 * start of the line of its "-" to the start of the line of the next one (the last one: of the next
 * top-level key, or the end of the text), and the lines of the key before the first item. Undefined
 * when the root or the list is not in block style.
 */
export function itemSpans(text: string, key: string): { items: [number, number][]; head: [number, number] } | undefined {
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  for (const tok of new Parser().parse(text)) {
    if (tok.type !== 'document' || tok.value?.type !== 'block-map') continue;
    const pairs = tok.value.items;
    for (let n = 0; n < pairs.length; n++) {
      const pair = pairs[n];
      const k = pair.key && CST.isScalar(pair.key) ? CST.resolveAsScalar(pair.key)?.value : undefined;
      if (k !== key) continue;
      const seq = pair.value;
      if (seq?.type !== 'block-seq') return undefined;
      const dashes = seq.items.map((it) => it.start.find((t) => t.type === 'seq-item-ind')?.offset ?? -1);
      if (dashes.some((d) => d < 0)) return undefined;
      const after = pairs[n + 1];
      const end = after ? lineStart(after.key?.offset ?? after.start[0]?.offset ?? text.length) : text.length;
      const keyAt = lineStart(pair.key?.offset ?? 0);
      const starts = dashes.map(lineStart);
      return { items: starts.map((s, n) => [s, n + 1 < starts.length ? starts[n + 1] : end]), head: [keyAt, starts[0] ?? end] };
    }
  }
  return undefined;
}

