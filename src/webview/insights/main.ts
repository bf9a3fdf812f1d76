/**
 * The Insights webview: draws the model the extension posts, section by section in the order of its
 * questions, with Chart.js (bundled), in the colours of the current theme. Each series has a fixed
 * colour and a pattern from the model, so that it reads without telling colours apart. Every user
 * string goes through textContent; nothing is parsed as HTML.
 */
import {
  BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Legend, LinearScale, Plugin, Tooltip,
} from 'chart.js';
import type { ChartColour, ChartModel, ChartPattern, InsightSection, InsightsModel, SeriesStyle } from '../../core/insights';
import type { FromWebview, ToWebview } from '../../core/insights-protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

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
  background: string;
  highContrast: boolean;
  colour(c: ChartColour): string;
}

function theme(): Theme {
  const fg = cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#888'));
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    foreground: fg,
    grid: cssVar('--vscode-charts-lines', cssVar('--vscode-panel-border', fg)),
    background: cssVar('--vscode-editor-background', '#fff'),
    highContrast,
    colour: (c) => (c === 'grey' ? cssVar('--vscode-disabledForeground', cssVar('--vscode-descriptionForeground', fg)) : cssVar(`--vscode-charts-${c}`, fg)),
  };
}

/** A fill that carries the series' pattern in its colour, over the editor's background. */
function fill(style: SeriesStyle, t: Theme): string | CanvasPattern {
  const colour = t.colour(style.colour);
  if (style.pattern === 'solid') return colour;
  const size = 8;
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  if (!g) return colour;
  g.fillStyle = t.background;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = colour;
  g.fillStyle = colour;
  g.lineWidth = 2;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
  };
  const draw: Record<Exclude<ChartPattern, 'solid'>, () => void> = {
    dots: () => { g.beginPath(); g.arc(4, 4, 2, 0, 2 * Math.PI); g.fill(); },
    diagonal: () => { line(0, size, size, 0); line(-2, 2, 2, -2); line(size - 2, size + 2, size + 2, size - 2); },
    cross: () => { line(0, size, size, 0); line(0, 0, size, size); },
    horizontal: () => line(0, 4, size, 4),
    vertical: () => line(4, 0, 4, size),
    grid: () => { line(0, 4, size, 4); line(4, 0, 4, size); },
    zigzag: () => { g.beginPath(); g.moveTo(0, 6); g.lineTo(2, 2); g.lineTo(4, 6); g.lineTo(6, 2); g.lineTo(8, 6); g.stroke(); },
    outline: () => { g.fillStyle = t.background; g.fillRect(0, 0, size, size); },
  };
  draw[style.pattern]();
  return g.createPattern(c, 'repeat') ?? colour;
}

function open(chart: string, series: number, index: number): void {
  vscode.postMessage({ type: 'open', chart, series, index });
}

/** Dashed lines where improvement items were done, on a time line. */
const marksPlugin = (c: ChartModel, t: Theme): Plugin<'bar'> => ({
  id: 'debrief-marks',
  afterDatasetsDraw(chart) {
    const x = chart.scales.x;
    const area = chart.chartArea;
    const g = chart.ctx;
    for (const m of c.marks ?? []) {
      const px = x.getPixelForValue(m.index);
      g.save();
      g.strokeStyle = t.colour('green');
      g.lineWidth = 2;
      g.setLineDash([4, 3]);
      g.beginPath();
      g.moveTo(px, area.top);
      g.lineTo(px, area.bottom);
      g.stroke();
      g.fillStyle = t.colour('green');
      g.font = 'bold 11px sans-serif';
      g.fillText('✓', px + 3, area.top + 10);
      g.restore();
    }
  },
});

/** A long category label in lines of at most `width` characters, at most two, so that the axis never cuts it. */
function wrapLabel(label: string, width = 26): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  const second = lines.slice(1).join(' ');
  return [lines[0].length > width ? `${lines[0].slice(0, width - 1)}…` : lines[0], `${second.slice(0, width - 1)}…`];
}

