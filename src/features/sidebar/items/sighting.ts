import * as vscode from 'vscode';
import { interviewDate } from '../../../core/model';
import { plainTooltip } from '../../../ui/markdown';
import { interviewOf, Node } from '../../../ui/record-nodes';
import { icon, None, openAt } from './common';

/** Evidence of a weakness: an interview that cited it; a click opens the citation. */
export function sightingItem(node: Extract<Node, { kind: 'sighting' }>): vscode.TreeItem {
  const iv = interviewOf(node);
  const c = iv?.weaknesses[node.index];
  const round = c?.round !== undefined ? iv?.rounds[c.round - 1] : undefined;
  const item = new vscode.TreeItem(iv ? `${iv.company}, ${iv.role}` : node.path, None);
  item.description = [round?.date ?? (iv && interviewDate(iv)), c?.round !== undefined ? `round ${c.round}` : undefined, c?.source].filter(Boolean).join(' · ');
  item.iconPath = icon('eye');
  item.contextValue = 'sighting';
  if (c?.quote) item.tooltip = plainTooltip(`“${c.quote}”`);
  item.command = openAt(node.journal.uri(node.path), c?.range, 'Open Evidence');
  return item;
}
