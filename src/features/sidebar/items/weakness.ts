import * as vscode from 'vscode';
import { trendText } from '../../../core/queries/sidebar';
import type { WeaknessStats } from '../../../core/stats';
import { plainTooltip } from '../../../ui/markdown';
import { Node, weaknessOf } from '../../../ui/record-nodes';
import { Collapsed, icon } from './common';

const STATUS_ICONS: Record<string, string> = { suspected: 'question', confirmed: 'target', improving: 'graph-line', resolved: 'check' };

/** A weakness: how often it surfaced and its trend, its status; the facts on hover. */
export function weaknessItem(node: Extract<Node, { kind: 'weakness' }>, stats: WeaknessStats | undefined): vscode.TreeItem {
  const w = weaknessOf(node)!;
  const item = new vscode.TreeItem(w.title, Collapsed);
  item.description = `${trendText(stats)}${w.status ? ` · ${w.status}` : ''}`;
  item.iconPath = icon(STATUS_ICONS[w.status ?? 'suspected'] ?? 'question', w.status === 'resolved' ? 'charts.green' : undefined);
  item.contextValue = 'weakness';
  item.tooltip = plainTooltip(
    `**${w.title}**`,
    `${w.id} · ${w.category ?? 'no category'} · ${w.status ?? 'no status'}`,
    w.description,
    !!stats?.sightings && `Seen ${stats.sightings} time(s) in ${stats.interviews} interview(s), last on ${stats.lastSeen ?? 'an undated interview'}.${stats.resurfacedAfterDone ? ' It came back after improvement items were done.' : ''}`,
  );
  return item;
}
