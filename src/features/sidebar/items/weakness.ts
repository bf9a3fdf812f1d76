import * as vscode from 'vscode';
import type { Problem } from '../../../core/problems';
import type { WeaknessProgress } from '../../../core/progress/weaknesses';
import { plainTooltip } from '../../../ui/markdown';
import { Node, weaknessOf } from '../../../ui/record-nodes';
import { Collapsed, icon } from './common';

const STATUS_ICONS: Record<string, string> = { suspected: 'question', confirmed: 'target', improving: 'graph-line', resolved: 'check' };

/**
 * A weakness: its evidence and trend, its status; on hover, whether the work paid off. A weakness with
 * an error in its values (`problems`: the errors of its file) is marked, the error first on hover.
 */
export function weaknessItem(node: Extract<Node, { kind: 'weakness' }>, p: WeaknessProgress | undefined, problems: readonly Problem[]): vscode.TreeItem {
  const w = weaknessOf(node)!;
  const own = problems.filter((x) => w.range.start.line <= x.range.start.line && x.range.start.line <= w.range.end.line);
  const item = new vscode.TreeItem(w.title, Collapsed);
  const count = p && p.sightings ? `${p.interviews}× · ` : '';
  item.description = `${count}${p?.trendText ?? 'not seen yet'}${w.status ? ` · ${w.status}` : ''}`;
  item.iconPath = icon(STATUS_ICONS[w.status ?? 'suspected'] ?? 'question', w.status === 'resolved' ? 'charts.green' : undefined);
  item.contextValue = 'weakness';
  if (own.length) item.iconPath = icon('error', 'list.errorForeground');
  item.tooltip = plainTooltip(
    ...own.slice(0, 3).map((x) => `**Line ${x.range.start.line + 1}: ${x.message}**`),
    `**${w.title}**`,
    `${w.id} · ${w.category ?? 'no category'} · ${w.status ?? 'no status'}`,
    w.description,
    !!p?.sightings && `${p.evidence === 'hypothesis' ? 'A hypothesis: seen in one interview' : `A pattern: seen in ${p.interviews} interviews`}, last on ${p.lastSeen ?? 'an undated interview'}; ${p.trendText}.`,
    p && p.sightings > 0 && p.verdictText,
  );
  return item;
}
