import * as vscode from 'vscode';
import type { WeaknessProgress } from '../../../core/progress/weaknesses';
import { plainTooltip } from '../../../ui/markdown';
import { Node, weaknessOf } from '../../../ui/record-nodes';
import { Collapsed, icon } from './common';

const STATUS_ICONS: Record<string, string> = { suspected: 'question', confirmed: 'target', improving: 'graph-line', resolved: 'check' };

/** A weakness: its evidence and trend, its status; on hover, whether the work paid off. */
export function weaknessItem(node: Extract<Node, { kind: 'weakness' }>, p: WeaknessProgress | undefined): vscode.TreeItem {
  const w = weaknessOf(node)!;
  const item = new vscode.TreeItem(w.title, Collapsed);
  const count = p && p.sightings ? `${p.interviews}× · ` : '';
  item.description = `${count}${p?.trendText ?? 'not seen yet'}${w.status ? ` · ${w.status}` : ''}`;
  item.iconPath = icon(STATUS_ICONS[w.status ?? 'suspected'] ?? 'question', w.status === 'resolved' ? 'charts.green' : undefined);
  item.contextValue = 'weakness';
  item.tooltip = plainTooltip(
    `**${w.title}**`,
    `${w.id} · ${w.category ?? 'no category'} · ${w.status ?? 'no status'}`,
    w.description,
    !!p?.sightings && `${p.evidence === 'hypothesis' ? 'A hypothesis: seen in one interview' : `A pattern: seen in ${p.interviews} interviews`}, last on ${p.lastSeen ?? 'an undated interview'}; ${p.trendText}.`,
    p && p.sightings > 0 && p.verdictText,
  );
  return item;
}
