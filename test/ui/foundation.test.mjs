import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension } from '../../scripts/lib/code-server.mjs';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, focusedRow, root } from './workbench.mjs';

describe('workbench (source build)', function () {
  let wb;
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('shows the welcome view on an empty folder and initializes a journal from the command palette', async () => {
    const folder = tempFolder();
    wb = await openWorkbench(folder);
    await wb.openDebrief();
    const welcome = wb.page.locator('.welcome-view-content', { hasText: 'No interview journal yet' });
    await welcome.waitFor({ timeout: 30_000 });
    // A first-time user with a spreadsheet of applications is offered the import as well.
    await welcome.getByRole('button', { name: 'Import Applications…' }).waitFor({ timeout: 10_000 });
    await wb.runCommand('Debrief: Initialize Journal');
    const file = join(folder, 'debrief', 'weaknesses.yaml');
    await eventually(() => existsSync(file), 20_000, `${file} to be written`);
    assert.match(readFileSync(file, 'utf8'), /^weaknesses:/m);
    // The new file opens in an editor tab.
    await wb.page.locator('.tabs-container .tab', { hasText: 'weaknesses.yaml' }).first().waitFor({ timeout: 20_000 });
    await wb.screenshot('initialized-journal');
  });
});

describe('workbench (installed .vsix)', function () {
  let wb;
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('installs from the packaged .vsix, activates on a journal and shows the Debrief view', async () => {
    const folder = tempFolder();
    cpSync(join(root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    wb = await openWorkbench(folder, { from: 'vsix' });
    await wb.openDebrief();
    // Activation found the journal: the sidebar lists its interview.
    await wb.page.locator('.sidebar .monaco-list-row', { hasText: 'Acme, Backend Engineer' }).first().waitFor({ timeout: 30_000 });
    // The command is registered by the installed extension: the palette finds it.
    const input = await wb.openPalette();
    await input.fill('>Debrief: Initialize Journal');
    await focusedRow(wb.page, 'Debrief: Initialize Journal').waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Escape');
    await wb.screenshot('vsix-sidebar');
  });

  it('ships the workbook reader beside the bundles: the command line, put beside it, imports an .xlsx and an .ods with it', () => {
    const extensions = tempFolder('debrief-ext-');
    installExtension(join(root, 'out', 'debrief.vsix'), extensions);
    const installed = readdirSync(extensions).find((d) => d.startsWith('debrief.debrief-'));
    assert.ok(installed, `the extension is installed in ${extensions}`);
    const dist = join(extensions, installed, 'dist');
    assert.ok(existsSync(join(dist, 'workbook.js')), 'dist/workbook.js is in the .vsix');
    // The command line is not in the .vsix (it runs from a checkout): the one just built reads the packaged reader.
    assert.equal(existsSync(join(dist, 'cli.js')), false, 'the command line is not packaged');
    cpSync(join(root, 'dist', 'cli.js'), join(dist, 'cli.js'));
    for (const [file, summary] of [['stellen-ch.xlsx', '5 new, 0 duplicate, 0 invalid, 0 skipped'], ['basvurular.ods', '4 new, 0 duplicate, 0 invalid, 0 skipped']]) {
      const r = spawnSync(process.execPath, [join(dist, 'cli.js'), 'import', join(root, 'test', 'fixtures', 'import', file), tempFolder(), '--dry-run'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.trimEnd().endsWith(summary), r.stdout);
    }
  });
});
