import * as vscode from 'vscode';
import type { Weakness } from '../../../core/model';
import { plainTooltip } from '../../../ui/markdown';
import type { BrokenState, Node } from '../../../ui/record-nodes';
import { icon, None, openAt } from './common';

/**
 * A part of weaknesses.yaml that does not read, in place among the weaknesses: the weakness as last
 * read (else the id written on its lines, or the lines of the part), marked with its one problem; on
 * hover the problem and how to fix it, a click goes there. The other weaknesses read on.
 */
export function brokenWeaknessItem(node: Extract<Node, { kind: 'brokenWeakness' }>, state: BrokenState<Weakness> | undefined): vscode.TreeItem {
  const path = node.journal.index.weaknessesPath;
  const file = path.slice(path.lastIndexOf('/') + 1);
  const w = state?.lastRead;
  const p = state?.problem;
  const lines = state ? (state.range.start.line === state.range.end.line ? `line ${state.range.start.line + 1}` : `lines ${state.range.start.line + 1}-${state.range.end.line + 1}`) : '';
  // Never read: named by the id written on its lines, else by where it is.
  const item = new vscode.TreeItem(w?.title ?? (state?.id ? `${state.id} (${lines})` : `${file}, ${lines}`), None);
  item.description = p ? `line ${p.range.start.line + 1}: ${p.message}` : 'does not read';
  item.iconPath = icon('error', 'list.errorForeground');
  item.contextValue = 'problem.weakness';
  item.tooltip = plainTooltip(
    w ? `**${w.title}** does not read; shown as last read.` : `**${state?.id ? `The weakness ${state.id} (${path}, ${lines})` : `${path}, ${lines},`} does not read.**`,
    p && `Line ${p.range.start.line + 1}, column ${p.range.start.character + 1}: ${p.message}`,
    w && `${w.id} · ${w.category ?? 'no category'} · ${w.status ?? 'no status'}`,
    'The other weaknesses read on. Debrief changes this file again once it is fixed.',
  );
  if (p) item.command = openAt(node.journal.weaknessesUri, p.range, 'Go to Problem');
  return item;
}
