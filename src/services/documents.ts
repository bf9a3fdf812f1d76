/**
 * Pages Debrief writes for the user to read, not to edit in place: feedback request drafts and import
 * reports. Each opens as a read-only document of its own (`debrief-view:`), which never asks to be
 * saved when closed; Save a Copy writes it to a file the user chooses. The texts are kept for the
 * window's life (the last few, so that a page reopened from the editor history still shows).
 */
import * as vscode from 'vscode';
import { READ_ONLY_SCHEME } from '../constants';

/** How many pages are kept; an older one reopened says it is gone. */
const KEPT = 50;

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration: vscode.Disposable;
  private count = 0;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, this);
  }

  /**
   * Opens a page in an editor of its own. `name` is the file name a copy is offered under (`.md` for
   * Markdown); two pages of the same name stay apart.
   */
  async open(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: `/${++this.count}/${name}` });
    this.texts.set(uri.toString(), text);
    for (const old of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - KEPT))) this.texts.delete(old);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  /** The text of a page, undefined for any other document. */
  textOf(uri: vscode.Uri): string | undefined {
    return uri.scheme === READ_ONLY_SCHEME ? this.texts.get(uri.toString()) : undefined;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This page is no longer kept. Run the command that made it again.';
  }

  dispose(): void {
    this.registration.dispose();
  }
}