function drawChart(c: ChartModel, canvas: HTMLCanvasElement, t: Theme): Chart {
  const horizontal = c.kind === 'hbar' || c.kind === 'funnel';
  const stacked = c.kind === 'stacked-bar';
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: c.labels,
      datasets: c.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: fill(s.style, t),
        borderColor: t.highContrast || s.style.pattern !== 'solid' ? (t.highContrast ? t.foreground : t.colour(s.style.colour)) : t.colour(s.style.colour),
        borderWidth: t.highContrast || s.style.pattern !== 'solid' ? 1.5 : 0,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: t.foreground,
      plugins: {
        legend: { display: c.series.length > 1, labels: { color: t.foreground } },
        tooltip: { enabled: true },
      },
      scales: {
        x: {
          stacked, ticks: { color: t.foreground, precision: 0 }, grid: { color: t.grid, display: horizontal },
          ...(horizontal && c.percent ? { min: 0, max: 100 } : horizontal ? { beginAtZero: true } : {}),
        },
        y: {
          stacked, grid: { color: t.grid, display: !horizontal },
          ticks: horizontal
            ? { color: t.foreground, autoSkip: false, callback: (_v, i) => wrapLabel(c.labels[i] ?? '') }
            : { color: t.foreground, precision: 0 },
          ...(!horizontal && c.percent ? { min: 0, max: 100 } : !horizontal ? { beginAtZero: true } : {}),
        },
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
    plugins: c.marks?.length ? [marksPlugin(c, t)] : [],
  };
  return new Chart(canvas, config);
}

/** The table of the same numbers: rows are labels, columns are series (then extra columns); a number opens its records. */
function chartTable(c: ChartModel): HTMLTableElement {
  const table = el('table', undefined, 'numbers');
  table.dataset.chart = c.id;
  table.append(el('caption', `${c.title} (table)`, 'visually-hidden'));
  const head = el('thead');
  const hr = el('tr');
  hr.append(el('th', c.labelHeader));
  for (const s of c.series) hr.append(el('th', s.label));
  for (const col of c.columns ?? []) hr.append(el('th', col.header));
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
    for (const col of c.columns ?? []) tr.append(el('td', col.values[i] ?? ''));
    body.append(tr);
  });
  table.append(head, body);
  return table;
}

/** The series of a chart in words: their names, colours and patterns (the legend for a screen reader). */
function seriesWords(c: ChartModel): string {
  return c.series.map((s) => `${s.label} (${s.style.colour}${s.style.pattern === 'solid' ? '' : `, ${s.style.pattern}`})`).join('; ');
}

function chartCard(c: ChartModel, pending: [ChartModel, HTMLCanvasElement][], small: boolean, alone: boolean): HTMLElement {
  const card = el('div', undefined, small ? 'card small' : alone || c.kind === 'stacked-bar' ? 'card wide' : 'card');
  card.dataset.chart = c.id;
  const title = el('h3', c.title);
  title.id = `title-${c.id}`;
  card.append(title, el('p', c.description, 'description'));
  if (!c.labels.length || !c.series.length) {
    card.append(el('p', c.emptyText, 'empty'));
    return card;
  }
  const box = el('div', undefined, small ? 'chart small' : c.kind === 'hbar' || c.kind === 'funnel' ? `chart rows-${Math.min(c.labels.length, 12)}` : 'chart');
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${c.title}: chart of ${seriesWords(c)}; the same numbers are in the table below.`);
  canvas.dataset.series = JSON.stringify(c.series.map((s) => ({ label: s.label, colour: s.style.colour, pattern: s.style.pattern })));
  box.append(canvas);
  card.append(box);
  if (c.marks?.length) {
    const marks = el('ul', undefined, 'marks');
    for (const m of c.marks) marks.append(el('li', `✓ ${c.labels[m.index]}: ${m.label}`));
    card.append(marks);
  }
  const details = el('details');
  details.open = !small;
  const scroll = el('div', undefined, 'table-scroll');
  scroll.append(chartTable(c));
  details.append(el('summary', 'Numbers'), scroll);
  card.append(details);
  pending.push([c, canvas]);
  return card;
}

function sectionElement(s: InsightSection, pending: [ChartModel, HTMLCanvasElement][]): HTMLElement {
  const section = el('section', undefined, 'question');
  section.dataset.section = s.id;
  const h = el('h2', s.question);
  h.id = `q-${s.id}`;
  section.setAttribute('aria-labelledby', h.id);
  section.append(h, el('p', s.answer, 'answer'));
  const grid = el('div', undefined, s.id === 'paying-off' ? 'grid multiples' : 'grid');
  for (const c of s.charts) grid.append(chartCard(c, pending, s.id === 'paying-off', s.charts.length === 1));
  if (!s.charts.length) grid.append(el('p', 'Nothing to show yet.', 'empty'));
  section.append(grid);
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
  header.append(el('p', `${model.interviews} interview${model.interviews === 1 ? '' : 's'} in ${last.folder}/${model.journalFolder}, as of ${model.today}. Click a bar or a number to open the records behind it.`, 'description'));
  root.append(header);
  const t = theme();
  const pending: [ChartModel, HTMLCanvasElement][] = [];
  for (const s of model.sections) root.append(sectionElement(s, pending));
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
