import * as vscode from 'vscode';
import type { Outcome } from '../../../core/model';
import { awaitingFeedback, interviewDate } from '../../../core/queries/sidebar';
import { plainTooltip } from '../../../ui/markdown';
import { interviewOf, Node } from '../../../ui/record-nodes';
import { Collapsed, icon } from './common';

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
  item.description = [iv.outcome ?? 'no outcome', interviewDate(iv), waiting ? 'awaiting feedback' : undefined].filter(Boolean).join(' · ');
  const [id, color] = OUTCOME_ICONS[iv.outcome ?? 'unset'];
  item.iconPath = waiting ? icon('mail', 'charts.blue') : icon(id, color);
  item.contextValue = waiting ? 'interview.awaiting' : 'interview';
  item.resourceUri = j.uri(node.path);
  item.tooltip = plainTooltip(
    `**${iv.company}, ${iv.role}**`,
    `Outcome: ${iv.outcome ?? 'not set'}${iv.stage ? ` · furthest stage: ${iv.stage}` : ''}${iv.applied ? ` · applied ${iv.applied}` : ''}`,
    iv.rounds.length > 0 && `Rounds: ${iv.rounds.map((r) => `${r.type ?? 'round'}${r.date ? ` (${r.date})` : ''}`).join(', ')}`,
    iv.feedback?.summary ? `Feedback: ${iv.feedback.summary}` : waiting && `Feedback asked on ${iv.feedback!.requested}, no reply yet.`,
    iv.weaknesses.length > 0 && `Surfaced: ${iv.weaknesses.map((c) => j.index.weakness(c.weakness)?.title ?? c.weakness).join('; ')}`,
    iv.notes,
  );
  return item;
}
