/* global document */ // frame.evaluate() callbacks run in the webview
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openWorkbench, tempFolder, closeWorkbenches, eventually, root } from './workbench.mjs';
import { copyDemo } from '../../scripts/lib/demo.mjs';

const require = createRequire(import.meta.url);
const { expectedInsights } = require(join(root, 'out', 'test', 'ui', 'insights-expected.js'));

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

/** What the webview shows: every chart's canvas size and table cells. */
function readPanel(frame) {
  return frame.evaluate(() => {
    const charts = {};
    for (const section of document.querySelectorAll('section[data-chart]')) {
      const canvas = section.querySelector('canvas');
      const rect = canvas?.getBoundingClientRect();
      const table = section.querySelector('table.numbers');
      charts[section.dataset.chart] = {
        canvas: canvas ? { width: rect.width, height: rect.height, pixels: canvas.width * canvas.height } : undefined,
        header: table ? [...table.querySelectorAll('thead th')].map((th) => th.textContent) : [],
        rows: table ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)) : [],
      };
    }
    return { charts, images: document.querySelectorAll('img').length };
  });
}

/** The table rows a chart model should produce. */
const rowsOf = (chart) => chart.labels.map((label, i) => [label, ...chart.series.map((s) => String(s.values[i]))]);

async function openInsights(folder) {
  const wb = await openWorkbench(folder);
  await wb.openDebrief();
  await wb.runCommand('Debrief: Show Insights');
  const frame = await insightsFrame(wb.page);
  return { wb, frame };
}

describe('Insights panel', function () {
  let wb;
  afterEach(function () {
    return closeWorkbenches(this.currentTest);
  });

  it('draws every chart of the demo journal and shows the same numbers in its tables', async () => {
    const folder = tempFolder();
    copyDemo(root, folder);
    let frame;
    ({ wb, frame } = await openInsights(folder));
    const expected = await expectedInsights(folder);
    const drawn = expected.charts.filter((c) => c.labels.length && c.series.length);
    assert.ok(drawn.length >= 5, 'the demo journal fills most charts');
    const shown = await eventually(async () => {
      const p = await readPanel(frame);
      return drawn.every((c) => p.charts[c.id]?.canvas?.pixels > 0) ? p : undefined;
    }, 30_000, 'every chart to draw');
    for (const c of drawn) {
      const got = shown.charts[c.id];
      assert.ok(got.canvas.width > 0 && got.canvas.height > 0, `${c.id} has an empty canvas`);
      assert.deepEqual(got.header, [c.labelHeader, ...c.series.map((s) => s.label)], `${c.id} table header`);
      assert.deepEqual(got.rows, rowsOf(c), `${c.id} table rows`);
    }
    const file = await wb.screenshot('insights');
    if (process.env.DEBRIEF_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      copyFileSync(file, join(root, 'docs', 'images', 'insights.png'));
    }
  });

  it('shows a company named like an HTML tag as text and never runs it', async () => {
    const folder = tempFolder();
    copyDemo(root, folder);
    const evil = '<img src=x onerror=alert(1)>';
    writeFileSync(join(folder, 'debrief', 'interviews', 'evil.yaml'), [
      'id: evil', `company: "${evil}"`, 'role: "<script>alert(2)</script>"', 'applied: 2025-03-01', 'outcome: rejected',
      'feedback:', '  requested: 2025-03-05', '  received: 2025-03-09', '',
    ].join('\n'));
    let frame;
    ({ wb, frame } = await openInsights(folder));
    const dialogs = [];
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const shown = await eventually(async () => {
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
