// Changes made while the journal is read, in every order the real editor can meet them: a reading is
// held at a chosen point through the test mode, files are changed as another program would (git, a sync
// tool), the store is seen to hear of them, the reading goes on, and the tree and the problems must say
// what the disk says, at once, without waiting for anything more. Files change through
// vscode.workspace.fs, which VS Code's file operation events do not report (only its watcher sees them,
// as with another program): on the disk in a Node extension host, through the folder's FileSystemProvider
// in the browser (the web tier runs these tests too).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { SettingId, ViewId } from '../../src/constants';
import type { Journal } from '../../src/services/journal';
import type { ReadPoint } from '../../src/services/journal-store';
import { api, eventually, flatten, folder, showViews, tree, uriOf } from './helpers';

const ROOT = 'races';
const FOLDER = `${ROOT}/journal`;
const OTHER = `${ROOT}/other`;
/** Files of the journal, more than a batch of the reading (16), so that a reading can be held between batches. */
const FILLERS = 40;

const config = () => vscode.workspace.getConfiguration(undefined, folder().uri);

/** Writes a file as another program would, folders made as needed. */
async function put(rel: string, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(uriOf(rel.slice(0, rel.lastIndexOf('/'))));
  await vscode.workspace.fs.writeFile(uriOf(rel), new TextEncoder().encode(text));
}

/** Deletes a file or a folder with all it holds (nothing when it is gone already). */
async function rm(rel: string): Promise<void> {
  await vscode.workspace.fs.delete(uriOf(rel), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

async function exists(rel: string): Promise<boolean> {
  return vscode.workspace.fs.stat(uriOf(rel)).then(() => true, () => false);
}

async function text(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(rel)));
}

function interview(id: string, company: string, extra = ''): string {
  return `id: ${id}\ncompany: ${company}\nrole: Dev\napplied: 2026-10-01\noutcome: pending\n${extra}`;
}

function weaknesses(ids: string[]): string {
  return `weaknesses:\n${ids.map((id) => `  - id: ${id}\n    title: Weakness ${id}\n    status: suspected\n`).join('')}`;
}

/** A fresh journal: FILLERS interviews (each citing `known`) and a weaknesses file defining it. */
async function writeJournal(at: string): Promise<void> {
  await rm(at);
  for (let i = 0; i < FILLERS; i++) {
    const id = `filler-${String(i).padStart(2, '0')}`;
    await put(`${at}/interviews/${id}.yaml`, interview(id, `Filler ${i}`, 'weaknesses:\n  - weakness: known\n'));
  }
  await put(`${at}/weaknesses.yaml`, weaknesses(['known']));
}

/** What the journal must show once the reading is done. */
interface Expected {
  /** Companies the Interviews view lists, and companies it no longer lists. */
  shown: string[];
  gone: string[];
  /** Files with a problem whose message holds the text, and files with no problem at all. */
  problems: [string, string][];
  clean: string[];
  /** Files the store must have heard of while reading, before the reading goes on. */
  heard: string[];
}

async function diagnostics(rel: string): Promise<string[]> {
  return vscode.languages.getDiagnostics(uriOf(rel)).map((d) => d.message);
}

/** Every way an expectation is not met, as words: what was lost. */
async function lost(expected: Expected): Promise<string[]> {
  const labels = new Set(flatten(await tree(ViewId.Interviews)).map((i) => i.label));
  const out: string[] = [];
  for (const c of expected.shown) if (!labels.has(`${c}, Dev`)) out.push(`${c} not in the tree`);
  for (const c of expected.gone) if (labels.has(`${c}, Dev`)) out.push(`${c} still in the tree`);
  for (const [rel, text] of expected.problems) {
    const said = await diagnostics(rel);
    if (!said.some((m) => m.includes(text))) out.push(`${rel}: no problem saying "${text}" (${said.join(' / ') || 'none'})`);
  }
  for (const rel of expected.clean) {
    const said = await diagnostics(rel);
    if (said.length) out.push(`${rel}: ${said.join(' / ')}`);
  }
  return out;
}

/**
 * Reads the journal again, held at the first point `at` accepts; `change` changes files there and says
 * what must show. Returns what was lost.
 */
