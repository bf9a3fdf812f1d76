/** Messages between the brief's page (features/brief/panel.ts) and its script (webview/brief/main.ts): here, below both, so that each imports it. */

/** What the page keeps to be restored after a reload: which brief it shows. */
export interface BriefState {
  /** The workspace folder's URI, as a string. */
  folder: string;
  /** The interview's file, workspace-relative. */
  path: string;
  roundType?: string;
}

export type ToWebview = { type: 'brief'; html: string; state?: BriefState };

export type FromWebview =
  | { type: 'ready' }
  /** A button of the page: record how the round went, or save the brief as Markdown. */
  | { type: 'action'; action: string }
  /** A link of the page: open what `refs[ref]` names. */
  | { type: 'open'; ref: number };
