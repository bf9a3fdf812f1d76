/** Markdown for hovers and tooltips made of journal text, escaped by the core's one escaper. */
import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/text/markdown';

/** A Markdown tooltip made of paragraphs of plain text; `**` around a paragraph makes it bold. */
export function plainTooltip(...paragraphs: (string | undefined | false)[]): vscode.MarkdownString {
  const m = new vscode.MarkdownString();
  m.supportThemeIcons = true;
  for (const p of paragraphs) {
    if (!p) continue;
    const bold = p.length > 4 && p.startsWith('**') && p.endsWith('**');
    m.appendMarkdown((bold ? `**${escapeMarkdown(p.slice(2, -2), 'line')}**` : escapeMarkdown(p, 'line')) + '\n\n');
  }
  return m;
}
