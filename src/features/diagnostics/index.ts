import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, SettingId } from '../../constants';
import { SCHEMA_LEVEL_CODES } from '../../core/language/fixes';
import { capProblems, type Problem } from '../../core/problems';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import { settings } from '../../services/settings';
import { toRange } from '../../ui/ranges';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, SEVERITY[p.severity]);
  d.code = p.code;
  d.source = DIAGNOSTIC_SOURCE;
  return d;
}

/**
 * The Problems panel: every problem the core finds in journal files (on the unsaved text, as the store
 * follows typing with a short debounce), one DiagnosticCollection kept in step with the index.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Per workspace folder: file URI → the problem list last published (lists are replaced, never mutated, by the index). */
  const published = new Map<string, Map<string, readonly Problem[]>>();
  let schemaProblems = new Map<string, boolean>();

  const showSchema = (journal: Journal): boolean => {
    const key = journal.folder.uri.toString();
    let v = schemaProblems.get(key);
    if (v === undefined) {
      v = settings.schemaProblems(journal.folder.uri);
      schemaProblems.set(key, v);
    }
    return v;
  };

  const sync = (journal: Journal, force = false): void => {
    const key = journal.folder.uri.toString();
    const before = published.get(key) ?? new Map<string, readonly Problem[]>();
    const after = new Map<string, readonly Problem[]>();
    const schema = showSchema(journal);
    for (const [path, problems] of journal.index.problemsByFile()) {
      const uri = journal.uri(path).toString();
      after.set(uri, problems);
      if (!force && before.get(uri) === problems) continue;
      // At most the per-file cap is published (the index caps too): a huge file never floods the Problems panel.
      const shown = capProblems(path, schema ? problems : problems.filter((p) => !SCHEMA_LEVEL_CODES.has(p.code)));
      collection.set(vscode.Uri.parse(uri), shown.map(toDiagnostic));
    }
    for (const uri of before.keys()) if (!after.has(uri)) collection.delete(vscode.Uri.parse(uri));
    published.set(key, after);
  };

  const syncAll = (force = false): void => {
    const live = new Set<string>();
    for (const journal of services.store.journals()) {
      live.add(journal.folder.uri.toString());
      sync(journal, force);
    }
    // Folders that left the workspace (or were reloaded away) lose their diagnostics.
    for (const [key, files] of published) {
      if (live.has(key)) continue;
      for (const uri of files.keys()) collection.delete(vscode.Uri.parse(uri));
      published.delete(key);
    }
  };

  context.subscriptions.push(
    collection,
    // The changed journal first; syncAll also drops folders that left the workspace.
    services.store.onDidChange(({ journal }) => {
      try {
        sync(journal);
        if (published.size !== services.store.journals().length) syncAll();
      } catch (e) {
        services.log.error(`updating diagnostics failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SettingId.DiagnosticsSchemaProblems)) return;
      schemaProblems = new Map();
      syncAll(true);
    }),
  );
  syncAll();
}
