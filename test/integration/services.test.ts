import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, eventually, exists, folder, readText, uriOf, writeText } from './helpers';
import { setOutcome } from '../../src/core/edits/interview';
import { decodeSnapshot, snapshotKey } from '../../src/core/journal/snapshot';
import { EXTENSION_ID } from '../../src/constants';

describe('journal store', () => {
  afterEach(closeAll);

  it('reads the fixture journal on activation', async () => {
    const { services } = await api();
    const journal = services.store.journalOf(folder());
    assert.ok(journal, 'no journal for the workspace folder');
    assert.ok(journal.index.interview('acme-backend'), 'acme-backend was not read');
    assert.ok(journal.index.weakness('rambling-answers'), 'rambling-answers was not read');
  });

  it('follows files created and deleted on disk', async () => {
    const { services } = await api();
    const journal = services.store.journalOf(folder())!;
    const uri = uriOf('debrief/interviews/store-watch.yaml');
    await writeText(uri, 'id: store-watch\ncompany: Watchers Inc\nrole: SRE\noutcome: pending\n');
    await eventually(() => journal.index.interview('store-watch')?.company === 'Watchers Inc', 'the new file in the index');
    await vscode.workspace.fs.delete(uri);
    await eventually(() => !journal.index.interview('store-watch'), 'the deleted file to leave the index');
  });

  it('reads a burst of files changed on disk together (a checkout), announcing them in a few changes, not one each', async () => {
    const { services } = await api();
    const journal = services.store.journalOf(folder())!;
    const rels = Array.from({ length: 40 }, (_, i) => `debrief/interviews/burst-${String(i).padStart(2, '0')}.yaml`);
    const seen: string[][] = [];
    const sub = services.store.onDidChange((e) => { if (e.paths.some((p) => p.includes('/burst-'))) seen.push(e.paths); });
    try {
      await Promise.all(rels.map((r, i) => writeText(uriOf(r), `id: burst-${String(i).padStart(2, '0')}\ncompany: Burst ${i}\nrole: Dev\noutcome: pending\n`)));
      await eventually(() => rels.every((r) => journal.index.interviewAt(r)), 'every file of the burst in the index');
      const announced = new Set(seen.flat());
      assert.ok(rels.every((r) => announced.has(r)), 'every file announced');
      assert.ok(seen.length <= 10, `40 files in ${seen.length} changes`);
      await Promise.all(rels.map((r) => vscode.workspace.fs.delete(uriOf(r))));
      await eventually(() => rels.every((r) => !journal.index.interviewAt(r)), 'the deleted burst to leave the index');
    } finally {
      sub.dispose();
      await Promise.all(rels.map((r) => vscode.workspace.fs.delete(uriOf(r)).then(undefined, () => undefined)));
    }
  });

  it('shows a journal while it is read again: the views hear of it during the read, and once read', async () => {
    const { services } = await api();
    const events: { all: boolean; loading: boolean }[] = [];
    const sub = services.store.onDidChange((e) => events.push({ all: e.all === true, loading: services.store.isLoading }));
    try {
      await services.store.reload();
      assert.equal(services.store.isLoading, false);
      assert.ok(events.some((e) => e.all && e.loading), 'told while reading (the first rows)');
      assert.deepEqual(events.at(-1), { all: true, loading: false }, 'told once read');
      assert.ok(services.store.journalOf(folder())!.index.interview('acme-backend'));
    } finally {
      sub.dispose();
    }
  });

  it('keeps the index between windows: a reload reads only the files that changed, and never trusts a damaged or stale kept index', async () => {
    const { services } = await api();
    const journal = () => services.store.journalOf(folder())!;
    const kept = services.cache.uriOf(folder().uri, journal().journalFolder)!;
    assert.ok(kept, 'the workspace has a storage folder');
    const rel = 'debrief/interviews/acme-backend.yaml';
    const before = await readText(uriOf(rel));
    const decoded = async () => {
      try {
        return decodeSnapshot(new TextDecoder().decode(await vscode.workspace.fs.readFile(kept)), snapshotKey(String(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version), journal().journalFolder));
      } catch {
        return undefined;
      }
    };
    try {
      // A kept index written after this reading (an older one may predate other tests' changes).
      await vscode.workspace.fs.delete(kept).then(undefined, () => undefined);
      await services.store.reload();
      await services.cache.flush();
      assert.ok((await decoded())?.has(rel), 'the index is kept');
      const files = journal().index.files().length;
      // Nothing changed: nothing is read.
      await services.store.reload();
      assert.deepEqual(services.cache.loadInfo(journal()), { ...services.cache.loadInfo(journal())!, restored: files, read: 0 });
      // One file changed on disk: only it is read, and the index says what it says now.
      await writeText(uriOf(rel), before.replace('company: Acme', 'company: Acme Kept'));
      await services.store.reload();
      assert.equal(services.cache.loadInfo(journal())?.read, 1);
      assert.equal(journal().index.interview('acme-backend')?.company, 'Acme Kept');
      // A damaged kept index is not used: everything is read.
      await vscode.workspace.fs.writeFile(kept, new TextEncoder().encode('12345\n{"format":1,"files":[]}'));
      await services.store.reload();
      assert.equal(services.cache.loadInfo(journal())?.restored, 0);
      assert.equal(services.cache.loadInfo(journal())?.read, files);
      assert.equal(journal().index.interview('acme-backend')?.company, 'Acme Kept');
      // Unsaved editor text is never kept as if it were the file.
      await services.cache.flush();
      const again = await decoded();
      assert.ok(again?.has(rel), `the index kept again (${again ? `${again.size} files kept, not ${rel}` : 'no usable kept index'})`);
      const doc = await vscode.workspace.openTextDocument(uriOf(rel));
      // A document an earlier test left loaded takes the file written on disk when the workbench hears of it: an edit before that is refused.
      await eventually(() => doc.getText().includes('company: Acme Kept'), 'the document to hold the file as written on disk');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(doc.getText().split('\n').findIndex((l) => l.startsWith('company:'))).range, 'company: Unsaved Co');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await eventually(() => journal().index.interview('acme-backend')?.company === 'Unsaved Co', 'the unsaved text in the index');
      await writeText(uriOf('debrief/interviews/zz-kept.yaml'), 'id: zz-kept\ncompany: Z\nrole: Dev\n');
      await eventually(() => journal().index.interview('zz-kept'), 'the new file read');
      await services.cache.flush();
      assert.ok((await decoded())?.has('debrief/interviews/zz-kept.yaml'), 'the index kept after the new file');
      const snapshot = (await decoded())!;
      assert.equal(snapshot.has(rel), false, 'the file with unsaved changes is left out');
    } finally {
      await closeAll();
      await writeText(uriOf(rel), before);
      await vscode.workspace.fs.delete(uriOf('debrief/interviews/zz-kept.yaml')).then(undefined, () => undefined);
      await eventually(() => journal().index.interview('acme-backend')?.company === 'Acme', 'the fixture back');
    }
  });

  it('follows unsaved editor text, and goes back to the disk when the editor is closed unsaved', async () => {
    const { services } = await api();
    const journal = services.store.journalOf(folder())!;
    const rel = 'debrief/interviews/acme-backend.yaml';
    const uri = uriOf(rel);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // A document the test before left loaded takes the file it wrote back on disk when the workbench hears of it: an edit before that is refused.
    const onDisk = await readText(uri);
    await eventually(() => doc.getText() === onDisk && !doc.isDirty, 'the document to hold the file as written on disk');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('company:'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, doc.lineAt(line).range, 'company: Acme Unsaved');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => journal.index.interview('acme-backend')?.company === 'Acme Unsaved', 'the unsaved text in the index');
    assert.match(await readText(uri), /^company: Acme$/m, 'the file on disk must not change');
    await closeAll();
    await eventually(() => journal.index.interview('acme-backend')?.company === 'Acme', 'the index to return to the file on disk');
  });
});

