/** Conversions between the core's positions and the editor's (the editor's side of core/problems.ts ranges). */
import * as vscode from 'vscode';
import type { Range } from '../core/problems';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** An empty range at the start of `r`: where to put the cursor to show a record. */
export function startOf(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.start.line, r.start.character);
}
