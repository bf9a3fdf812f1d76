/** Workspace-relative POSIX paths, the only kind of path the core handles. */

/** Joins workspace-relative POSIX path segments, dropping empty ones and redundant slashes. */
export function joinPath(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** Normalizes a workspace-relative path: resolves `.` and `..`; returns undefined when it leaves the root or is absolute. */
export function normalizeRelative(path: string): string | undefined {
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
