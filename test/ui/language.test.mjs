import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, root } from './workbench.mjs';

describe('hand editing a journal file in the workbench', function () {
  let wb;
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  /** Errors and warnings shown by the Problems entry of the status bar. */
  async function problemCount(page) {
    const entry = page.locator('.statusbar [id="status.problems"]').first();
    const text = (await entry.textContent({ timeout: 10_000 })) ?? '';
    const numbers = (text.match(/\d+/g) ?? []).map(Number);
    assert.ok(numbers.length >= 2, `unexpected Problems entry text: ${text}`);
    return numbers[0] + numbers[1];
  }

  async function goToLine(page, line) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
  }

  it('reports a misspelt outcome as it is typed, and the quick fix clears it', async () => {
    const folder = tempFolder();
    cpSync(join(root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    wb = await openWorkbench(folder);
    const { page } = wb;
    await wb.openDebrief();
    // The journal is read: the fixture's interview is in the tree.
    await page.locator('.sidebar .monaco-list-row', { hasText: 'Acme, Backend Engineer' }).first().waitFor({ timeout: 30_000 });
    await eventually(async () => (await problemCount(page)) === 0, 20_000, 'a clean journal to show no problems');

    // Open the interview with Quick Open, as a person would.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('acme-backend.yaml');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'acme-backend.yaml' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'acme-backend.yaml' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'outcome: rejected' }).first().waitFor({ timeout: 20_000 });

    // Line 5 is `outcome: rejected`: replace the value with a typo.
    await goToLine(page, 5);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.type('rejeted');
    await page.keyboard.press('Escape');
    await eventually(async () => (await problemCount(page)) === 1, 20_000, 'the Problems count to rise to 1');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await wb.screenshot('language-typo-reported');

    // Quick fix with Ctrl+. on the misspelt value (first closing the suggestions typing opened).
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "rejected"' }).first();
    await fix.waitFor({ timeout: 15_000 });
    await fix.click();
    await eventually(async () => (await problemCount(page)) === 0, 20_000, 'the Problems count to fall back to 0');
    await page.locator('.monaco-editor .view-lines', { hasText: 'outcome: rejected' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('language-typo-fixed');
    // The fix went into the editor, unsaved: the file on disk was never rewritten behind the user's back.
    assert.match(readFileSync(join(folder, 'debrief', 'interviews', 'acme-backend.yaml'), 'utf8'), /^outcome: rejected$/m);
  });
});
