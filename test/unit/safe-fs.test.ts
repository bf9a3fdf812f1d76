// Only regular files inside the workspace are read; every note path goes through one resolver; the CLI on a real file system.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { loadJournal } from '../../src/core/journal/load';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { notePath, notePathIssue, resolveNotePath } from '../../src/core/note-paths';
import { countProblems, Problem } from '../../src/core/problems';
import { readRegularFile, resolveEntry, writeRefusal, writeTarget } from '../../src/core/safe-fs';

const IV = (id: string) => `id: ${id}\ncompany: Acme\nrole: Backend Engineer\n`;
const SECRET = 'secret-value-from-outside-the-workspace';
const byFile = (problems: readonly Problem[]) => Object.fromEntries(problems.map((p) => [p.file, `${p.severity} ${p.code}: ${p.message}`]));

describe('reading only regular files inside the workspace', () => {
  function journal(): MemoryFileSystem {
    const mem = new MemoryFileSystem({
      'debrief/interviews/ok.yaml': IV('ok'),
      'debrief/interviews/real.yaml': IV('linked'),
    });
    mem.symlinkSync('debrief/interviews/linked.yaml', 'real.yaml');
    mem.symlinkSync('debrief/interviews/outside.yaml', '/etc/passwd');
    mem.symlinkSync('debrief/interviews/up.yaml', '../../../elsewhere/x.yaml');
    mem.symlinkSync('debrief/interviews/zero.yaml', '/dev/zero');
    mem.symlinkSync('debrief/interviews/dangling.yaml', 'nothing.yaml');
    mem.specialSync('debrief/interviews/pipe.yaml');
    mem.specialSync('debrief/weaknesses.yaml');
    mem.writeFileSync('debrief/interviews/denied.yaml', IV('denied'));
    mem.denySync('debrief/interviews/denied.yaml');
    mem.writeFileSync('debrief/interviews/big.yaml', new Uint8Array(2 * 1024 * 1024));
    mem.createDirectory('debrief/interviews/folder.yaml');
    return mem;
  }

  it('loadJournal turns every file it does not read into an error at the file, never "empty" and never skipped', async () => {
    const index = await loadJournal(journal(), 'debrief');
    const problems = byFile(index.problems());
    assert.deepEqual(index.interviews().map((i) => i.id).sort(), ['linked', 'linked', 'ok']);
    assert.match(problems['debrief/interviews/outside.yaml'], /^error outside-workspace: The file links outside the workspace \(a symbolic link whose target is outside the workspace folder\)\. Debrief reads only files inside the workspace folder/);
    assert.match(problems['debrief/interviews/up.yaml'], /^error outside-workspace: The file links outside the workspace/);
    assert.match(problems['debrief/interviews/zero.yaml'], /^error outside-workspace: /);
    assert.match(problems['debrief/interviews/dangling.yaml'], /^error not-a-file: The file is a symbolic link that leads nowhere\./);
    assert.match(problems['debrief/interviews/pipe.yaml'], /^error not-a-file: The file is a named pipe, a device or a socket, not a regular file\. Debrief reads only regular files/);
    assert.match(problems['debrief/weaknesses.yaml'], /^error not-a-file: The file is a named pipe, a device or a socket/);
    assert.match(problems['debrief/interviews/denied.yaml'], /^error unreadable: The file cannot be read: permission denied\. Give yourself read permission/);
    assert.match(problems['debrief/interviews/big.yaml'], /^error too-large: The file is 2 MB; Debrief reads journal files up to 1 MB \(limit: file size\)/);
    assert.match(problems['debrief/interviews/folder.yaml'], /^error not-a-file: The file is a folder, not a file\./);
    assert.ok(!index.problems().some((p) => p.code === 'empty-file'));
    // Nine files refused, and the one file read twice through its link has a duplicate id (two errors).
    assert.equal(countProblems(index.problems()).error, 11);
  });

  it('a journal folder that links outside the workspace is one problem, and none of its files is read', async () => {
    const mem = new MemoryFileSystem({ 'elsewhere/x.yaml': IV('x') });
    mem.symlinkSync('debrief', '/home/user/journal');
    const index = await loadJournal(mem, 'debrief');
    assert.deepEqual(index.problems().map((p) => [p.file, p.code, p.severity]), [['debrief', 'outside-workspace', 'error']]);
    const inside = new MemoryFileSystem({ 'real/interviews/x.yaml': IV('x') });
    inside.symlinkSync('debrief', 'real');
    assert.deepEqual((await loadJournal(inside, 'debrief')).interviews().map((i) => i.id), ['x'], 'a linked folder inside the workspace is read');
  });

  it('resolveEntry and readRegularFile: links inside are followed, reads stop at the cap', async () => {
    const mem = journal();
    assert.deepEqual(await resolveEntry(mem, 'debrief/interviews/linked.yaml'), { kind: 'file', real: 'debrief/interviews/real.yaml', stat: await mem.stat('debrief/interviews/real.yaml') });
    assert.deepEqual(await resolveEntry(mem, 'debrief/interviews/none.yaml'), { kind: 'missing' });
    const read = await readRegularFile(mem, 'debrief/interviews/linked.yaml', 1000);
    assert.equal(read.kind === 'read' && new TextDecoder().decode(read.bytes), IV('linked'));
    assert.deepEqual(await readRegularFile(mem, 'debrief/interviews/ok.yaml', 10), { kind: 'refused', code: 'too-large', reason: 'is too large', size: IV('ok').length });
    await assert.rejects(mem.readFile('debrief/interviews/linked.yaml'), /ELOOP/, 'a read never follows a link by itself');
  });
});

