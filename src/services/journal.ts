import * as vscode from 'vscode';
import type { VscodeFileSystem } from '../adapters/vscode-fs';
import type { JournalIndex } from '../core/journal/journal-index';

/** One workspace folder's journal: where it is and its live index. */
export class Journal {
  constructor(
    readonly folder: vscode.WorkspaceFolder,
    /** Journal folder, relative to the workspace folder (setting `debrief.journalFolder`). */
    readonly journalFolder: string,
    readonly index: JournalIndex,
    readonly fs: VscodeFileSystem,
  ) {}

  /** The URI of a workspace-relative path. */
  uri(path: string): vscode.Uri {
    return this.fs.uri(path);
  }

  /** The workspace-relative path of a URI inside this folder, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri;
    if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  get weaknessesUri(): vscode.Uri {
    return this.uri(this.index.weaknessesPath);
  }

  get interviewsUri(): vscode.Uri {
    return this.uri(this.index.interviewsFolder);
  }

  /** True once `weaknesses.yaml` or any interview exists. */
  get exists(): boolean {
    return this.index.hasWeaknessesFile() || this.index.interviewCount() > 0;
  }
}
