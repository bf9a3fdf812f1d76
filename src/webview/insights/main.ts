/**
 * The Insights webview: draws the model the extension posts, with Chart.js (bundled), in the colours
 * of the current theme. Every user string goes through textContent; nothing is parsed as HTML.
 */
import {
  BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import type { ChartModel, InsightsModel, WeaknessInsight } from '../../core/insights';
import type { FromWebview, ToWebview } from '../../features/insights/protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const charts: Chart[] = [];
let last: ToWebview | undefined;

/** An element with text content only. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

interface Theme {
  foreground: string;
  grid: string;
  palette: string[];
  highContrast: boolean;
}

function theme(): Theme {
  const fg = cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#888'));
  const palette = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c) => cssVar(`--vscode-charts-${c}`, fg));
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return { foreground: fg, grid: cssVar('--vscode-charts-lines', cssVar('--vscode-panel-border', fg)), palette, highContrast };
}

function open(chart: string, series: number, index: number): void {
  vscode.postMessage({ type: 'open', chart, series, index });
}

function drawChart(c: ChartModel, canvas: HTMLCanvasElement, t: Theme): Chart {
  const stacked = c.kind === 'stacked-bar';
  const line = c.kind === 'line';
  const config: ChartConfiguration = {
    type: line ? 'line' : 'bar',
    data: {
      labels: c.labels,
      datasets: c.series.map((s, i) => {
        const colour = t.palette[(c.series.length === 1 && c.id === 'improvements' ? 0 : i) % t.palette.length];
        return {
          label: s.label,
          data: s.values,
          backgroundColor: colour,
          borderColor: t.highContrast ? t.foreground : colour,
          borderWidth: t.highContrast ? 2 : line ? 2 : 0,
          pointRadius: line ? 4 : undefined,
          pointHoverRadius: line ? 6 : undefined,
          tension: 0,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: t.foreground,
      plugins: {
        legend: { display: c.series.length > 1, labels: { color: t.foreground } },
        tooltip: { enabled: true },
      },
      scales: {
        x: { stacked, ticks: { color: t.foreground }, grid: { color: t.grid, display: line } },
        y: { stacked, beginAtZero: true, ticks: { color: t.foreground, precision: 0 }, grid: { color: t.grid } },
      },
      onClick: (_e, elements) => {
        const hit = elements[0];
        if (hit) open(c.id, hit.datasetIndex, hit.index);
      },
      onHover: (e, elements) => {
        const target = e.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  };
  return new Chart(canvas, config);
}

/** The table of the same numbers: rows are labels, columns are series; a number opens its records. */
function chartTable(c: ChartModel): HTMLTableElement {
  const table = el('table', undefined, 'numbers');
  table.dataset.chart = c.id;
  table.append(el('caption', `${c.title} (table)`, 'visually-hidden'));
  const head = el('thead');
  const hr = el('tr');
  hr.append(el('th', c.labelHeader));
  for (const s of c.series) hr.append(el('th', s.label));
  head.append(hr);
  const body = el('tbody');
  c.labels.forEach((label, i) => {
    const tr = el('tr');
    const th = el('th', label);
    th.scope = 'row';
    tr.append(th);
    c.series.forEach((s, si) => {
      const td = el('td');
      const value = String(s.values[i]);
      if (s.refs[i]?.length) {
        const b = el('button', value, 'link');
        b.type = 'button';
        b.title = s.refs[i].map((r) => r.label).join('\n');
        b.setAttribute('aria-label', `${value}: open ${s.refs[i].length} record${s.refs[i].length === 1 ? '' : 's'} behind ${label}${c.series.length > 1 ? `, ${s.label}` : ''}`);
        b.addEventListener('click', () => open(c.id, si, i));
        td.append(b);
      } else td.textContent = value;
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(head, body);
  return table;
}

function weaknessTable(list: WeaknessInsight[]): HTMLElement {
  const section = el('section', undefined, 'card wide');
  section.append(el('h2', 'Did the work pay off?'));
  section.append(el('p', 'Each weakness: how often it surfaced, and how often before and after its last improvement item was done. Seen in a single interview, it is a hypothesis to confirm, not yet a pattern.', 'description'));
  if (!list.length) {
    section.append(el('p', 'No weakness named yet.', 'empty'));
    return section;
  }
  const table = el('table', undefined, 'numbers');
  table.dataset.chart = 'weakness-summary';
  const hr = el('tr');
  for (const h of ['Weakness', 'Sightings', 'Interviews', 'Seen', 'Before work done', 'After', 'Verdict']) hr.append(el('th', h));
  const head = el('thead');
  head.append(hr);
  const body = el('tbody');
  for (const w of list) {
    const tr = el('tr');
    const th = el('th', w.title || w.id);
    th.scope = 'row';
    tr.append(th, el('td', String(w.sightings)), el('td', String(w.interviews)));
    const kind = el('td');
    kind.append(el('span', w.kind === 'hypothesis' ? 'hypothesis' : w.kind === 'pattern' ? 'pattern' : 'not yet', `tag ${w.kind}`));
    tr.append(kind, el('td', String(w.before)), el('td', w.lastDone ? String(w.after) : '-'), el('td', w.verdict));
    body.append(tr);
  }
  table.append(head, body);
  section.append(table);
  return section;
}

function render(): void {
  for (const c of charts.splice(0)) c.destroy();
  root.replaceChildren();
  if (!last) return;
  if (last.type === 'empty') {
    root.append(el('p', last.text, 'empty'));
    return;
  }
  const model: InsightsModel = last.model;
  const header = el('header');
  header.append(el('h1', 'Debrief Insights'));
  header.append(el('p', `${model.interviews} interview${model.interviews === 1 ? '' : 's'} in ${last.folder}/${model.journalFolder}, as of ${model.today}. Click a bar, a point or a number to open the records behind it.`, 'description'));
  root.append(header);
  const grid = el('div', undefined, 'grid');
  const t = theme();
  const pending: [ChartModel, HTMLCanvasElement][] = [];
  for (const c of model.charts) {
    const section = el('section', undefined, c.kind === 'line' || c.id === 'outcomes' ? 'card wide' : 'card');
    section.dataset.chart = c.id;
    const title = el('h2', c.title);
    title.id = `title-${c.id}`;
    section.append(title, el('p', c.description, 'description'));
    if (!c.labels.length || !c.series.length) {
      section.append(el('p', c.emptyText, 'empty'));
    } else {
      const box = el('div', undefined, 'chart');
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${c.title}: chart; the same numbers are in the table below.`);
      box.append(canvas);
      const details = el('details');
      details.open = true;
      details.append(el('summary', 'Numbers'), chartTable(c));
      section.append(box, details);
      pending.push([c, canvas]);
    }
    grid.append(section);
  }
  grid.append(weaknessTable(model.weaknesses));
  root.append(grid);
  for (const [c, canvas] of pending) charts.push(drawChart(c, canvas, t));
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m && (m.type === 'model' || m.type === 'empty')) {
    last = m;
    render();
  }
});

// Theme changes switch the body class and the CSS variables: redraw with the new colours.
const redraw = new MutationObserver(() => render());
redraw.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
redraw.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

vscode.postMessage({ type: 'ready' });
