import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import type { DebriefApi } from '../../src/extension';

export async function api(): Promise<DebriefApi> {
  const ext = vscode.extensions.getExtension<DebriefApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const exports = await ext.activate();
  await exports.services.store.ready;
  return exports;
}

export const folder = (): vscode.WorkspaceFolder => vscode.workspace.workspaceFolders![0];
export const uriOf = (rel: string): vscode.Uri => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `fn` returns a truthy value (file watchers and debounces are asynchronous). */
export async function eventually<T>(fn: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Closes every editor, reverting unsaved changes so no test leaks into the next. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
