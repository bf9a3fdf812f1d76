import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, quickInput, retrying, root } from './workbench.mjs';

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

  /** Waits until the Problems entry counts `n`; a failure says what it counted last. */
  function problemsAre(page, n, what) {
    return eventually(async () => {
      const count = await problemCount(page);
      if (count !== n) throw new Error(`the Problems entry counts ${count}`);
      return true;
    }, 20_000, what);
  }

  /** Waits until the cursor position the status bar shows ("Ln 5, Col 1") matches `re`. */
  function cursorMatches(page, re, what) {
    return eventually(async () => {
      const text = await page.locator('.statusbar [id="status.editor.selection"]').first().textContent({ timeout: 1_000 });
      if (!re.test(text ?? '')) throw new Error(`the status bar shows "${text}"`);
      return true;
    }, 10_000, what);
  }

  /** Moves the cursor to the start of `line` with Go to Line, and waits until the editor has it there. */
  async function goToLine(page, line) {
    const input = await quickInput(page, 'Control+G', async (i) => (await i.inputValue()).startsWith(':'), 'Go to Line');
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await cursorMatches(page, new RegExp(`^Ln ${line}, Col 1\\b`), `the cursor at line ${line}`);
    await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 10_000 });
  }

  it('reports a misspelt outcome as it is typed, and the quick fix clears it', async () => {
    const folder = tempFolder();
    cpSync(join(root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    wb = await openWorkbench(folder);
    const { page } = wb;
    await wb.openDebrief();
    // The journal is read: the fixture's interview is in the tree.
    await page.locator('.sidebar .monaco-list-row', { hasText: 'Acme, Backend Engineer' }).first().waitFor({ timeout: 30_000 });
    await problemsAre(page, 0, 'a clean journal to show no problems');

    // Open the interview with Quick Open, as a person would.
    await wb.openFile('acme-backend.yaml');
    await page.locator('.monaco-editor .view-lines', { hasText: 'outcome: rejected' }).first().waitFor({ timeout: 20_000 });

    // Line 5 is `outcome: rejected`: replace the value with a typo.
    await goToLine(page, 5);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.type('rejeted');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines', { hasText: 'outcome: rejeted' }).first().waitFor({ timeout: 10_000 });
    await problemsAre(page, 1, 'the Problems count to rise to 1');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await wb.screenshot('language-typo-reported');

    // Quick fix with Ctrl+. on the misspelt value (first closing the suggestions typing opened).
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await cursorMatches(page, /^Ln 5, Col 1[0-6]\b/, 'the cursor inside the misspelt value');
    // Ctrl+. finds nothing to offer while the editor has not yet received the diagnostic's fixes:
    // press it again until the fix is listed (it only opens a menu).
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "rejected"' }).first();
    await retrying(async () => (await fix.isVisible()) || page.keyboard.press('Control+.'), () => fix.isVisible(), 'the quick fix "Change to "rejected"" in the Ctrl+. menu');
    await fix.click();
    await problemsAre(page, 0, 'the Problems count to fall back to 0');
    await page.locator('.monaco-editor .view-lines', { hasText: 'outcome: rejected' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('language-typo-fixed');
    // The fix went into the editor, unsaved: the file on disk was never rewritten behind the user's back.
    assert.match(readFileSync(join(folder, 'debrief', 'interviews', 'acme-backend.yaml'), 'utf8'), /^outcome: rejected$/m);
  });
});
