import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, root } from './workbench.mjs';
import { copyDemo } from '../../scripts/lib/demo.mjs';

/**
 * Screenshots for README.md live in docs/images, outside the packaged extension. They are rewritten
 * only when DEBRIEF_UPDATE_SCREENSHOTS=1, so that an ordinary test run leaves the checkout clean.
 */
const docsImages = process.env.DEBRIEF_UPDATE_SCREENSHOTS === '1' ? join(root, 'docs', 'images') : join(root, 'test-results');

describe('sidebar in the real workbench', function () {
  let wb;
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('records an interview through the command palette and shows it in the tree', async () => {
    const folder = tempFolder();
    copyDemo(root, folder);
    wb = await openWorkbench(folder);
    const { page } = wb;
    await wb.openDebrief();
    const row = (text) => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();
    await row('Hooli, Site Reliability Engineer').waitFor({ timeout: 30_000 });
    await row('Going silent while solving').waitFor({ timeout: 10_000 });
    // Expand a weakness to show its improvement items, notes and evidence.
    await row('Going silent while solving').click();
    await row('Do three mock interviews narrating every step out loud').waitFor({ timeout: 10_000 });
    // Widen the side bar so that descriptions show in the screenshot.
    const side = await page.locator('.part.sidebar').boundingBox();
    if (side) {
      const x = side.x + side.width + 1, y = side.y + side.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 200, y, { steps: 8 });
      await page.mouse.up();
    }
    mkdirSync(docsImages, { recursive: true });
    await page.locator('.part.sidebar').screenshot({ path: join(docsImages, 'sidebar.png') });

    await wb.runCommand('Debrief: Record Interview');
    const input = page.locator('.quick-input-widget input');
    const title = page.locator('.quick-input-widget .quick-input-title');
    /** Types an answer; in a pick, waits until the typed text has filtered the list to its row. */
    const answer = async (step, text, { pick = false } = {}) => {
      await title.filter({ hasText: `(${step}/9)` }).waitFor({ timeout: 15_000 });
      await input.fill(text);
      if (pick) await page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
    };
    await answer(1, 'Initrode', { pick: true }); // the typed company is offered as a new one
    await answer(2, 'Platform Engineer');
    await answer(3, '2026-11-02');
    await answer(4, 'coding', { pick: true });
    await answer(5, 'pending', { pick: true });
    await answer(6, '3', { pick: true });
    await answer(7, 'Froze on the caching follow-up');
    await answer(8, ''); // no weakness picked: accept the empty selection
    const file = join(folder, 'debrief', 'interviews', 'initrode-platform-engineer.yaml');
    await eventually(() => existsSync(file), 20_000, `${file} to be written`);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^company: Initrode$/m);
    assert.match(text, /^ {4}went-badly: Froze on the caching follow-up$/m);
    await row('Initrode, Platform Engineer').waitFor({ timeout: 20_000 });
    await wb.screenshot('recorded-interview');
    assert.equal(readdirSync(join(folder, 'debrief', 'interviews')).length, 7, 'one new file beside the six of the demo');
    await page.locator('.part.sidebar').screenshot({ path: join(docsImages, 'recorded-interview.png') });
  });
});