describe('note paths: one resolver', () => {
  it('notePath normalises, and refuses what leaves the workspace as written', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['notes/a.md', 'notes/a.md', undefined],
      ['./notes/../notes/a.md', 'notes/a.md', undefined],
      ['notes\\a.md', 'notes/a.md', undefined],
      ['../../../../home/user/.bash_login', undefined, 'leaves the workspace'],
      ['notes/../../x.md', undefined, 'leaves the workspace'],
      ['/etc/passwd', undefined, 'is absolute'],
      ['C:\\Windows\\win.ini', undefined, 'is absolute'],
      ['file:///etc/passwd', undefined, 'is absolute'],
      ['notes/\u001b[2J.md', undefined, 'holds control characters'],
      ['notes/a\nb.md', undefined, 'holds control characters'],
      ['.', undefined, 'names no file'],
    ];
    for (const [raw, norm, issue] of cases) {
      assert.equal(notePath(raw), norm, raw);
      assert.equal(notePathIssue(raw), issue, raw);
    }
  });

  it('resolveNotePath follows links only inside the workspace, and refuses to create a note through a folder linking outside', async () => {
    const mem = new MemoryFileSystem({ 'notes/a.md': '# A', 'notes/real.md': '# R' });
    mem.symlinkSync('notes/inside.md', 'real.md');
    mem.symlinkSync('notes/bashrc.md', '/home/user/.bashrc');
    mem.symlinkSync('outside-notes', '/home/user');
    mem.specialSync('notes/pipe.md');
    const r = async (p: string) => {
      const x = await resolveNotePath(mem, p);
      return x.ok ? `${x.exists ? 'exists' : 'new'} ${x.path}` : `${x.reason}: ${x.message}`;
    };
    assert.equal(await r('notes/a.md'), 'exists notes/a.md');
    assert.equal(await r('./notes/inside.md'), 'exists notes/inside.md');
    assert.equal(await r('notes/new.md'), 'new notes/new.md');
    assert.equal(await r('deep/er/new.md'), 'new deep/er/new.md');
    assert.match(await r('notes/bashrc.md'), /^links-outside: The note path "notes\/bashrc\.md" links outside the workspace/);
    assert.match(await r('outside-notes/.bash_login'), /^links-outside: The note path "outside-notes\/\.bash_login" is in a folder that links outside the workspace/);
    assert.match(await r('outside-notes/sub/new.md'), /^links-outside: /);
    assert.match(await r('notes/pipe.md'), /^not-a-file: .*not a regular file/);
    assert.match(await r('notes'), /^not-a-file: .*is a folder/);
    assert.match(await r('../../../../home/user/.bash_login'), /^leaves-workspace: The note path "\.\.\/\.\.\/\.\.\/\.\.\/home\/user\/\.bash_login" leaves the workspace\. Debrief opens and creates study notes only inside the workspace folder\.$/);
    assert.match(await r('/etc/passwd'), /^absolute: /);
  });

  it('on a file system without real paths (a virtual one, VS Code for the Web), a link or a path through a linked folder is refused, never followed', async () => {
    const mem = new MemoryFileSystem({ 'notes/a.md': '# A', 'notes/real.md': '# R', 'debrief/interviews/ok.yaml': IV('ok') });
    mem.symlinkSync('notes/inside.md', 'real.md');
    mem.symlinkSync('linked', 'notes');
    mem.symlinkSync('outside', '/home/user');
    const { realPath: _cannot, ...virtual } = mem.at('');
    const r = async (p: string) => {
      const x = await resolveNotePath(virtual, p);
      return x.ok ? `${x.exists ? 'exists' : 'new'} ${x.path}` : `${x.reason}: ${x.message}`;
    };
    assert.equal(await r('notes/a.md'), 'exists notes/a.md');
    assert.equal(await r('notes/new.md'), 'new notes/new.md');
    assert.match(await r('notes/inside.md'), /^unchecked-link: The note path "notes\/inside\.md" is a symbolic link, which cannot be checked on this file system/);
    assert.match(await r('linked/a.md'), /^unchecked-link: The note path "linked\/a\.md" is in a folder that is a symbolic link, which cannot be checked on this file system\. /);
    assert.match(await r('outside/new.md'), /^unchecked-link: /);
    assert.match(await r('linked/deeper/new.md'), /^unchecked-link: /);
    const read = await readRegularFile(virtual, 'linked/a.md', 1000);
    assert.equal(read.kind, 'refused', 'nothing is read through a linked folder');
    assert.equal((await writeTarget(virtual, 'outside/x.yaml')).kind, 'refused', 'nothing is written through one');
    assert.equal((await readRegularFile(virtual, 'debrief/interviews/ok.yaml', 1000)).kind, 'read');
    assert.equal((await writeTarget(virtual, 'debrief/interviews/new.yaml')).kind, 'new');
  });

  it('the index reports linked notes that the resolver refuses', async () => {
    const mem = new MemoryFileSystem({
      'debrief/weaknesses.yaml': 'weaknesses:\n  - id: w\n    title: W\n    improvements:\n      - id: i\n        action: A\n        notes: [notes/ok.md, notes/secret.md, notes/missing.md]\n',
      'debrief/interviews/a.yaml': `${IV('a')}weaknesses:\n  - weakness: w\n`,
      'notes/ok.md': '# ok',
    });
    mem.symlinkSync('notes/secret.md', '/home/user/.ssh/id_rsa');
    const index = await loadJournal(mem, 'debrief');
    assert.deepEqual(index.problems().map((p) => `${p.code} ${p.message}`), [
      'note-outside-workspace The note "notes/secret.md" links outside the workspace, so Debrief does not open or read it. Link a Markdown file inside the workspace folder.',
      'missing-note The note "notes/missing.md" does not exist. Create it, or fix the path (relative to the workspace folder).',
    ]);
  });
});

