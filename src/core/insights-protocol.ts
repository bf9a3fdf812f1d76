/** Messages between the Insights panel (features/insights/panel.ts) and its webview (webview/insights/main.ts): here, below both, so that each imports it. */
import type { InsightsModel } from './insights';

export type ToWebview = { type: 'model'; model: InsightsModel; folder: string } | { type: 'empty'; text: string };

export type FromWebview =
  | { type: 'ready' }
  /** A bar, point or table cell was chosen: open the records behind series `series`, label `index` of chart `chart`. */
  | { type: 'open'; chart: string; series: number; index: number };
