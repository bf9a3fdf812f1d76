import * as vscode from 'vscode';
import { blockingProblems, locationOf, Node } from '../../../ui/record-nodes';
import { plainTooltip } from '../../../ui/markdown';
import { icon, None, openAt } from './common';

/** A journal file that cannot be shown: its first problem, and a click that goes there. */
export function problemItem(node: Extract<Node, { kind: 'problem' }>): vscode.TreeItem {
  const { journal, path } = node;
  const problems = blockingProblems(journal, path);
  const first = problems[0];
  const item = new vscode.TreeItem(path.slice(path.lastIndexOf('/') + 1), None);
  item.description = first ? `line ${first.range.start.line + 1}: ${first.message}` : 'cannot be read';
  item.iconPath = icon('error', 'list.errorForeground');
  item.contextValue = 'problem';
  item.resourceUri = journal.uri(path);
  item.tooltip = plainTooltip(
    `**${path} cannot be shown until it is fixed:**`,
    ...problems.slice(0, 5).map((p) => `Line ${p.range.start.line + 1}, column ${p.range.start.character + 1}: ${p.message}`),
    problems.length > 5 && `… and ${problems.length - 5} more (see the Problems panel).`,
  );
  const loc = locationOf(node);
  if (loc) item.command = openAt(loc.uri, loc.range, 'Go to Problem');
  return item;
}
