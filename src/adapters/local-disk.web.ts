// local-disk.ts in the browser bundle (scripts/build.mjs puts it in its place): a web worker has no
// local disk, so every folder, a `file:` one too (a local folder opened in vscode.dev), is read and
// written through vscode.workspace.fs.
import type { LocalDisk } from './local-disk';

export const localDisk: LocalDisk | undefined = undefined;
