/**
 * The brief's page: the extension renders it (core/brief/html.ts, every journal string escaped) and
 * posts it again when the journal changes; this script only swaps it in, keeps which brief it shows
 * for a reload, and tells the extension which button was pressed (by mouse or keyboard).
 */
import type { BriefState, FromWebview, ToWebview } from '../../core/brief/protocol';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(state: BriefState): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

const initial = document.body.dataset.state;
if (initial) vscode.setState(JSON.parse(initial) as BriefState);

document.addEventListener('click', (e) => {
  const button = (e.target as Element | null)?.closest('button');
  if (!button) return;
  if (button.dataset.action) vscode.postMessage({ type: 'action', action: button.dataset.action });
  else if (button.dataset.open !== undefined) vscode.postMessage({ type: 'open', ref: Number(button.dataset.open) });
});

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m?.type !== 'brief') return;
  // Keep the keyboard where it was: the same button, found again by what it does.
  const focused = document.activeElement as HTMLElement | null;
  const key = focused?.dataset.action ? `[data-action="${focused.dataset.action}"]` : focused?.dataset.open ? `[data-open="${focused.dataset.open}"]` : undefined;
  root.innerHTML = m.html;
  if (key) (root.querySelector(key) as HTMLElement | null)?.focus();
  if (m.state) vscode.setState(m.state);
});

vscode.postMessage({ type: 'ready' });
