import * as vscode from 'vscode';
import type { Range } from '../../core/problems';
import type { ImprovementItem, NoteLink, Weakness } from '../../core/model';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import type { JournalFileKind } from '../../core/journal/journal-index';
import { notePath } from '../../core/note-paths';

/** Journal YAML files, whatever their scheme; each provider checks the path belongs to a journal. */
export const JOURNAL_SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }];

export interface JournalDoc {
  journal: Journal;
  path: string;
  kind: JournalFileKind;
}

/** The journal file a document is, with the index brought up to date with its unsaved text. */
export function journalDoc(services: Services, doc: vscode.TextDocument): JournalDoc | undefined {
  const found = services.store.locateJournalFile(doc.uri);
  if (!found) return undefined;
  services.store.flush(doc.uri);
  const kind = found.journal.index.kindOf(found.path);
  return kind ? { ...found, kind } : undefined;
}

export function contains(r: Range, pos: vscode.Position): boolean {
  const afterStart = pos.line > r.start.line || (pos.line === r.start.line && pos.character >= r.start.character);
  const beforeEnd = pos.line < r.end.line || (pos.line === r.end.line && pos.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** The weakness id under the cursor: a citation in an interview, or an id in weaknesses.yaml. */
export function weaknessIdAt(jd: JournalDoc, pos: vscode.Position): { id: string; range: Range } | undefined {
  const index = jd.journal.index;
  if (jd.kind === 'interview') {
    for (const c of index.interviewAt(jd.path)?.weaknesses ?? []) if (contains(c.weaknessRange, pos)) return { id: c.weakness, range: c.weaknessRange };
    return undefined;
  }
  for (const w of index.weaknesses()) if (contains(w.idRange, pos)) return { id: w.id, range: w.idRange };
  return undefined;
}

/** Every note link of weaknesses.yaml with its weakness and item; `path` is set only when the path stays in the workspace as written (see core/note-paths.ts). */
export function noteLinks(jd: JournalDoc): { weakness: Weakness; item: ImprovementItem; link: NoteLink; path?: string }[] {
  if (jd.kind !== 'weaknesses') return [];
  const out = [];
  for (const weakness of jd.journal.index.weaknesses()) {
    for (const item of weakness.improvements) {
      for (const link of item.notes) out.push({ weakness, item, link, path: notePath(link.path) });
    }
  }
  return out;
}

export function noteLinkAt(jd: JournalDoc, pos: vscode.Position) {
  return noteLinks(jd).find((n) => contains(n.link.range, pos));
}