describe('the file systems on a real disk', function () {
  this.timeout(60_000);
  let root: string;
  let ws: string;
  let outside: string;
  const cli = path.resolve(__dirname, '../../../dist/cli.js');

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'debrief-safe-'));
    fs.chmodSync(root, 0o755);
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(ws, 'debrief', 'interviews'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.yaml'), `id: secret\ncompany: ${SECRET}\nrole: x\noutcome: ${SECRET}\n`);
    fs.writeFileSync(path.join(ws, 'debrief', 'interviews', 'ok.yaml'), IV('ok'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Runs the built CLI in a child process; a hang fails the test by its timeout instead of hanging the suite. */
  function validate(options: { uid?: number; gid?: number } = {}) {
    const r = spawnSync(process.execPath, [cli, 'validate', ws], { encoding: 'utf8', timeout: 20_000, ...options });
    assert.equal(r.error, undefined, `the CLI finished (${String(r.error)})`);
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('NodeFileSystem tells links, pipes and folders apart, resolves real paths, and never blocks on a pipe', async () => {
    const dir = path.join(ws, 'debrief', 'interviews');
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'secret.yaml'));
    fs.symlinkSync('ok.yaml', path.join(dir, 'same.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const nfs = new NodeFileSystem(ws);
    assert.deepEqual(await nfs.readDirectory('debrief/interviews'), [['ok.yaml', 'file'], ['pipe.yaml', 'other'], ['same.yaml', 'symlink'], ['secret.yaml', 'symlink']]);
    assert.equal((await nfs.stat('debrief/interviews/secret.yaml'))?.type, 'symlink');
    assert.equal(await nfs.realPath('debrief/interviews/secret.yaml'), null);
    assert.equal(await nfs.realPath('debrief/interviews/same.yaml'), 'debrief/interviews/ok.yaml');
    await assert.rejects(nfs.readFile('debrief/interviews/pipe.yaml'), { code: 'ENOTREG' });
    await assert.rejects(nfs.readFile('debrief/interviews/secret.yaml'), { code: 'ELOOP' });
    fs.writeFileSync(path.join(dir, 'big.yaml'), Buffer.alloc(3000));
    await assert.rejects(nfs.readFile('debrief/interviews/big.yaml', { maxBytes: 2999 }), { code: 'EFBIG' });
    assert.equal((await nfs.readFile('debrief/interviews/big.yaml', { maxBytes: 3000 })).byteLength, 3000);
  });

  it('validate: a pipe named weaknesses.yaml and a link to /dev/zero are errors at once, and nothing outside is read', () => {
    const dir = path.join(ws, 'debrief', 'interviews');
    execFileSync('mkfifo', [path.join(ws, 'debrief', 'weaknesses.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'secret.yaml'));
    fs.symlinkSync('ok.yaml', path.join(dir, 'alias.yaml'));
    const r = validate();
    assert.equal(r.code, 1, r.out + r.err);
    assert.doesNotMatch(r.out, new RegExp(SECRET));
    assert.match(r.out, /^debrief\/weaknesses\.yaml:1:1: error: The file is a named pipe, a device or a socket, not a regular file\. .* \[not-a-file\]$/m);
    assert.match(r.out, /^debrief\/interviews\/zero\.yaml:1:1: error: The file links outside the workspace .* \[outside-workspace\]$/m);
    assert.match(r.out, /^debrief\/interviews\/secret\.yaml:1:1: error: The file links outside the workspace .* \[outside-workspace\]$/m);
    assert.match(r.out, /^debrief\/interviews\/alias\.yaml:1:5: warning: The id "ok" differs from the file name/m, 'a link inside the workspace is read');
    assert.match(r.out, /^5 files checked: 5 errors, 1 warning, 0 info\.$/m);
  });

  it('validate: a journal folder linking outside the workspace is an error, and a file without read permission is "cannot read"', () => {
    const other = path.join(root, 'ws2');
    fs.mkdirSync(other);
    fs.symlinkSync(path.join(ws, 'debrief'), path.join(other, 'debrief'));
    const linked = spawnSync(process.execPath, [cli, 'validate', other], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(linked.status, 1);
    assert.match(linked.stdout, /^debrief:1:1: error: The folder debrief links outside the workspace .* \[outside-workspace\]$/m);
    // Permissions bind everyone but root: as root, the CLI runs as nobody.
    const denied = path.join(ws, 'debrief', 'interviews', 'denied.yaml');
    fs.writeFileSync(denied, IV('denied'));
    fs.chmodSync(denied, 0o000);
    for (const d of [ws, path.join(ws, 'debrief'), path.join(ws, 'debrief', 'interviews')]) fs.chmodSync(d, 0o755);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const cliCopy = path.join(root, 'cli.js');
    fs.copyFileSync(cli, cliCopy);
    const r = spawnSync(process.execPath, [cliCopy, 'validate', ws], { encoding: 'utf8', timeout: 20_000, ...asNobody });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^debrief\/interviews\/denied\.yaml:1:1: error: The file cannot be read: permission denied\. .* \[unreadable\]$/m);
    assert.doesNotMatch(r.stdout, /empty/);
  });
});

describe('one reader and one writer on a real disk: the command line', function () {
  this.timeout(60_000);
  let root: string;
  let ws: string;
  let outside: string;
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const CSV = 'Company,Role,Applied\nAcme,Backend Engineer,2025-01-06\nGlobex,SRE,2025-02-10\n';

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'debrief-io-'));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(ws, 'debrief'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'debrief', 'weaknesses.yaml'), 'weaknesses: []\n');
    fs.writeFileSync(path.join(root, 'applications.csv'), CSV);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Runs the built CLI in a child process; a hang fails the test by its timeout instead of hanging the suite. */
  function debrief(...args: string[]) {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000, cwd: root });
    assert.equal(r.error, undefined, `the CLI finished (${String(r.error)})`);
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('import refuses a journal folder that links outside the workspace: a located problem, exit 1, nothing written there', () => {
    fs.symlinkSync(outside, path.join(ws, 'debrief', 'interviews'));
    const r = debrief('import', 'applications.csv', ws);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.err, /^debrief\/interviews\/acme-backend-engineer\.yaml:1:1: error: debrief\/interviews\/acme-backend-engineer\.yaml is in a folder that links outside the workspace .* \[outside-workspace\]$/m);
    assert.match(r.err, /nothing was imported/);
    assert.deepEqual(fs.readdirSync(outside), [], 'nothing written outside the workspace');
    // validate refuses the same folder, with the same words.
    assert.match(debrief('validate', ws).out, /^debrief\/interviews:1:1: error: The folder debrief\/interviews links outside the workspace/m);
  });

  it('import reads its source through the safe read: /dev/zero and a named pipe are refused at once, a looped folder is a located problem', () => {
    execFileSync('mkfifo', [path.join(root, 'pipe.csv')]);
    for (const [source, why] of [['/dev/zero', /is a named pipe, a device or a socket, not a regular file/], ['pipe.csv', /is a named pipe, a device or a socket/], ['.', /is a folder, not a file/], ['nothing.csv', /There is no such file/]] as const) {
      const r = debrief('import', source, ws);
      assert.equal(r.code, 2, `${source}: ${r.err}`);
      assert.match(r.err, why, source);
    }
    fs.symlinkSync('interviews', path.join(ws, 'debrief', 'interviews'));
    const looped = debrief('import', 'applications.csv', ws);
    assert.equal(looped.code, 1, looped.err);
    assert.doesNotMatch(looped.err, /ELOOP/);
    assert.match(looped.err, /is in a folder that is a loop of symbolic links .* \[not-a-file\]$/m);
    assert.doesNotMatch(debrief('validate', ws).out, /read permission/, 'a loop is not a permission problem');
  });

  it('a file hard-linked from outside is read (validate, export) but never written (mcp tools go through the same writer)', async () => {
    fs.mkdirSync(path.join(ws, 'debrief', 'interviews'));
    const theirs = path.join(outside, 'acme.yaml');
    fs.writeFileSync(theirs, 'id: acme\ncompany: Acme\nrole: Dev\n');
    fs.linkSync(theirs, path.join(ws, 'debrief', 'interviews', 'acme.yaml'));
    assert.equal(debrief('validate', ws).code, 0);
    assert.match(debrief('export', '--format', 'csv', ws).out, /^acme,Acme,Dev,/m);
    const nfs = new NodeFileSystem(ws);
    assert.equal((await nfs.stat('debrief/interviews/acme.yaml'))?.links, 2);
    const target = await writeTarget(nfs, 'debrief/interviews/acme.yaml');
    assert.equal(target.kind, 'refused');
    if (target.kind === 'refused') assert.match(writeRefusal('debrief/interviews/acme.yaml', target).message, /has 2 names \(hard links\): Debrief reads it but does not write it/);
    assert.equal(fs.readFileSync(theirs, 'utf8'), 'id: acme\ncompany: Acme\nrole: Dev\n');
  });

  it('mcp --journal /etc is refused before anything is created; --out writes where it is told, never into a pipe', () => {
    const r = debrief('mcp', '--journal', '/etc', ws);
    assert.equal(r.code, 2);
    assert.match(r.err, /--journal must be a folder inside the workspace folder: "\/etc" is absolute/);
    assert.deepEqual(fs.readdirSync(ws), ['debrief'], 'no etc/ in the workspace');
    execFileSync('mkfifo', [path.join(root, 'out.csv')]);
    const pipe = debrief('export', '--format', 'csv', '--out', 'out.csv', ws);
    assert.equal(pipe.code, 2, pipe.err);
    assert.match(pipe.err, /out\.csv is a named pipe, a device or a socket/);
    const report = debrief('export', '--format', 'report-md', '--out', path.join(outside, 'report.md'), ws);
    assert.equal(report.code, 0, report.err);
    assert.match(fs.readFileSync(path.join(outside, 'report.md'), 'utf8'), /^# All applications/);
  });
});
