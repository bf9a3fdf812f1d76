import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, root } from './workbench.mjs';
import { copyDemo } from '../../scripts/lib/demo.mjs';

describe('a multi-root workspace', function () {
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('shows each folder\'s journal under its own folder item', async () => {
    const base = tempFolder();
    const job = join(base, 'job-search');
    const old = join(base, 'last-year');
    mkdirSync(job);
    copyDemo(root, job);
    cpSync(join(root, 'test', 'fixtures', 'workspace'), old, { recursive: true });
    const workspaceFile = join(base, 'journals.code-workspace');
    writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'job-search' }, { path: 'last-year' }] }, null, 2));
    const wb = await openWorkbench(base, { workspaceFile });
    await wb.openDebrief();
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
});
