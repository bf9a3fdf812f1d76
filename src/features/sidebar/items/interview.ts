import * as vscode from 'vscode';
import type { Outcome } from '../../../core/model';
import { furthestStage } from '../../../core/progress/stages';
import { awaitingFeedback, lastActivity } from '../../../core/queries/sidebar';
import { plainTooltip } from '../../../ui/markdown';
import { blockingProblems, interviewOf, Node } from '../../../ui/record-nodes';
import { Collapsed, icon, openAt } from './common';

const OUTCOME_ICONS: Record<Outcome | 'unset', [string, string?]> = {
  pending: ['clock'],
  offer: ['star-full', 'charts.green'],
  accepted: ['pass-filled', 'charts.green'],
  // Rejections are muted: a normal part of the search, not an alarm.
  rejected: ['circle-slash', 'disabledForeground'],
  ghosted: ['eye-closed', 'disabledForeground'],
  withdrawn: ['debug-step-out', 'disabledForeground'],
  declined: ['close', 'disabledForeground'],
  'role-closed': ['lock', 'disabledForeground'],
  unset: ['circle-large-outline'],
};

/** An interview: company and role, outcome and date, whether feedback is awaited; a summary on hover. */
export function interviewItem(node: Extract<Node, { kind: 'interview' }>): vscode.TreeItem {
  const j = node.journal;
  const iv = interviewOf(node)!;
  const item = new vscode.TreeItem(`${iv.company}, ${iv.role}`, Collapsed);
  const waiting = awaitingFeedback(iv);
  // The date the group is sorted by: the last thing that happened (applied, a round, feedback).
  const last = lastActivity(iv);
  item.description = [iv.outcome ?? 'no outcome', last, waiting ? 'awaiting feedback' : undefined].filter(Boolean).join(' · ');
  const [id, color] = OUTCOME_ICONS[iv.outcome ?? 'unset'];
  item.iconPath = waiting ? icon('mail', 'charts.blue') : icon(id, color);
  item.contextValue = waiting ? 'interview.awaiting' : 'interview';
  item.resourceUri = j.uri(node.path);
  const problems = blockingProblems(j, node.path);
  if (problems.length) {
    // Being fixed: the record as it was before the problem, marked with the problem.
    const p = problems[0];
    item.description = `line ${p.range.start.line + 1}: ${p.message}`;
    item.iconPath = icon('error', 'list.errorForeground');
    item.contextValue = 'interview.problem';
    item.command = openAt(item.resourceUri, p.range, 'Go to Problem');
  }
  return item;
}

/** The summary shown on hover: the problems first, then the record. */
export function interviewTooltip(node: Extract<Node, { kind: 'interview' }>): vscode.MarkdownString | undefined {
  const j = node.journal;
  const iv = interviewOf(node);
  if (!iv) return undefined;
  const problems = blockingProblems(j, node.path);
  const last = lastActivity(iv);
  const waiting = awaitingFeedback(iv);
  return plainTooltip(
    ...problems.slice(0, 3).map((p) => `**Line ${p.range.start.line + 1}: ${p.message}**`),
    `**${iv.company}, ${iv.role}**`,
    `Outcome: ${iv.outcome ?? 'not set'} · furthest stage: ${furthestStage(iv)}${iv.applied ? ` · applied ${iv.applied}` : ''}${last && last !== iv.applied ? ` · last activity ${last}` : ''}`,
    iv.rounds.length > 0 && `Rounds: ${iv.rounds.map((r) => `${r.type ?? 'round'}${r.date ? ` (${r.date})` : ''}`).join(', ')}`,
    iv.feedback?.summary ? `Feedback: ${iv.feedback.summary}` : waiting && `Feedback asked on ${iv.feedback!.requested}, no reply yet.`,
    iv.weaknesses.length > 0 && `Surfaced: ${iv.weaknesses.map((c) => j.index.weakness(c.weakness)?.title ?? c.weakness).join('; ')}`,
    iv.notes,
  );
}
