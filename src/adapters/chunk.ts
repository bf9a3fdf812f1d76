import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';

const loaded = new Map<string, Promise<unknown>>();

/**
 * A part of the extension bundled as a file of its own beside it in dist/ (the workbook reader, the
 * invitation reader: scripts/build.mjs), loaded the first time it is needed. A web worker extension
 * host resolves no `require` but `vscode`'s, so the file (built for the browser, CommonJS, nothing of
 * Node's) is read from the extension's own folder through vscode.workspace.fs (a `file:`,
 * `vscode-remote:` or `https:` location alike) and evaluated as the host evaluates the extension
 * itself; the Node host does the same. A load that failed is tried again next time.
 */
export function loadChunk<T>(file: string): Promise<T> {
  let p = loaded.get(file) as Promise<T> | undefined;
  if (!p) {
    p = evaluate<T>(file);
    loaded.set(file, p);
    p.catch(() => loaded.delete(file));
  }
  return p;
}

async function evaluate<T>(file: string): Promise<T> {
  const id = `${publisher}.${name}`; // the bundle takes these two fields only from the manifest
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`the extension ${id} is not installed`);
  const uri = vscode.Uri.joinPath(ext.extensionUri, 'dist', file);
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const module = { exports: {} as T };
  new Function('module', 'exports', `${source}\n//# sourceURL=${uri.toString(true)}`)(module, module.exports);
  return module.exports;
}