describe('journal editor', () => {
  afterEach(closeAll);

  it('writes an edit to a closed file, changing only the edited value, and undo restores it', async () => {
    const { services } = await api();
    const rel = 'debrief/interviews/acme-backend.yaml';
    const uri = uriOf(rel);
    const before = await readText(uri);
    assert.ok(await services.editor.edit(services.store.journalOf(folder())!, rel, (text) => setOutcome(text, 'ghosted')));
    const after = await readText(uri);
    assert.equal(after, before.replace('outcome: rejected', 'outcome: ghosted'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
    await doc.save();
    assert.equal(await readText(uri), before);
  });

  it('edits the unsaved text of an open file and leaves it unsaved', async () => {
    const { services } = await api();
    const rel = 'debrief/interviews/acme-backend.yaml';
    const uri = uriOf(rel);
    const onDisk = await readText(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '# typed but not saved\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await services.editor.edit(services.store.journalOf(folder())!, rel, (text) => setOutcome(text, 'offer')));
    assert.equal(doc.isDirty, true, 'the user\'s unsaved change must stay unsaved');
    assert.match(doc.getText(), /^# typed but not saved\n/);
    assert.match(doc.getText(), /^outcome: offer$/m);
    assert.equal(await readText(uri), onDisk, 'nothing is written behind the user\'s back');
  });

  it('edits a file rewritten on disk behind its open document on the text it holds now, not on what the document held before', async () => {
    const { services } = await api();
    const journal = services.store.journalOf(folder())!;
    const rel = 'debrief/interviews/rewritten.yaml';
    const text = (i: number, outcome: string) => `id: rewritten\ncompany: Rewritten ${i}\nrole: Dev\noutcome: ${outcome}\n`;
    try {
      await writeText(uriOf(rel), text(0, 'pending'));
      // Open in VS Code (as after an earlier command), then rewritten on disk again and again, behind the open document.
      for (let i = 1; i <= 10; i++) {
        assert.ok(await services.editor.edit(journal, rel, (t) => setOutcome(t, 'offer')), `edit ${i} applied and saved`);
        await writeText(uriOf(rel), text(i, 'rejected'));
        await eventually(() => journal.index.interview('rewritten')?.company === `Rewritten ${i}`, 'the rewritten file read');
      }
      assert.ok(await services.editor.edit(journal, rel, (t) => setOutcome(t, 'offer')));
      assert.equal(await readText(uriOf(rel)), text(10, 'offer'), 'the edit made on the text the other program wrote');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uriOf(rel)).then(undefined, () => undefined);
    }
  });

  it('refuses to rewrite a file that does not parse, and leaves it byte for byte', async () => {
    const { services } = await api();
    const rel = 'debrief/interviews/broken-for-editor.yaml';
    const uri = uriOf(rel);
    const broken = 'id: broken-for-editor\ncompany: [Unclosed\nrole: Dev\n';
    await writeText(uri, broken);
    try {
      const ok = await services.editor.edit(services.store.journalOf(folder())!, rel, (text) => setOutcome(text, 'offer'));
      assert.equal(ok, false);
      assert.equal(await readText(uri), broken);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    assert.equal(await exists(uri), false);
  });
});
