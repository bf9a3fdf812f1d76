import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, SettingId } from '../../constants';
import { SCHEMA_LEVEL_CODES } from '../../core/language/fixes';
import { capProblems, type Problem } from '../../core/problems';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import { settings } from '../../services/settings';
import { toRange } from '../../adapters/ranges';

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
 * follows typing with a short debounce), one DiagnosticCollection kept in step with the index. After
 * the first publication of a journal, a change publishes only the files whose problems the index
 * recomputed: a checkout of 500 files never walks the other 9,500.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /**
   * Per workspace folder: the journal last published and, per path, the problem list published (lists
   * are replaced, never mutated, by the index).
   */
  const published = new Map<string, { journal: Journal; done: Map<string, readonly Problem[]> }>();
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

  const publish = (journal: Journal, done: Map<string, readonly Problem[]>, path: string, problems: readonly Problem[], force: boolean): void => {
    if (!force && done.get(path) === problems) return;
    if (!problems.length) {
      if (done.delete(path)) collection.delete(journal.uri(path));
      return;
    }
    done.set(path, problems);
    // At most the per-file cap is published (the index caps too): a huge file never floods the Problems panel.
    const shown = capProblems(path, showSchema(journal) ? problems : problems.filter((p) => !SCHEMA_LEVEL_CODES.has(p.code)));
    collection.set(journal.uri(path), shown.map(toDiagnostic));
  };

  /** Publishes every file of a journal (the first time, or when forced), else only the files whose problems changed. */
  const sync = (journal: Journal, force = false): void => {
    const key = journal.folder.uri.toString();
    const last = published.get(key);
    const changed = journal.index.takeChangedProblemFiles();
    if (last?.journal === journal && !force) {
      for (const path of changed) publish(journal, last.done, path, journal.index.problemsOf(path), false);
      return;
    }
    // A journal read again (or a forced sync): every file, then what the last publication had and this one has not.
    const done = last?.journal === journal ? last.done : new Map<string, readonly Problem[]>();
    published.set(key, { journal, done });
    const live = journal.index.problemsByFile();
    for (const [path, problems] of live) publish(journal, done, path, problems, force || last?.journal !== journal);
    // A file whose problems are gone may still be listed, with none: its old diagnostics go too.
    for (const path of [...(last?.done.keys() ?? [])]) {
      if (live.get(path)?.length) continue;
      done.delete(path);
      collection.delete(journal.uri(path));
    }
  };

  const syncAll = (force = false): void => {
    const live = new Set<string>();
    for (const journal of services.store.journals()) {
      live.add(journal.folder.uri.toString());
      sync(journal, force);
    }
    // Folders that left the workspace lose their diagnostics.
    for (const [key, { journal, done }] of published) {
      if (live.has(key)) continue;
      for (const path of done.keys()) collection.delete(journal.uri(path));
      published.delete(key);
    }
  };

  context.subscriptions.push(
    collection,
    // The changed journal first; syncAll also drops journals that left the workspace.
    services.store.onDidChange(({ journal }) => {
      // A journal being read is partial (its cross-file problems would be wrong): published once read.
      if (services.store.isLoading) return;
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
