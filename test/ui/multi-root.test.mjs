import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, root, screenshotIfFailed } from './workbench.mjs';

/** A workspace of two folders with a journal each: the demo's (job-search) and the fixture's (last-year). */
function twoJournals() {
  const base = tempFolder();
  const job = join(base, 'job-search');
  const old = join(base, 'last-year');
  mkdirSync(job);
  copyDemo(root, job);
  cpSync(join(root, 'test', 'fixtures', 'workspace'), old, { recursive: true });
  const workspaceFile = join(base, 'journals.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'job-search' }, { path: 'last-year' }] }, null, 2));
  return { base, job, old, workspaceFile };
}
import { copyDemo } from '../../scripts/lib/demo.mjs';

// One window (on a server of its own, as every .code-workspace window) for both tests.
describe('a multi-root workspace', function () {
  let wb;
  before(async () => {
    const { base, old, workspaceFile } = twoJournals();
    writeFileSync(join(old, 'debrief', 'interviews', 'zz-last-year.yaml'), 'id: zz-last-year\ncompany: Initrode\nrole: Dev\noutcome: pending\n');
    wb = await openWorkbench(base, { workspaceFile });
    await wb.openDebrief();
  });
  afterEach(function () {
    return screenshotIfFailed(this.currentTest);
  });
  after(() => closeWorkbenches());

  it('shows each folder\'s journal under its own folder item', async () => {
    const rows = wb.page.locator('.sidebar .monaco-list-row');
    // Both folders, each with its own records: an interview only the demo has, and a weakness only the
    // fixture has, under its folder item (the Interviews view's last-year item is scrolled out of sight).
    for (const label of ['Hooli, Backend Engineer', 'Answers run long and lose the question']) {
      await rows.filter({ hasText: label }).first().waitFor({ timeout: 30_000 });
    }
    await eventually(async () => (await rows.filter({ hasText: /^job-search$/ }).count()) === 2, 20_000, 'job-search in both views');
    await rows.filter({ hasText: /^last-year$/ }).first().waitFor({ timeout: 20_000 });
    await wb.screenshot('multi-root');
  });

  it('asks which folder\'s journal a command works on, unless the active editor holds a journal file', async () => {
    const widget = wb.page.locator('.quick-input-widget');
    const rows = widget.locator('.monaco-list-row');
    // No editor: the command asks, listing both folders.
    await wb.runCommand('Debrief: Add Weakness');
    await eventually(async () => (await widget.locator('input').getAttribute('placeholder')) === 'Which folder\'s journal?', 20_000, 'the question of which journal');
    await eventually(async () => {
      const texts = await rows.allInnerTexts();
      if (texts.length === 2 && ['job-search', 'last-year'].every((f) => texts.some((t) => t.trim().startsWith(f)))) return true;
      throw new Error(`rows: ${JSON.stringify(texts)}`);
    }, 20_000, 'both folders offered');
    await wb.page.keyboard.press('Escape');
    // A journal file of last-year in the editor: its journal, without asking.
    await wb.openFile('zz-last-year.yaml');
    await wb.runCommand('Debrief: Add Weakness');
    await eventually(async () => /What is the weakness/.test(await widget.innerText()), 20_000, 'the first question of Add Weakness, no folder asked');
    await wb.page.keyboard.press('Escape');
  });
});
