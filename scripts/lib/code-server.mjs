// Starts a real VS Code (code-server: web workbench + Node extension host) in a throw-away profile.
// Each start gets a fresh user-data folder, HOME and port, runs as its own process group, and is
// killed with its whole group by stop(), on process exit, and on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths } from './provision.mjs';

const live = new Set();
function killAll() {
  for (const s of live) s.killNow();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': true,
};

/**
 * @param {object} o
 * @param {Record<string,string>} [o.env] extra environment for the server (the extension host inherits it)
 * @param {string} [o.extensionsDir] an extensions folder to use (default: an empty temp one)
 * @param {boolean} [o.testDriver] start with the smoke-test driver, so the `payload` URL parameter is honoured
 * @param {Record<string,unknown>} [o.settings] user settings on top of TEST_SETTINGS
 * @param {(line: string) => void} [o.onOutput] receives the server's output lines
 */
export async function startCodeServer(o = {}) {
  const p = paths();
  const tmp = mkdtempSync(join(tmpdir(), 'debrief-vscode-'));
  const home = join(tmp, 'home');
  const userData = join(tmp, 'user-data');
  const extensionsDir = o.extensionsDir ?? join(tmp, 'extensions');
  for (const d of [home, join(userData, 'User'), extensionsDir]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...(o.settings ?? {}) }, null, 2));
  const config = join(tmp, 'config.yaml');
  writeFileSync(config, 'auth: none\n');
  const port = o.port ?? (await freePort());
  const args = [
    p.codeServerEntry,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  if (o.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    EXTENSIONS_GALLERY: '{}',
    ...(o.env ?? {}),
  };
  const child = spawn(p.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  let exited = false;
  const handle = {
    port,
    origin: `http://127.0.0.1:${port}`,
    tmp,
    home,
    userData,
    extensionsDir,
    output,
    killNow() {
      if (!exited) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
      live.delete(handle);
      rmSync(tmp, { recursive: true, force: true });
    },
    async stop() {
      if (!exited) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
      }
      handle.killNow();
    },
    /** URL of the workbench on `folder`, with an optional `payload` (array of [key, value]). */
    /** The workbench's address opening `folder`, or the multi-root workspace of a `.code-workspace` file. */
    url(folder, payload, workspaceFile) {
      const q = new URLSearchParams();
      if (workspaceFile) q.set('workspace', workspaceFile);
      else if (folder) q.set('folder', folder);
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${handle.origin}/?${q.toString()}`;
    },
    /** The vscode-remote URI of a path on this machine, as the workbench's payload wants it. */
    remote(path) {
      return `vscode-remote://127.0.0.1:${port}${path}`;
    },
  };
  live.add(handle);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 30 s:\n${output.join('\n')}`)), 30_000);
    const onData = (buf) => {
      for (const line of buf.toString().split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        o.onOutput?.(line);
        if (line.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`code-server exited with code ${code}:\n${output.join('\n')}`));
    });
  });
  return handle;
}

/** Installs a .vsix into `extensionsDir` with code-server's own installer (as a user would). */
export function installExtension(vsix, extensionsDir) {
  const p = paths();
  const home = mkdtempSync(join(tmpdir(), 'debrief-install-'));
  try {
    const r = spawnSync(p.node, [p.codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), EXTENSIONS_GALLERY: '{}' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
