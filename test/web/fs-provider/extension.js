// A FileSystemProvider for the web tier of Debrief's tests: the folder named by DEBRIEF_WEB_ROOT (in the
// server's environment, inherited by the Node extension host) is served as `debrieftest:/`, a scheme
// that is not `file:`, as github.dev serves a repository as `vscode-vfs:`. Symbolic links are reported
// as such (a flag on what they lead to) and never resolved, as a virtual file system does; changes on
// the disk are told through a recursive watcher. It runs in the Node extension host of code-server,
// installed into the test server's extensions folder by scripts/lib/web.mjs.
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');

const SCHEME = 'debrieftest';

function typeOf(st) {
  if (st.isFile()) return vscode.FileType.File;
  if (st.isDirectory()) return vscode.FileType.Directory;
  return vscode.FileType.Unknown;
}

function failure(e, uri) {
  switch (e && e.code) {
    case 'ENOENT': return vscode.FileSystemError.FileNotFound(uri);
    case 'EEXIST': return vscode.FileSystemError.FileExists(uri);
    case 'EISDIR': return vscode.FileSystemError.FileIsADirectory(uri);
    case 'ENOTDIR': return vscode.FileSystemError.FileNotADirectory(uri);
    case 'EACCES': case 'EPERM': return vscode.FileSystemError.NoPermissions(uri);
    default: return e;
  }
}

class DiskProvider {
  constructor(root) {
    this.root = root;
    this.emitter = new vscode.EventEmitter();
    this.onDidChangeFile = this.emitter.event;
    /** Files being written through this provider (absolute path → writes under way). */
    this.writing = new Map();
  }
  abs(uri) {
    const full = path.join(this.root, ...uri.path.split('/').filter(Boolean));
    if (full !== this.root && !full.startsWith(this.root + path.sep)) throw vscode.FileSystemError.NoPermissions(uri);
    return full;
  }
  async guard(uri, fn) {
    try {
      return await fn(this.abs(uri));
    } catch (e) {
      throw failure(e, uri);
    }
  }
  watch(uri, options) {
    let watcher;
    try {
      watcher = fs.watch(this.abs(uri), { recursive: !!options.recursive }, (event, name) => {
        if (!name) return;
        const changed = vscode.Uri.joinPath(uri, ...String(name).split(path.sep));
        if (event === 'change') {
          // A file written through this provider is truncated, then written: its change is told once the
          // write is done (below), never at the truncation, where a reader would find it empty.
          if (this.writing.has(this.abs(changed))) return;
          return this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: changed }]);
        }
        // A name came or went.
        fsp.lstat(this.abs(changed)).then(
          () => this.emitter.fire([{ type: vscode.FileChangeType.Created, uri: changed }]),
          () => this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri: changed }]),
        );
      });
    } catch {
      return new vscode.Disposable(() => undefined);
    }
    return new vscode.Disposable(() => watcher.close());
  }
  stat(uri) {
    return this.guard(uri, async (p) => {
      const l = await fsp.lstat(p);
      if (!l.isSymbolicLink()) return { type: typeOf(l), ctime: l.ctimeMs, mtime: l.mtimeMs, size: l.size };
      const t = await fsp.stat(p).catch(() => undefined);
      return { type: vscode.FileType.SymbolicLink | (t ? typeOf(t) : vscode.FileType.Unknown), ctime: l.ctimeMs, mtime: (t ?? l).mtimeMs, size: t ? t.size : 0 };
    });
  }
  readDirectory(uri) {
    return this.guard(uri, async (p) => {
      const out = [];
      for (const d of await fsp.readdir(p, { withFileTypes: true })) {
        if (d.isSymbolicLink()) {
          const t = await fsp.stat(path.join(p, d.name)).catch(() => undefined);
          out.push([d.name, vscode.FileType.SymbolicLink | (t ? typeOf(t) : vscode.FileType.Unknown)]);
        } else out.push([d.name, d.isFile() ? vscode.FileType.File : d.isDirectory() ? vscode.FileType.Directory : vscode.FileType.Unknown]);
      }
      return out;
    });
  }
  createDirectory(uri) {
    return this.guard(uri, (p) => fsp.mkdir(p));
  }
  readFile(uri) {
    return this.guard(uri, (p) => fsp.readFile(p));
  }
  writeFile(uri, content, options) {
    return this.guard(uri, async (p) => {
      const exists = await fsp.lstat(p).then(() => true, () => false);
      if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
      if (exists && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
      this.writing.set(p, (this.writing.get(p) ?? 0) + 1);
      try {
        await fsp.writeFile(p, content);
      } finally {
        const n = this.writing.get(p) - 1;
        if (n > 0) this.writing.set(p, n);
        else this.writing.delete(p);
      }
      this.emitter.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    });
  }
  delete(uri, options) {
    return this.guard(uri, async (p) => {
      await fsp.rm(p, { recursive: !!options.recursive });
      this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
    });
  }
  rename(from, to, options) {
    return this.guard(from, async (p) => {
      const target = this.abs(to);
      if (!options.overwrite && (await fsp.lstat(target).then(() => true, () => false))) throw vscode.FileSystemError.FileExists(to);
      await fsp.rename(p, target);
      this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
    });
  }
}

exports.activate = (context) => {
  const root = process.env.DEBRIEF_WEB_ROOT;
  if (!root) throw new Error('DEBRIEF_WEB_ROOT names no folder');
  const provider = new DiskProvider(path.resolve(root));
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(SCHEME, provider, { isCaseSensitive: true }),
    // What a worker cannot do: makes a symbolic link at `rel` (served-folder relative) to `target`, as
    // a repository may hold one. Removed as any file is, through vscode.workspace.fs.delete.
    vscode.commands.registerCommand('debriefTest.symlink', async (rel, target) => {
      const at = provider.abs(vscode.Uri.from({ scheme: SCHEME, path: `/${rel}` }));
      await fsp.mkdir(path.dirname(at), { recursive: true });
      await fsp.symlink(target, at);
    }),
  );
};
exports.deactivate = () => undefined;
