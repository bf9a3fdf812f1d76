import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, retrying, root, answer as answerQuestion } from './workbench.mjs';
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
    const demoInterviews = readdirSync(join(folder, 'debrief', 'interviews')).length;
    wb = await openWorkbench(folder);
    const { page } = wb;
    await wb.openDebrief();
    const row = (text) => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();
    // Pending applications come first, so they are in sight without scrolling.
    await row('Hooli, Backend Engineer').waitFor({ timeout: 30_000 });
    await row('Going silent while solving').waitFor({ timeout: 10_000 });
    // Expand a weakness to show its improvement items, notes and evidence (a click while the tree is
    // still being drawn can go nowhere: click again while it stays collapsed).
    const weakness = row('Going silent while solving');
    const item = row('Do three mock interviews narrating every step out loud');
    await retrying(async () => (await weakness.getAttribute('aria-expanded')) === 'true' || weakness.click({ timeout: 5_000 }), () => item.isVisible(), 'the weakness to show its improvement items');
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
    const answer = (step, text, opts) => answerQuestion(page, step, text, opts);
    await answer(1, 'Initrode', { pick: true }); // the typed company is offered as a new one
    await answer(2, 'Platform Engineer');
    await answer(3, '2026-11-02');
    await answer(4, 'coding', { pick: true });
    await answer(5, 'Ana Ruiz');
    await answer(6, 'pending', { pick: true });
    await answer(7, '3', { pick: true });
    await answer(8, 'Froze on the caching follow-up');
    await answer(9, ''); // no weakness picked: accept the empty selection
    const file = join(folder, 'debrief', 'interviews', 'initrode-platform-engineer.yaml');
    // The edit creates the file, then fills it: wait for its content, not only for the file.
    const text = await eventually(() => (existsSync(file) && readFileSync(file, 'utf8')) || undefined, 20_000, `${file} to be written`);
    assert.match(text, /^company: Initrode$/m);
    assert.match(text, /^ {4}went-badly: Froze on the caching follow-up$/m);
    assert.match(text, /^ {4}interviewers:(?: \[Ana Ruiz\]|\n {6}- Ana Ruiz)$/m);
    await row('Initrode, Platform Engineer').waitFor({ timeout: 20_000 });
    await wb.screenshot('recorded-interview');
    assert.equal(readdirSync(join(folder, 'debrief', 'interviews')).length, demoInterviews + 1, 'one new file beside those of the demo');
    await page.locator('.part.sidebar').screenshot({ path: join(docsImages, 'recorded-interview.png') });

    // A second interview with a weakness named on the spot: one command, so one Undo takes it all back.
    const weaknessesFile = join(folder, 'debrief', 'weaknesses.yaml');
    const weaknessesBefore = readFileSync(weaknessesFile, 'utf8');
    await wb.runCommand('Debrief: Record Interview');
    await answer(1, 'Kramerica', { pick: true });
    await answer(2, 'Intern');
    await answer(3, '2026-11-03');
    await answer([4, 9], 'No round yet', { pick: true });
    await answer([5, 6], 'pending', { pick: true });
    await title.filter({ hasText: '(6/6)' }).waitFor({ timeout: 15_000 });
    // Typing what matches nothing, then Enter: said so, and the step stays.
    await input.fill('zzz');
    await page.keyboard.press('Enter');
    await title.filter({ hasText: 'nothing matches' }).waitFor({ timeout: 10_000 });
    // Moving to "New weakness…" with the arrow keys, without ticking it, then Enter: means that item.
    await input.fill('');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'New weakness' }).first().waitFor({ timeout: 10_000 });
    const focused = page.locator('.quick-input-widget .monaco-list-row.focused');
    for (let i = 0; i < 12 && !(await focused.filter({ hasText: 'New weakness' }).count()); i++) await page.keyboard.press('ArrowDown');
    await focused.filter({ hasText: 'New weakness' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await title.filter({ hasText: '(7/7)' }).waitFor({ timeout: 10_000 });
    await input.fill('Nervous start');
    await page.keyboard.press('Enter');
    const second = join(folder, 'debrief', 'interviews', 'kramerica-intern.yaml');
    await eventually(() => existsSync(second) && /id: nervous-start/.test(readFileSync(weaknessesFile, 'utf8')), 20_000, 'the interview and its new weakness to be written');
    await wb.openFile('weaknesses.yaml');
    // Undo acts on the editor with the keyboard focus: it must be this one (and Undo is not pressed twice).
    await page.locator('.editor-instance .view-lines').first().click();
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Z');
    await eventually(() => !existsSync(second), 20_000, 'Undo to remove the new interview file');
    await page.keyboard.press('Control+S');
    await eventually(() => readFileSync(weaknessesFile, 'utf8') === weaknessesBefore, 20_000, 'weaknesses.yaml to be back as it was');
  });
});
