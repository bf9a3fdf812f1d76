// core/import/load-workbook.ts in the browser bundle (scripts/build.mjs puts it in its place). A web
// worker extension host resolves no `require` but `vscode`'s, so the workbook reader, dist/workbook.js
// (built for the browser: nothing of Node's), is read from the extension's own folder through
// vscode.workspace.fs (a `vscode-remote:`, `file:` or `https:` location alike) and evaluated as the host
// evaluates the extension itself, the first time a workbook is imported.
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import type * as Workbook from '../core/import/workbook';

let loading: Promise<typeof Workbook> | undefined;

export function loadWorkbookReader(): Promise<typeof Workbook> {
  if (!loading) {
    loading = load();
    loading.catch(() => (loading = undefined)); // a failed load is tried again next time
  }
  return loading;
}

async function load(): Promise<typeof Workbook> {
  const id = `${publisher}.${name}`; // the bundle takes these two fields only from the manifest
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`the extension ${id} is not installed`);
  const uri = vscode.Uri.joinPath(ext.extensionUri, 'dist', 'workbook.js');
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const module = { exports: {} as typeof Workbook };
  new Function('module', 'exports', `${source}\n//# sourceURL=${uri.toString(true)}`)(module, module.exports);
  return module.exports;
}
