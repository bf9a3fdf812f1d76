/* global document, window */ // page.evaluate() callbacks run in the workbench
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, focusedRow, quickInput, retrying, root, answer as answerQuestion } from './workbench.mjs';

/** The walkthrough's step elements, by step id, and whether each is ticked. */
const step = (page, id) => page.locator(`.getting-started-step[data-step-id$="#${id}"]`).first();
const ticked = async (page, id) => (await step(page, id).getAttribute('aria-checked')) === 'true';
const ticks = async (page) => Object.fromEntries(await Promise.all(
  ['initJournal', 'recordInterview', 'draftFeedbackRequest', 'addWeakness', 'linkStudyNote', 'showInsights'].map(async (id) => [id, await ticked(page, id)])));

/** Opens the walkthrough, and waits for it to move the keyboard to its first step left (its own doing, a moment later). */
async function openWalkthrough(wb) {
  await wb.runCommand('Debrief: Open Walkthrough');
  await step(wb.page, 'initJournal').waitFor({ timeout: 30_000 });
  await eventually(() => wb.page.evaluate(() => document.activeElement?.classList.contains('getting-started-step')), 10_000, 'the walkthrough to give the keyboard to a step');
}

/**
 * Closes every editor and opens the walkthrough again, as VS Code keeps its steps. The palette is opened
 * with F1 alone: a click on the walkthrough page would select a step, which takes the keyboard from the
 * palette a moment later.
 */
async function reopenWalkthrough(wb) {
  // A page that was just shown (the insights) may take the keyboard back from the palette as it opens,
  // leaving a palette that cannot be typed in: close it and open it again until it takes the text.
  await retrying(async () => {
    if (await wb.page.locator('.quick-input-widget input').isVisible()) await wb.page.keyboard.press('Escape');
    const input = await quickInput(wb.page, 'F1', async (i) => (await i.inputValue()).startsWith('>'), 'the command palette');
    await input.fill('>View: Close All Editors', { timeout: 5_000 });
  }, () => focusedRow(wb.page, 'View: Close All Editors').isVisible(), 'the palette to offer View: Close All Editors', { every: 4_000, ms: 60_000 });
  await wb.page.keyboard.press('Enter');
  await step(wb.page, 'initJournal').waitFor({ state: 'detached', timeout: 15_000 });
  await openWalkthrough(wb);
}

/** Selects a step (unless it is already), and waits for the walkthrough to give it the keyboard, which it does a moment later. */
async function selectStep(page, id) {
  const s = step(page, id);
  if ((await s.getAttribute('aria-expanded')) === 'true') return;
  await s.click();
  await eventually(() => page.evaluate((id) => document.activeElement?.getAttribute('data-step-id')?.endsWith(`#${id}`), id), 10_000, `the step ${id} to have the keyboard`);
}

describe('walkthrough in the real workbench', function () {
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('ticks the steps the journal shows done, in a folder that had a journal before the window opened', async () => {
    const folder = tempFolder();
    cpSync(join(root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    const wb = await openWorkbench(folder);
    await wb.openDebrief();
    await wb.page.locator('.sidebar .monaco-list-row', { hasText: 'Acme, Backend Engineer' }).first().waitFor({ timeout: 30_000 });
    await openWalkthrough(wb);
    // The fixture has a journal, an interview, a weakness and a linked note; no request was sent, no insights shown.
    const expected = { initJournal: true, recordInterview: true, draftFeedbackRequest: false, addWeakness: true, linkStudyNote: true, showInsights: false };
    await eventually(async () => {
      const now = JSON.stringify(await ticks(wb.page));
      if (now !== JSON.stringify(expected)) throw new Error(`ticked: ${now}`);
      return true;
    }, 30_000, `the steps ticked as ${JSON.stringify(expected)}`);
    // A finished command ticks its step: the insights shown, from the step's own button.
    await selectStep(wb.page, 'showInsights');
    await step(wb.page, 'showInsights').locator('.button-container .monaco-button', { hasText: 'Show Insights' }).click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Debrief Insights' }).first().waitFor({ timeout: 30_000 });
    await reopenWalkthrough(wb);
    assert.equal(await ticked(wb.page, 'showInsights'), true, '"Open the insights" ticked once the panel showed');
  });

  it('keeps the keyboard in a command started from a step, and ticks the step when the command finished, not when it started', async () => {
    const folder = tempFolder();
    const wb = await openWorkbench(folder);
    const { page } = wb;
    await wb.openDebrief();
    await page.locator('.welcome-view-content', { hasText: 'No interview journal yet' }).waitFor({ timeout: 30_000 });
    await openWalkthrough(wb);
    assert.deepEqual(await ticks(page), { initJournal: false, recordInterview: false, draftFeedbackRequest: false, addWeakness: false, linkStudyNote: false, showInsights: false });
    const input = page.locator('.quick-input-widget input');
    const title = page.locator('.quick-input-widget .quick-input-title');
    const start = async () => {
      await selectStep(page, 'recordInterview');
      await step(page, 'recordInterview').locator('.button-container .monaco-button', { hasText: 'Record Interview' }).click();
      await title.filter({ hasText: '(1/9)' }).waitFor({ timeout: 15_000 });
    };

    // Started, then Escape: nothing written, nothing ticked.
    await start();
    assert.equal(await ticked(page, 'recordInterview'), false, 'not ticked when the command starts');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });

    // Started again and answered with the keyboard alone: the keyboard never leaves the questions.
    await start();
    assert.equal(await ticked(page, 'recordInterview'), false, 'Escape ticked nothing');
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.debriefFocus = [];
      document.addEventListener('focusin', (e) => {
        const t = /** @type {HTMLElement} */ (e.target);
        if (!t.closest('.quick-input-widget')) w.debriefFocus.push(`${t.tagName}.${String(t.className).slice(0, 60)} during ${document.querySelector('.quick-input-widget .quick-input-title')?.textContent}`);
      }, true);
    });
    const answer = (n, text, opts) => answerQuestion(page, n, text, opts);
    await answer(1, 'Initrode', { pick: true });
    await answer(2, 'Platform Engineer');
    await answer(3, '2026-11-02');
    // Enter on the third question worked: the fourth is asked.
    await answer(4, 'coding', { pick: true });
    await answer(5, 'Ana Ruiz');
    await answer(6, 'pending', { pick: true });
    await answer(7, '3', { pick: true });
    await answer(8, '');
    await title.filter({ hasText: '(9/9)' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).debriefFocus), [], 'the keyboard stayed in the questions from the first to the last');
    await answer(9, '');
    const file = join(folder, 'debrief', 'interviews', 'initrode-platform-engineer.yaml');
    await eventually(() => existsSync(file) && /^company: Initrode$/m.test(readFileSync(file, 'utf8')), 20_000, `${file} to be written`);
    // The steps as VS Code keeps them, in the walkthrough opened afresh (the page left open may not
    // redraw a tick).
    await reopenWalkthrough(wb);
    assert.equal(await ticked(page, 'recordInterview'), true, '"Record a first interview" ticked once the interview was written');
    assert.equal(await ticked(page, 'initJournal'), true, '"Initialize the journal" ticked once a journal existed');
  });
});
