/* global document, getComputedStyle */ // frame.evaluate() callbacks run in the webview
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, root, screenshotIfFailed } from './workbench.mjs';
import { copyDemo } from '../../scripts/lib/demo.mjs';

const require = createRequire(import.meta.url);
const { expectedInsights, allCharts, OUTCOME_STYLES } = require(join(root, 'out', 'test', 'ui', 'insights-expected.js'));

/** The frame of the Insights webview (inside the workbench's webview iframe). */
async function insightsFrame(page) {
  return eventually(async () => {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => document.querySelector('h1')?.textContent === 'Debrief Insights').catch(() => false);
      if (found) return frame;
    }
    return undefined;
  }, 60_000, 'the Insights webview');
}

/**
 * What the webview shows: its sections in order, and for every chart the canvas, the series it says it
 * draws (name, colour, pattern), how many pixels of each series' colour the canvas holds, and the table.
 */
function readPanel(frame) {
  return frame.evaluate(() => {
    // The colour a theme colour name paints on this page, as RGB over the editor background.
    const probe = document.createElement('canvas');
    probe.width = probe.height = 1;
    const pg = probe.getContext('2d', { willReadFrequently: true });
    const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || getComputedStyle(document.body).getPropertyValue(name).trim();
    const rgbOf = (colour) => {
      const fg = css('--vscode-charts-foreground') || css('--vscode-foreground') || '#888';
      const value = colour === 'background' ? css('--vscode-editor-background') || '#fff' : colour === 'neutral' ? fg : colour === 'grey' ? css('--vscode-disabledForeground') || css('--vscode-descriptionForeground') || fg : css(`--vscode-charts-${colour}`) || fg;
      pg.fillStyle = css('--vscode-editor-background') || '#fff';
      pg.fillRect(0, 0, 1, 1);
      pg.fillStyle = value;
      pg.fillRect(0, 0, 1, 1);
      return [...pg.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const sections = [...document.querySelectorAll('section[data-section]')].map((s) => ({
      id: s.dataset.section, question: s.querySelector('h2')?.textContent, answer: s.querySelector('p.answer')?.textContent,
    }));
    const charts = {};
    for (const card of document.querySelectorAll('.card[data-chart]')) {
      const canvas = card.querySelector('canvas');
      const rect = canvas?.getBoundingClientRect();
      const table = card.querySelector('table.numbers');
      const series = canvas ? JSON.parse(canvas.dataset.series ?? '[]') : [];
      const pixels = {};
      if (canvas && canvas.width && canvas.height) {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        // The canvas is transparent where nothing is drawn: see each pixel over the page's background.
        const bg = rgbOf('background');
        for (const s of series) {
          const [r, g, b] = rgbOf(s.colour);
          let n = 0;
          for (let i = 0; i < data.length; i += 4) {
            const a = data[i + 3] / 255;
            if (a < 0.05) continue;
            const over = (k) => data[i + k] * a + bg[k] * (1 - a);
            if (Math.abs(over(0) - r) + Math.abs(over(1) - g) + Math.abs(over(2) - b) <= 24) n++;
          }
          pixels[s.label] = n;
        }
      }
      charts[card.dataset.chart] = {
        canvas: canvas ? { width: rect.width, height: rect.height, pixels: canvas.width * canvas.height } : undefined,
        series, pixels,
        empty: card.querySelector('p.empty')?.textContent,
        header: table ? [...table.querySelectorAll('thead th')].map((th) => th.textContent) : [],
        rows: table ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)) : [],
      };
    }
    return { sections, charts, images: document.querySelectorAll('img').length };
  });
}

/** The table rows a chart model should produce: label, one value per series, then the extra columns. */
const rowsOf = (chart) => chart.labels.map((label, i) => [label, ...chart.series.map((s) => String(s.values[i])), ...(chart.columns ?? []).map((c) => c.values[i] ?? '')]);

async function openInsights(folder) {
  const wb = await openWorkbench(folder);
  await wb.openDebrief();
  await wb.runCommand('Debrief: Show Insights');
  const frame = await insightsFrame(wb.page);
  return { wb, frame };
}

