/* global document, getComputedStyle */ // frame.evaluate() callbacks run in the webview
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, focusedRow, root, screenshotIfFailed } from './workbench.mjs';
import { copyDemo } from '../../scripts/lib/demo.mjs';

/**
 * The frame of the brief's page (inside the workbench's webview iframe), once it is whole: loaded, its
 * last section drawn, in the theme's colours, of the kind of theme asked for. The extension draws the page
 * again when the journal changes, in a new frame: a frame gone while it was looked at is looked for again.
 */
async function briefFrame(page, kind) {
  return eventually(async () => {
    let seen = 'no page titled "Brief: …"';
    for (const frame of page.frames()) {
      const state = await frame.evaluate((k) => {
        if (!document.querySelector('h1')?.textContent?.startsWith('Brief: ')) return undefined;
        // The page's stylesheet applied (a page drawn anew loads it again).
        if (document.readyState !== 'complete') return `the page still loading (${document.readyState})`;
        if (!document.querySelector('section[data-section="stories"]')?.getClientRects().length) return 'the page without its last section';
        // The workbench hands the page its theme's colours after it loads: read the page once they are there.
        if (getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim() === '') return 'the page without the theme\'s colours';
        // In the theme asked for (one of its kind), not in one the workbench had before.
        if (!document.body.classList.contains(k)) return `the page in a theme of kind ${document.body.className}`;
        return 'whole';
      }, kind).catch(() => undefined);
      if (state === 'whole') return frame;
      if (state) seen = state;
    }
    throw new Error(seen);
  }, 60_000, `the brief's page, whole, in a theme of kind ${kind}`);
}

/** What the brief's page shows, read from the whole page (found again if it was drawn again meanwhile). */
function readBrief(page, kind) {
  return eventually(async () => readPage(await briefFrame(page, kind)), 90_000, 'the brief\'s page to be read');
}

/** The contrast ratio of two CSS colours (WCAG), as the page paints them. */
function readPage(frame) {
  return frame.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const contrast = (a, b) => {
      const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const bg = getComputedStyle(document.body).backgroundColor;
    const button = document.querySelector('button[data-action="record"]');
    const bs = getComputedStyle(button);
    return {
      title: document.querySelector('h1')?.textContent,
      sections: [...document.querySelectorAll('section[data-section] h2')].map((h) => h.textContent),
      likely: [...document.querySelectorAll('ol.likely > li strong')].map((s) => s.textContent),
      text: contrast(getComputedStyle(document.body).color, bg),
      muted: contrast(getComputedStyle(document.querySelector('.subtitle')).color, bg),
      button: contrast(bs.color, bs.backgroundColor),
      buttonOutline: bs.borderStyle !== 'none' && bs.borderTopWidth !== '0px' ? contrast(bs.borderTopColor, bg) : 0,
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script[src]')].map((e) => e.getAttribute('src').replace(/^.*\//, '')),
    };
  });
}

/** The theme as a workspace setting: the user settings are those of the server the UI tests share. */
function setTheme(folder, theme) {
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
}

/** Waits for the workbench to show a theme (it takes one from the folder's settings once it has read them). */
async function inTheme(wb, theme) {
  const kind = THEME_KINDS[theme];
  await eventually(() => wb.page.locator(`.monaco-workbench.${kind.workbench}`).count(), 30_000, `the workbench in a theme of kind ${kind.workbench}`);
  return kind.page;
}

async function openBrief(folder) {
  const wb = await openWorkbench(folder);
  const kind = await inTheme(wb, 'Default Light Modern');
  await wb.openDebrief();
  await wb.runCommand('Debrief: Prepare for Interview');
  // The next interview is offered first and has the focus: Enter prepares it.
  await focusedRow(wb.page, 'Globex, Senior Platform Engineer').waitFor({ timeout: 30_000 });
  await wb.page.keyboard.press('Enter');
  await briefFrame(wb.page, kind);
  return { wb, kind };
}

/** The classes of the workbench and of a webview's body in each theme the tests use. */
const THEME_KINDS = {
  'Default Light Modern': { workbench: 'vs', page: 'vscode-light' },
  'Default Dark Modern': { workbench: 'vs-dark', page: 'vscode-dark' },
  'Default High Contrast': { workbench: 'hc-black', page: 'vscode-high-contrast' },
};

const SECTIONS = ['This application, and earlier ones at Globex', 'What is likely to matter', 'Questions asked before', 'What to reread', 'Stories to have ready'];

// One window for the page's tests: it opens in the workbench's default theme here (Light Modern), and
// each other theme is switched to while the page is open, as a person switching themes would.
describe('the brief\'s page', function () {
  let wb;
  let folder;
  before(async () => {
    folder = tempFolder();
    copyDemo(root, folder);
    ({ wb } = await openBrief(folder));
  });
  afterEach(function () {
    return screenshotIfFailed(this.currentTest);
  });
  after(() => closeWorkbenches());

  it('shows the demo\'s next interview, readable, and "Record how it went" works from the keyboard', async () => {
    const kind = THEME_KINDS['Default Light Modern'].page;
    const shown = await readBrief(wb.page, kind);
    assert.equal(shown.title, 'Brief: Globex, Senior Platform Engineer');
    assert.deepEqual(shown.sections, SECTIONS);
    assert.equal(shown.likely[0], 'No load or capacity estimates in system design');
    assert.equal(shown.images, 0, 'no image is loaded, not even from the journal');
    assert.deepEqual(shown.scripts, ['brief.js'], 'the extension\'s one script');
    assert.ok(shown.text >= 4.5 && shown.muted >= 3 && shown.button >= 4.5, `readable in the light theme: ${JSON.stringify(shown)}`);
    // The README's picture: the page alone, wide and tall enough for the first sections.
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 15_000 });
    await wb.page.setViewportSize({ width: 900, height: 1130 });
    const frame = await briefFrame(wb.page, kind);
    await frame.locator('ol.likely').waitFor({ timeout: 15_000 });
    const images = process.env.DEBRIEF_UPDATE_SCREENSHOTS === '1' ? join(root, 'docs', 'images') : join(root, 'test-results');
    mkdirSync(images, { recursive: true });
    await wb.page.locator('.part.editor').screenshot({ path: join(images, 'brief.png') });
    // The keyboard reaches the button (Tab from the page's start), and Enter runs Add Round with the
    // round's type and date filled in: its first question is who interviewed.
    await frame.locator('body').focus();
    const record = frame.locator('button[data-action="record"]');
    await eventually(async () => {
      if (await record.evaluate((b) => b === document.activeElement)) return true;
      await wb.page.keyboard.press('Tab');
      return false;
    }, 15_000, 'Tab to reach "Record how it went"');
    await wb.page.keyboard.press('Enter');
    const title = wb.page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: 'Add Round (1/4)' }).waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Escape');
  });

  for (const theme of ['Default Dark Modern', 'Default High Contrast']) {
    it(`reads well in ${theme}`, async () => {
      setTheme(folder, theme);
      const kind = await inTheme(wb, theme);
      const shown = await readBrief(wb.page, kind);
      assert.deepEqual(shown.sections, SECTIONS);
      assert.ok(shown.text >= 4.5 && shown.muted >= 3, `text readable: ${JSON.stringify(shown)}`);
      // A button reads as one by its own colours, or (high contrast) by an outline against the page.
      assert.ok(shown.button >= 4.5 || shown.buttonOutline >= 3, `the button stands out: ${JSON.stringify(shown)}`);
    });
  }
});
