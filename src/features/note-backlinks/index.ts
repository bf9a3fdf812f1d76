import * as vscode from 'vscode';
import type { Services } from '../../services/services';
import { toRange } from '../../adapters/ranges';
import { movedPath, renameNoteLinks } from '../../core/edits/note-links';
import { resolveNotePath } from '../../core/note-paths';

/**
 * In a Markdown study note: a CodeLens at the top for every improvement item (and its weakness) that
 * links the note, each a jump to its place in weaknesses.yaml. Renaming or moving a linked note offers
 * to update the links.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc) {
      const found = services.store.locate(doc.uri);
      if (!found) return [];
      const links = found.journal.index.backlinks(found.path);
      if (!links.length) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      const weaknessesUri = found.journal.weaknessesUri;
      const open = (range: vscode.Range): vscode.Command['arguments'] => [weaknessesUri, { selection: new vscode.Range(range.start, range.start) }];
      const lenses: vscode.CodeLens[] = [];
      const seen = new Set<string>();
      for (const b of links) {
        if (seen.has(b.weakness.id)) continue;
        seen.add(b.weakness.id);
        lenses.push(new vscode.CodeLens(top, {
          title: `$(debug-breakpoint-unverified) Weakness: ${b.weakness.title}`,
          tooltip: `Go to the weakness "${b.weakness.id}" in ${found.journal.index.weaknessesPath}`,
          command: 'vscode.open', arguments: open(toRange(b.weakness.idRange)),
        }));
      }
      for (const b of links) {
        lenses.push(new vscode.CodeLens(top, {
          title: `$(checklist) ${b.item.action || b.item.id}${b.item.status ? ` [${b.item.status}]` : ''}`,
          tooltip: `Go to the improvement item "${b.item.id}" of "${b.weakness.id}"`,
          command: 'vscode.open', arguments: open(toRange(b.item.idRange)),
        }));
      }
      return lenses;
    },
  };

  /** Points links at the new place of a note (or folder) moved from `from` to `to`; returns how many were updated. */
  const updateLinks = async (from: vscode.Uri, to: vscode.Uri): Promise<number> => {
    const a = services.store.locate(from);
    const b = services.store.locate(to);
    if (!a || !b || a.journal !== b.journal || !a.journal.index.hasWeaknessesFile()) return 0;
    const count = a.journal.index.linkedNotes().filter((n) => movedPath(n, a.path, b.path) !== undefined).length;
    if (!count) return 0;
    const ok = await services.editor.edit(a.journal, a.journal.index.weaknessesPath, (text) => renameNoteLinks(text, a.path, b.path));
    return ok ? count : 0;
  };

  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider),
    services.store.onDidChange(() => changed.fire()),
    vscode.workspace.onDidRenameFiles(async (e) => {
      for (const { oldUri, newUri } of e.files) {
        try {
          const a = services.store.locate(oldUri);
          const b = services.store.locate(newUri);
          if (!a || !b || a.journal !== b.journal) continue;
          const count = a.journal.index.linkedNotes().filter((n) => movedPath(n, a.path, b.path) !== undefined).length;
          if (!count) continue;
          // Links follow a note only to a place the one resolver of note paths accepts (not through a link leading outside).
          const target = await resolveNotePath(b.journal.fs, b.path);
          if (!target.ok) continue;
          const answer = await services.prompter.notify(
            `${count} improvement item link${count === 1 ? '' : 's'} in ${a.journal.index.weaknessesPath} point${count === 1 ? 's' : ''} to ${a.path}. Update ${count === 1 ? 'it' : 'them'} to ${b.path}?`,
            'Update Links', 'Not Now');
          if (answer === 'Update Links') await updateLinks(oldUri, newUri);
        } catch (err) {
          services.log.error(`updating note links after a rename failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        }
      }
    }),
  );
}