// One window for the panel's tests: the second adds an interview to the journal the panel shows.
describe('Insights panel', function () {
  let wb;
  let frame;
  let folder;
  before(async () => {
    folder = tempFolder();
    copyDemo(root, folder);
    ({ wb, frame } = await openInsights(folder));
  });
  afterEach(function () {
    return screenshotIfFailed(this.currentTest);
  });
  after(() => closeWorkbenches());

  it('answers its questions in order, draws every chart and series, in the outcome colours, with the numbers of the core', async () => {
    const expected = await expectedInsights(folder);
    const charts = allCharts(expected);
    const drawn = charts.filter((c) => c.labels.length && c.series.length);
    assert.ok(drawn.length >= 8, 'the demo journal fills most charts');
    const shown = await eventually(async () => {
      const p = await readPanel(frame);
      return drawn.every((c) => p.charts[c.id]?.canvas?.pixels > 0) ? p : undefined;
    }, 30_000, 'every chart to draw');
    // The questions, in order, each with the answer the core gives.
    assert.deepEqual(shown.sections, expected.sections.map((s) => ({ id: s.id, question: s.question, answer: s.answer })));
    assert.deepEqual(Object.keys(shown.charts).sort(), charts.map((c) => c.id).sort(), 'one card per chart of the model');
    for (const c of charts.filter((x) => !drawn.includes(x))) assert.equal(shown.charts[c.id].empty, c.emptyText, `${c.id} says why it is empty`);
    for (const c of drawn) {
      const got = shown.charts[c.id];
      assert.ok(got.canvas.width > 0 && got.canvas.height > 0, `${c.id} has an empty canvas`);
      assert.deepEqual(got.series, c.series.map((s) => ({ label: s.label, colour: s.style.colour, pattern: s.style.pattern })), `${c.id} series and styles`);
      assert.deepEqual(got.header, [c.labelHeader, ...c.series.map((s) => s.label), ...(c.columns ?? []).map((x) => x.header)], `${c.id} table header`);
      assert.deepEqual(got.rows, rowsOf(c), `${c.id} table rows`);
      // No series hides behind another: every series with a value paints pixels of its own colour.
      for (const s of c.series) if (s.values.some((v) => v > 0)) assert.ok(got.pixels[s.label] >= 4, `${c.id}: "${s.label}" is visible (${got.pixels[s.label]} pixels of ${s.style.colour})`);
    }
    // Every outcome has its one colour and pattern: green for offers, red for rejections.
    const outcomes = shown.charts.outcomes.series;
    assert.ok(outcomes.length >= 4, 'the demo has several outcomes');
    for (const s of outcomes) {
      const style = OUTCOME_STYLES[s.label === 'no outcome' ? 'unset' : s.label];
      assert.deepEqual({ colour: s.colour, pattern: s.pattern }, style, `${s.label} drawn in its own style`);
    }
    assert.equal(OUTCOME_STYLES.offer.colour, 'green');
    assert.equal(OUTCOME_STYLES.rejected.colour, 'red');
    const file = await wb.screenshot('insights');
    if (process.env.DEBRIEF_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      copyFileSync(file, join(root, 'docs', 'images', 'insights.png'));
    }
  });

  it('shows a company named like an HTML tag as text and never runs it', async () => {
    const dialogs = [];
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Written while the panel is open: it follows the journal.
    const evil = '<img src=x onerror=alert(1)>';
    writeFileSync(join(folder, 'debrief', 'interviews', 'evil.yaml'), [
      'id: evil', `company: "${evil}"`, 'role: "<script>alert(2)</script>"', 'applied: 2025-03-01', 'outcome: rejected',
      'feedback:', '  requested: 2025-03-05', '  received: 2025-03-09', '',
    ].join('\n'));
    // (The panel's frame is looked for again each time, in case the webview drew a new one.)
    const shown = await eventually(async () => {
      frame = await insightsFrame(wb.page);
      const p = await readPanel(frame);
      return p.charts['reply-days']?.rows.some((r) => r[0] === evil) ? p : undefined;
    }, 30_000, 'the company in the reply-days table');
    assert.equal(shown.images, 0, 'no img element was created from the data');
    const page = await frame.evaluate(() => ({
      html: document.body.innerHTML,
      scripts: [...document.scripts].map((s) => ({ src: s.src.split('/').pop(), text: s.textContent })),
    }));
    assert.ok(!page.html.includes('<img') && !page.html.includes('<script>alert'), 'the names are escaped text in the document');
    assert.ok(page.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(page.scripts.some((s) => s.src === 'insights.js'));
    assert.ok(page.scripts.every((s) => !s.text.includes('alert(')), 'no script was made from the data');
    assert.deepEqual(dialogs, []);
  });
});
