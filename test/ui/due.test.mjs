/* global document */ // page.evaluate() callbacks run in the workbench
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually } from './workbench.mjs';

/** A date `days` before today (the workbench runs on the real clock), as YYYY-MM-DD. */
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('Due view in the real workbench', function () {
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('shows a follow-up whole at the side bar\'s default width: "147 days ago" is never cut off', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'debrief', 'interviews'), { recursive: true });
    writeFileSync(join(folder, 'debrief', 'weaknesses.yaml'), 'weaknesses: []\n');
    writeFileSync(join(folder, 'debrief', 'interviews', 'globex-platform.yaml'),
      `id: globex-platform\ncompany: Globex\nrole: Platform Engineer\noutcome: rejected\nrounds:\n  - type: coding\n    date: ${daysAgo(150)}\nfeedback:\n  requested: ${daysAgo(147)}\n`);
    const wb = await openWorkbench(folder);
    const { page } = wb;
    await wb.openDebrief();
    const row = page.locator('.sidebar .monaco-list-row', { hasText: 'Follow up: Globex' }).first();
    // The Due view may start collapsed below the others: open it by its header.
    const header = page.locator('.sidebar .pane-header', { hasText: /^Due/ }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await row.waitFor({ timeout: 30_000 });
    const shown = await eventually(() => row.evaluate((r) => {
      const label = r.querySelector('.monaco-icon-label-container');
      const description = r.querySelector('.label-description')?.textContent ?? '';
      return label && description ? { description, needs: label.scrollWidth, has: label.clientWidth, side: document.querySelector('.part.sidebar')?.getBoundingClientRect().width } : undefined;
    }), 20_000, 'the row drawn with its description');
    assert.equal(shown.description, 'asked 147 days ago');
    assert.ok(shown.needs <= shown.has, `the row is cut off in a side bar ${shown.side}px wide: ${JSON.stringify(shown)}`);
  });
});
