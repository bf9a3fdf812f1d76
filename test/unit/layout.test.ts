// The journal's layout has one home: the folder name as typed (the setting, --journal), where each file lives, the ids taken.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { DEFAULT_JOURNAL_FOLDER, journalFolderName, journalFolderOrDefault, JournalLayout } from '../../src/core/journal/layout';
import { loadJournal } from '../../src/core/journal/load';
import { MemoryFileSystem } from '../../src/core/memory-fs';

const IV = (id: string) => `id: ${id}\ncompany: Acme\nrole: Dev\n`;

/** How people and tools write a folder name: segments, with ./, ../, doubled or trailing slashes, backslashes, spaces. */
const typedName = fc.array(fc.oneof(
  fc.constantFrom('journal', 'debrief', 'career', 'Jobs 2025', 'über', '.hidden', '...', 'a.b'),
  fc.constantFrom('.', '..', ''),
), { minLength: 1, maxLength: 5 }).chain((segments) => fc.tuple(
  fc.constant(segments),
  fc.constantFrom('/', '\\', '//'),
  fc.constantFrom('', '/', './', '\\', 'C:', 'file:', '~/'),
  fc.constantFrom('', '/', '\\'),
  fc.constantFrom('', ' ', '\t'),
)).map(([segments, sep, start, end, space]) => `${space}${start}${segments.join(sep)}${end}${space}`);

describe('the journal layout', () => {
  it('lists the folders whose creation or deletion makes a journal appear or go: every folder on the way, the journal folder, its interviews folder', () => {
    assert.deepEqual(new JournalLayout('debrief').folders(), ['debrief', 'debrief/interviews']);
    assert.deepEqual(new JournalLayout('career/jobs/journal').folders(), ['career', 'career/jobs', 'career/jobs/journal', 'career/jobs/journal/interviews']);
    fc.assert(fc.property(typedName, (typed) => {
      const name = journalFolderName(typed);
      if (!name.ok) return;
      const layout = new JournalLayout(name.folder);
      const folders = layout.folders();
      assert.equal(folders.at(-1), layout.interviewsFolder);
      assert.equal(folders.at(-2), layout.folder);
      // Each folder is inside the one before it, and every journal file is inside the last two.
      folders.slice(1).forEach((f, i) => assert.ok(f.startsWith(`${folders[i]}/`), `${f} inside ${folders[i]}`));
      assert.ok(layout.kindOf(layout.weaknessesPath) && layout.weaknessesPath.startsWith(`${layout.folder}/`));
    }));
  });

  it('cleans folder names as a user types them, and refuses those that name no folder inside the workspace', () => {
    const cases: [string, string | RegExp][] = [
      ['debrief', 'debrief'],
      ['./journal', 'journal'],
      ['journal/', 'journal'],
      [' career/journal ', 'career/journal'],
      ['career\\journal', 'career/journal'],
      ['career//journal/./', 'career/journal'],
      ['career/../journal', 'journal'],
      ['! /', '!'],
      ['journal /', 'journal'],
      ['. /', /names the workspace folder itself/],
      ['/etc', /is absolute/],
      ['C:\\journal', /is absolute/],
      ['file:///tmp', /is absolute/],
      ['../outside', /leaves the workspace folder/],
      ['a/../..', /leaves the workspace folder/],
      ['.', /names the workspace folder itself/],
      ['', /is empty/],
      ['  ', /is empty/],
      ['jour\nnal', /control characters/],
    ];
    for (const [typed, expected] of cases) {
      const name = journalFolderName(typed);
      if (typeof expected === 'string') assert.deepEqual(name, { ok: true, folder: expected }, JSON.stringify(typed));
      else assert.match(name.ok ? `accepted as ${name.folder}` : name.reason, expected, JSON.stringify(typed));
    }
    assert.deepEqual(journalFolderName(42), { ok: false, reason: 'is not text' });
    assert.equal(journalFolderOrDefault('/etc'), DEFAULT_JOURNAL_FOLDER);
    assert.equal(journalFolderOrDefault(undefined), DEFAULT_JOURNAL_FOLDER);
  });

  it('gives a clean relative folder, or a reason, for any text; cleaning a clean name changes nothing', () => {
    fc.assert(fc.property(fc.oneof(typedName, fc.string(), fc.string({ unit: 'grapheme' })), (typed) => {
      const name = journalFolderName(typed);
      if (!name.ok) return assert.ok(name.reason.length > 0);
      const segments = name.folder.split('/');
      assert.ok(!segments.some((s) => s === '' || s === '.' || s === '..'), name.folder);
      assert.ok(!name.folder.includes('\\') && !/^[a-zA-Z]:/.test(name.folder), name.folder);
      assert.deepEqual(journalFolderName(name.folder), name);
    }), { numRuns: 500 });
  });

  it('the command line reads the journal where the editor would, for every folder name a user can type', async () => {
    await fc.assert(fc.asyncProperty(typedName, async (typed) => {
      const name = journalFolderName(typed);
      const mem = new MemoryFileSystem({ 'other/x.yaml': '' });
      if (name.ok) mem.writeFileSync(`${name.folder}/interviews/a.yaml`, IV('a'));
      const out: string[] = [];
      const code = await main(['validate', '--journal', typed, '.'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), fileSystem: () => mem });
      if (!name.ok) {
        assert.equal(code, 2, `${JSON.stringify(typed)}: ${out.join('')}`);
        assert.match(out.join(''), /--journal must be a folder inside the workspace folder/);
        // The editor's setting falls back to the default folder instead.
        assert.equal(journalFolderOrDefault(typed), DEFAULT_JOURNAL_FOLDER);
      } else {
        assert.equal(code, 0, `${JSON.stringify(typed)}: ${out.join('')}`);
        assert.match(out.join(''), /^1 file checked/m, JSON.stringify(typed));
        assert.equal(journalFolderOrDefault(typed), name.folder);
      }
    }), { numRuns: 200 });
  });

  it('says where each file lives and which files are journal files', () => {
    const layout = new JournalLayout('career/journal');
    assert.equal(layout.weaknessesPath, 'career/journal/weaknesses.yaml');
    assert.equal(layout.interviewsFolder, 'career/journal/interviews');
    assert.equal(layout.interviewPath('acme-dev'), 'career/journal/interviews/acme-dev.yaml');
    assert.equal(layout.kindOf('career/journal/weaknesses.yaml'), 'weaknesses');
    assert.equal(layout.kindOf('career/journal/interviews/a.YML'), 'interview');
    for (const p of ['career/journal/interviews/a.md', 'career/journal/interviews/sub/a.yaml', 'career/journal/interviews.yaml', 'journal/weaknesses.yaml']) assert.equal(layout.kindOf(p), undefined, p);
  });

  it('takes the ids read and the names of every interview file, read or not', async () => {
    const mem = new MemoryFileSystem({
      'debrief/interviews/acme.yaml': IV('acme-dev'),
      'debrief/interviews/broken.yml': 'id: [',
      'debrief/interviews/notes.md': '# not a journal file',
    });
    mem.specialSync('debrief/interviews/pipe.yaml');
    const index = await loadJournal(mem, 'debrief');
    assert.deepEqual([...index.layout.takenInterviewIds(index)].sort(), ['acme', 'acme-dev', 'broken', 'pipe']);
  });
});
