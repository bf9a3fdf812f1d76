import * as vscode from 'vscode';
import type { Services } from '../../services/services';
import { JournalCompletionProvider } from './completion';
import { JournalDefinitionProvider, JournalHoverProvider, JournalLinkProvider, JournalReferenceProvider, JournalRenameProvider } from './navigation';
import { JournalQuickFixProvider } from './quick-fixes';
import { JOURNAL_SELECTOR } from './shared';

/** Hand editing of journal YAML: completion, hover, note links, go to definition, references, rename, quick fixes. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(JOURNAL_SELECTOR, new JournalCompletionProvider(services), ':', ' ', '/'),
    vscode.languages.registerHoverProvider(JOURNAL_SELECTOR, new JournalHoverProvider(services)),
    vscode.languages.registerDefinitionProvider(JOURNAL_SELECTOR, new JournalDefinitionProvider(services)),
    vscode.languages.registerReferenceProvider(JOURNAL_SELECTOR, new JournalReferenceProvider(services)),
    vscode.languages.registerRenameProvider(JOURNAL_SELECTOR, new JournalRenameProvider(services)),
    vscode.languages.registerDocumentLinkProvider(JOURNAL_SELECTOR, new JournalLinkProvider(services)),
    vscode.languages.registerCodeActionsProvider(JOURNAL_SELECTOR, new JournalQuickFixProvider(services), { providedCodeActionKinds: JournalQuickFixProvider.kinds }),
  );
}
