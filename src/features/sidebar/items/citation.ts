import * as vscode from 'vscode';
import { plainTooltip } from '../../../ui/markdown';
import { interviewOf, Node } from '../../../ui/record-nodes';
import { icon, None, openAt } from './common';

/** A weakness an interview surfaced: its title, the round and who said it; the quote on hover. */
export function citationItem(node: Extract<Node, { kind: 'citation' }>): vscode.TreeItem {
  const c = interviewOf(node)!.weaknesses[node.index];
  const w = node.journal.index.weakness(c.weakness);
  const item = new vscode.TreeItem(w?.title ?? c.weakness, None);
  item.description = [c.round !== undefined ? `round ${c.round}` : undefined, c.source].filter(Boolean).join(' · ');
  item.iconPath = icon('debug-breakpoint-log-unverified');
  item.contextValue = 'citation';
  if (c.quote) item.tooltip = plainTooltip(`“${c.quote}”`);
  item.command = openAt(node.journal.uri(node.path), c.range);
  return item;
}