async function race(at: (p: ReadPoint) => boolean, change: (journal: Journal, point: ReadPoint) => Promise<Expected>): Promise<string[]> {
  const a = await api();
  const store = a.services.store;
  const held = a.holdReading((p) => at(p));
  const reading = store.reload();
  const point = await held.reached;
  const journal = store.journalOf(folder())!;
  const expected = await change(journal, point);
  try {
    await eventually(() => expected.heard.every((p) => store.changedWhileReading(journal).has(p)), `the store to hear of ${expected.heard.join(', ')} while reading (at ${JSON.stringify(point)})`);
  } finally {
    held.release();
  }
  await reading;
  await a.settle();
  return lost(expected);
}

const POINTS: [string, (p: ReadPoint) => boolean][] = [
  ['before anything is listed', (p) => p.kind === 'following'],
  ['after the first batch', (p) => p.kind === 'batch' && p.done < p.total],
  ['after the last batch', (p) => p.kind === 'batch' && p.done === p.total],
  ['once every file is read', (p) => p.kind === 'read'],
];

describe('changes while the journal is read', function () {
  this.timeout(120_000);
  let n = 0;
  const next = () => ++n;

  before(async () => {
    await api();
    await showViews();
    await writeJournal(FOLDER);
    await config().update(SettingId.JournalFolder, FOLDER, vscode.ConfigurationTarget.Workspace);
    const { services } = await api();
    await eventually(async () => (await services.store.ready, services.store.journalOf(folder())?.journalFolder === FOLDER && services.store.journalOf(folder())!.index.interviewCount() === FILLERS), 'the race journal read');
    // The races need the file watcher, which may still be starting on a busy machine: a file it reports first.
    const probe = `${FOLDER}/interviews/probe.yaml`;
    await put(probe, interview('probe', 'Probe'));
    await eventually(() => services.store.journalOf(folder())!.index.interview('probe'), 'the file watcher to report a file written on disk', 120_000);
    await rm(probe);
    await eventually(() => !services.store.journalOf(folder())!.index.interview('probe'), 'the file watcher to report a file deleted on disk', 120_000);
  });

  after(async () => {
    await config().update(SettingId.JournalFolder, undefined, vscode.ConfigurationTarget.Workspace);
    await rm(ROOT);
    const { services } = await api();
    await eventually(async () => (await services.store.ready, services.store.journalOf(folder())?.journalFolder === 'debrief'), 'the fixture journal back');
  });

  it('loses nothing created, changed or deleted on disk at any point of a reading (counted over 24 tries)', async () => {
    const losses: string[] = [];
    let tries = 0;
    for (let round = 0; round < 6; round++) {
      for (const [where, at] of POINTS) {
        tries++;
        const k = next();
        const missed = await race(at, async (journal, point) => {
          const index = journal.index;
          const all = Array.from({ length: FILLERS }, (_, i) => `${FOLDER}/interviews/filler-${String(i).padStart(2, '0')}.yaml`);
          const there = await Promise.all(all.map(exists));
          const files = all.filter((_, i) => there[i]);
          const read = files.filter((f) => index.interviewAt(f));
          const unread = files.filter((f) => !index.interviewAt(f));
          // One file read before the change and one not yet read, when the point has both.
          const changedRead = read[k % Math.max(1, read.length)];
          const changedUnread = unread[k % Math.max(1, unread.length)];
          const deleted = (read.length ? read : unread).filter((f) => f !== changedRead && f !== changedUnread)[0];
          const created = `${FOLDER}/interviews/new-${k}.yaml`;
          const typo = `${FOLDER}/interviews/typo-${k}.yaml`;
          const cites = `${FOLDER}/interviews/cites-${k}.yaml`;
          const expected: Expected = { shown: [`New ${k}`, `Cites ${k}`], gone: [], problems: [[typo, 'pendingg']], clean: [cites], heard: [created, typo, cites, `${FOLDER}/weaknesses.yaml`] };
          await put(created, interview(`new-${k}`, `New ${k}`));
          await put(typo, interview(`typo-${k}`, `Typo ${k}`).replace('outcome: pending', 'outcome: pendingg'));
          // An interview citing a weakness that the weaknesses file defines only from this change on.
          await put(cites, interview(`cites-${k}`, `Cites ${k}`, `weaknesses:\n  - weakness: fresh-${k}\n`));
          await put(`${FOLDER}/weaknesses.yaml`, weaknesses(['known', `fresh-${k}`]));
          for (const [f, what] of [[changedRead, 'read'], [changedUnread, 'unread']] as const) {
            if (!f) continue;
            const company = `Changed ${what} ${k}`;
            await put(f, interview(f.slice(f.lastIndexOf('/') + 1, -'.yaml'.length), company, 'weaknesses:\n  - weakness: known\n'));
            expected.shown.push(company);
            expected.heard.push(f);
          }
          if (deleted) {
            const company = /^company: (.*)$/m.exec(await text(deleted))![1];
            await rm(deleted);
            expected.gone.push(company);
            expected.heard.push(deleted);
          }
          assert.ok(point.kind !== 'batch' || point.done < point.total ? true : read.length === files.length, 'after the last batch every interview is read');
          return expected;
        });
        losses.push(...missed.map((m) => `try ${tries} (${where}): ${m}`));
      }
    }
    console.log(`      changes while reading: ${tries} tries, ${losses.length} lost`);
    assert.ok(tries >= 20);
    assert.deepEqual(losses, [], `changes lost in ${tries} tries`);
  });

  it('loses nothing changed while the kept index is read back, however alike the change looks', async () => {
    const { services } = await api();
    const rel = `${FOLDER}/interviews/same-size.yaml`;
    await put(rel, interview('same-size', 'Kept AAA'));
    await services.store.sync(uriOf(rel));
    await services.store.reload();
    await services.cache.flush();
    const missed = await race((p) => p.kind === 'batch' && p.done < p.total, async () => {
      // Read back from the kept index at this point, or still to come: the same size either way.
      await put(rel, interview('same-size', 'Kept BBB'));
      return { shown: ['Kept BBB'], gone: ['Kept AAA'], problems: [], clean: [rel], heard: [rel] };
    });
    assert.ok((services.cache.loadInfo(services.store.journalOf(folder())!)?.restored ?? 0) > 0, 'the reading restored files from the kept index');
    assert.deepEqual(missed, []);
  });

  it('reads the journal again when its folder is deleted, or created, during a reading', async () => {
    const a = await api();
    const store = a.services.store;
    const journal = () => store.journalOf(folder())!;
    /** Holds a reading at `at`, runs `change` there, and waits for the reading it makes the store start. */
    const another = async (at: (p: ReadPoint) => boolean, change: () => Promise<void>) => {
      const first = a.holdReading((p) => at(p));
      const reading = store.reload();
      let next: ReturnType<typeof a.holdReading> | undefined;
      try {
        await first.reached;
        // The next reading can start only once this one is done: held from its start.
        next = a.holdReading((p) => p.kind === 'following');
        await change();
        first.release();
        await next.reached;
      } finally {
        first.release();
        next?.release();
      }
      await reading;
      await a.settle();
    };
    // Deleted while its files are read: the journal is read again, and found gone.
    await another((p) => p.kind === 'batch' && p.done < p.total, () => rm(FOLDER));
    assert.equal(journal().index.interviewCount(), 0);
    assert.equal(journal().exists, false, 'no journal: the views say so');
    assert.equal(flatten(await tree(ViewId.Interviews)).length, 0, 'nothing listed');
    // Created, with its files, after the reading found no folder: read again, and found whole.
    const k = next();
    await another((p) => p.kind === 'read', async () => {
      await writeJournal(FOLDER);
      await put(`${FOLDER}/interviews/back-${k}.yaml`, interview(`back-${k}`, `Back ${k}`));
    });
    assert.equal(journal().index.interviewCount(), FILLERS + 1);
    assert.deepEqual(await lost({ shown: ['Filler 0', `Back ${k}`], gone: [], problems: [], clean: [`${FOLDER}/weaknesses.yaml`, `${FOLDER}/interviews/filler-00.yaml`], heard: [] }), []);
    // Changes made in the new folder afterwards are followed (a watcher may miss a folder created with its files).
    await put(`${FOLDER}/interviews/after-${k}.yaml`, interview(`after-${k}`, `After ${k}`));
    await eventually(() => journal().index.interview(`after-${k}`), 'a file written in the new folder to be read');
  });

  it('follows a change of the journal-folder setting made during a reading, and the files changed in the new folder while it is read', async () => {
    const a = await api();
    const store = a.services.store;
    await writeJournal(OTHER);
    const k = next();
    const created = `${OTHER}/interviews/moved-${k}.yaml`;
    const deleted = `${OTHER}/interviews/filler-00.yaml`;
    const first = a.holdReading((p, j) => p.kind === 'batch' && p.done < p.total && j.journalFolder === FOLDER);
    const second = a.holdReading((p, j) => p.kind === 'batch' && p.done < p.total && j.journalFolder === OTHER);
    const reading = store.reload();
    try {
      await first.reached;
      // The setting changes while the old folder is read: the new one is read next, and followed from before it is listed.
      await config().update(SettingId.JournalFolder, OTHER, vscode.ConfigurationTarget.Workspace);
      first.release();
      await second.reached;
      const journal = store.journalOf(folder())!;
      assert.equal(journal.journalFolder, OTHER);
      await put(created, interview(`moved-${k}`, `Moved ${k}`));
      await rm(deleted);
      await eventually(() => [created, deleted].every((p) => store.changedWhileReading(journal).has(p)), 'the store to hear of the changes while reading the new folder');
    } finally {
      first.release();
      second.release();
    }
    await reading;
    await a.settle();
    try {
      assert.equal(store.journalOf(folder())?.journalFolder, OTHER, 'the journal read from the new folder');
      assert.deepEqual(await lost({ shown: [`Moved ${k}`, 'Filler 1'], gone: ['Filler 0'], problems: [], clean: [], heard: [] }), []);
    } finally {
      await config().update(SettingId.JournalFolder, FOLDER, vscode.ConfigurationTarget.Workspace);
      await eventually(async () => (await store.ready, store.journalOf(folder())?.journalFolder === FOLDER), 'the race journal back');
    }
  });

  it('states nothing the unread part could change while reading: no cross-file problem, counts marked partial, the Due view reading', async () => {
    const a = await api();
    const interviews = a.parts.sidebar!.interviews.tree;
    /** The top rows of the Interviews view, read from its provider (the helpers wait for the reading, which is held). */
    const groups = async () => Promise.all(((await interviews.getChildren()) ?? []).map(async (n) => interviews.getTreeItem(n)));
    const held = a.holdReading((p) => p.kind === 'batch' && p.done < p.total);
    const reading = a.services.store.reload();
    try {
      await held.reached;
      const journal = a.services.store.journalOf(folder())!;
      assert.ok(journal.index.interviews().length > 0 && !journal.index.hasWeaknessesFile(), 'some interviews read, the weaknesses file not yet');
      assert.deepEqual(journal.index.problems().filter((p) => p.code === 'unknown-weakness'), [], 'no "unknown weakness" before the weaknesses file is read');
      const rows = await groups();
      assert.ok(rows.length && rows.every((g) => g.contextValue === 'group' && /^\d+ so far$/.test(String(g.description))), `counts marked partial: ${rows.map((g) => `${String(g.label)} ${String(g.description)}`).join(', ')}`);
      for (const group of (await interviews.getChildren()) ?? []) {
        for (const row of (await interviews.getChildren(group)) ?? []) {
          const item = await interviews.getTreeItem(row);
          assert.notEqual((item.iconPath as vscode.ThemeIcon | undefined)?.id, 'error', `${String(item.label)} is not marked with a problem (${String(item.description)})`);
        }
      }
      const due = a.parts.reminders!;
      assert.deepEqual(due.getChildren(), [], 'the Due view lists nothing while reading: its welcome says it is reading');
      assert.equal(due.view.badge, undefined, 'no count on the Due view while reading');
    } finally {
      held.release();
    }
    await reading;
    const rows = await groups();
    assert.ok(rows.length && rows.every((g) => /^\d+$/.test(String(g.description))), 'final counts once read');
  });
});
