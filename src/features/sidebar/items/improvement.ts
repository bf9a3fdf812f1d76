import * as vscode from 'vscode';
import { isOverdue, itemStatus } from '../../../core/model';
import { plainTooltip } from '../../../ui/markdown';
import { itemOf, Node } from '../../../ui/record-nodes';
import { Expanded, icon, None } from './common';

const STATUS_ICONS: Record<string, string> = { todo: 'circle-large-outline', doing: 'play-circle', done: 'pass', dropped: 'circle-slash' };

/** An improvement item: status, due or done date, overdue marked; its notes below. */
export function improvementItem(node: Extract<Node, { kind: 'improvement' }>, today: string): vscode.TreeItem {
  const it = itemOf(node)!;
  const overdue = isOverdue(it, today);
  const item = new vscode.TreeItem(it.action, it.notes.length ? Expanded : None);
  const status = itemStatus(it);
  item.description = [status, it.due ? (overdue ? `overdue since ${it.due}` : `due ${it.due}`) : undefined, it.done ? `done ${it.done}` : undefined].filter(Boolean).join(' · ');
  item.iconPath = overdue ? icon('warning', 'list.warningForeground') : icon(STATUS_ICONS[status] ?? 'circle-large-outline', status === 'done' ? 'charts.green' : undefined);
  item.contextValue = overdue ? 'improvement.overdue' : 'improvement';
  if (it.doneWhen) item.tooltip = plainTooltip(`Done when: ${it.doneWhen}`);
  return item;
}
