/** Updating the note paths of improvement items when a note is renamed or moved. */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { checkYamlLimits } from '../limits';
import { notePath } from '../note-paths';
import type { EditResult, TextEdit } from '../yaml/text-edits';
import { LineIndex } from '../text/lines';
import { replacementLike } from '../language/fixes';

/** The new path of `path` after `from` (a file or a folder) moved to `to`, or undefined when it is not affected. */
export function movedPath(path: string, from: string, to: string): string | undefined {
  const p = notePath(path);
  const f = notePath(from);
  const t = notePath(to);
  if (p === undefined || f === undefined || t === undefined) return undefined;
  if (p === f) return t;
  if (p.startsWith(f + '/')) return t + p.slice(f.length);
  return undefined;
}

/**
 * Minimal edits of weaknesses.yaml that point every note link affected by moving `from` to `to`
 * (workspace-relative, a file or a folder) at the new place. Quoting is kept; a text with YAML errors is refused.
 */
export function renameNoteLinks(text: string, from: string, to: string): EditResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - body.length;
  const limits = checkYamlLimits(body);
  if ('breach' in limits) {
    const at = shift + limits.breach.offset;
    return { ok: false, problems: [{ file: '', range: new LineIndex(text).range(at, at + 1), severity: 'error', code: 'over-limit', message: `${limits.breach.message} Debrief does not edit it until then.` }] };
  }
  const doc = parseDocument(body, { prettyErrors: false });
  const lines = new LineIndex(text);
  if (doc.errors.length) {
    let at = doc.errors[0].pos[0];
    for (const e of doc.errors) at = Math.min(at, e.pos[0]);
    at += shift;
    return { ok: false, problems: [{ file: '', range: lines.range(at, at + 1), severity: 'error', code: 'yaml-syntax', message: 'weaknesses.yaml has YAML errors (the first is here); fix them before the note links can be updated.' }] };
  }
  const edits: TextEdit[] = [];
  const root = doc.contents;
  const list = isMap(root) ? root.get('weaknesses', true) : undefined;
  for (const w of isSeq(list) ? list.items : []) {
    const items = isMap(w) ? w.get('improvements', true) : undefined;
    for (const item of isSeq(items) ? items.items : []) {
      const notes = isMap(item) ? item.get('notes', true) : undefined;
      for (const n of isSeq(notes) ? notes.items : []) {
        if (!isScalar(n) || typeof n.value !== 'string' || !n.range) continue;
        const next = movedPath(n.value, from, to);
        if (next === undefined) continue;
        const [s, e] = [n.range[0] + shift, n.range[1] + shift];
        let end = e;
        while (end > s && /\s/.test(text[end - 1])) end--;
        edits.push({ range: { start: lines.position(s), end: lines.position(end) }, newText: replacementLike(text.slice(s, end), next) });
      }
    }
  }
  return { ok: true, edits };
}
