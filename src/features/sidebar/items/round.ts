import * as vscode from 'vscode';
import { plainTooltip } from '../../../ui/markdown';
import { interviewOf, Node } from '../../../ui/record-nodes';
import { icon, None, openAt } from './common';

/** A round of an interview: type, date, rating, interviewers; what went well or badly on hover. */
export function roundItem(node: Extract<Node, { kind: 'round' }>): vscode.TreeItem {
  const r = interviewOf(node)!.rounds[node.index - 1];
  const item = new vscode.TreeItem(`Round ${r.index}: ${r.type ?? 'unknown type'}`, None);
  item.description = [r.date, r.rating !== undefined ? `rated ${r.rating}/5` : undefined, r.interviewers.length ? r.interviewers.join(', ') : undefined].filter(Boolean).join(' · ');
  item.iconPath = icon('debug-stackframe-dot');
  item.contextValue = 'round';
  const tip = plainTooltip(r.wentWell && `Went well: ${r.wentWell}`, r.wentBadly && `Went badly: ${r.wentBadly}`, r.questions.length > 0 && `Questions: ${r.questions.join('; ')}`);
  item.tooltip = tip.value ? tip : undefined;
  item.command = openAt(node.journal.uri(node.path), r.range);
  return item;
}
