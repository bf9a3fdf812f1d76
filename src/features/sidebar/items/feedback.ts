import * as vscode from 'vscode';
import type { Feedback } from '../../../core/model';
import { followUpOf } from '../../../core/reminders';
import { plainTooltip } from '../../../ui/markdown';
import { interviewOf, Node } from '../../../ui/record-nodes';
import { icon, None, openAt } from './common';

/** What became of the reminders to follow up, as written in the journal. */
function reminding(fb: Feedback): string {
  const f = followUpOf(fb);
  return f.state === 'dismissed' ? ` · reminders dismissed ${f.on}` : f.state === 'snoozed' ? ` · snoozed until ${f.until}` : '';
}

/** The feedback of an interview: not asked yet, asked and awaited, or answered (with the summary). */
export function feedbackItem(node: Extract<Node, { kind: 'feedback' }>): vscode.TreeItem {
  const fb = interviewOf(node)?.feedback;
  const item = new vscode.TreeItem('Feedback', None);
  item.description = fb?.received ? `answered ${fb.received}${fb.summary ? `: ${fb.summary}` : ''}` : fb?.requested ? `asked ${fb.requested} · awaiting reply${reminding(fb)}` : 'not asked yet';
  item.iconPath = icon(fb?.received ? 'comment-discussion' : fb?.requested ? 'mail' : 'comment');
  item.contextValue = fb?.received ? 'feedback.answered' : fb?.requested ? 'feedback.asked' : 'feedback.none';
  if (fb?.summary || fb?.quotes.length) item.tooltip = plainTooltip(fb.summary, ...fb.quotes.map((q) => `“${q}”`));
  if (fb) item.command = openAt(node.journal.uri(node.path), fb.range);
  return item;
}
