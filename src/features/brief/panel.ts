import * as vscode from 'vscode';
import { CommandId } from '../../constants';
import type { Brief } from '../../core/brief/brief';
import { briefHtml, BriefPage, PAGE_ACTIONS } from '../../core/brief/html';
import { briefMarkdown } from '../../core/brief/markdown';
import { prepareBrief } from '../../core/brief/prepare';
import { applicationName } from '../../core/brief/words';
import { isWebLink } from '../../core/links';
import { ROUND_TYPES, RoundType } from '../../core/model';
import { escapeHtml } from '../../core/text/html';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import type { RoundArgs } from '../../ui/record-nodes';
import type { BriefState, FromWebview, ToWebview } from '../../core/brief/protocol';

export const BRIEF_VIEW_TYPE = 'debrief.brief';

/** What a brief is of: an interview's file in a journal, and the round type chosen when none is scheduled. */
export interface BriefTarget {
  journal: Journal;
  path: string;
  roundType?: RoundType;
}

function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the page may do: run the extension's own script, load files from dist/webview and media only. */
function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/** The brief's page of this window: one, showing the interview last prepared. */
export class BriefPanels implements vscode.Disposable {
  private panel: BriefPanel | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly services: Services) {}

  get current(): BriefPanel | undefined {
    return this.panel;
  }

  /** Shows the brief of `target`, in the open page or a new one. */
  show(target: BriefTarget): BriefPanel {
    if (this.panel) {
      this.panel.show(target);
      return this.panel;
    }
    const webviewPanel = vscode.window.createWebviewPanel(BRIEF_VIEW_TYPE, 'Debrief Brief', vscode.ViewColumn.Active, { ...webviewOptions(this.context), enableFindWidget: true });
    return this.adopt(webviewPanel, target);
  }

  /** Brings back a page VS Code restored after a reload, showing the brief it showed (kept in its state). */
  async revive(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<BriefPanel> {
    await this.services.store.ready;
    this.panel?.dispose();
    webviewPanel.webview.options = webviewOptions(this.context);
    const s = state as Partial<BriefState> | undefined;
    const journal = this.services.store.journals().find((j) => j.folder.uri.toString() === s?.folder) ?? this.services.store.journals()[0];
    const roundType = ROUND_TYPES.find((t) => t === s?.roundType);
    return this.adopt(webviewPanel, journal && typeof s?.path === 'string' ? { journal, path: s.path, roundType } : undefined);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, target: BriefTarget | undefined): BriefPanel {
    const panel = new BriefPanel(webviewPanel, this.context, this.services, target);
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** One brief page, kept up to date as the journal changes. */
export class BriefPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after each render of the page (tests wait on it). */
  readonly onDidUpdate = this.updated.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** The brief shown, and its page. */
  brief: Brief | undefined;
  page: BriefPage | undefined;
  /** True once the page's script has loaded. */
  webviewReady = false;

  constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext, private readonly services: Services, private target: BriefTarget | undefined) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'debrief.svg');
    this.render('<p class="empty">Preparing the brief…</p>');
    this.disposables.push(
      this.disposed, this.updated,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      services.store.onDidChange((e) => {
        if (this.target && e.journal.folder.uri.toString() === this.target.journal.folder.uri.toString()) this.schedule();
      }),
      services.clock.onDidChange(() => void this.update()),
    );
    void this.update();
  }

  /** Shows the brief of another interview (or the same one again) and brings the page to the front. */
  show(target: BriefTarget): void {
    this.target = target;
    this.panel.reveal();
    void this.update();
  }

  private state(): BriefState | undefined {
    const t = this.target;
    return t && { folder: t.journal.folder.uri.toString(), path: t.path, roundType: t.roundType };
  }

  /** The whole page, with `body` in it: the theme's colours, the extension's stylesheet and script only. */
  private render(body: string): void {
    const webview = this.panel.webview;
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', 'brief.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'brief.css'));
    const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${n}'`].join('; ');
    const state = this.state();
    webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Debrief Brief</title>
</head>
<body${state ? ` data-state="${escapeHtml(JSON.stringify(state))}"` : ''}>
<main id="root">${body}</main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 100);
  }

  /** Builds the brief of the target (its notes read) and shows it; the latest call wins. */
  async update(): Promise<void> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const t = this.target;
    const interview = t?.journal.index.interviewAt(t.path);
    let body: string;
    if (!t || !interview) {
      this.brief = undefined;
      this.page = undefined;
      body = `<p class="empty">${escapeHtml(t ? `The interview of ${t.path} is no longer in the journal. Run "Debrief: Prepare for Interview" to prepare another one.` : 'Run "Debrief: Prepare for Interview" to prepare a brief.')}</p>`;
    } else {
      try {
        const brief = await prepareBrief(t.journal.index, t.journal.fs, interview, this.services.clock.today(), { roundType: t.roundType, timeZone: this.services.clock.timeZone() });
        if (generation !== this.generation) return;
        this.brief = brief;
        this.page = briefHtml(brief);
        this.panel.title = `Brief: ${applicationName(brief.interview)}`;
        body = this.page.html;
      } catch (e) {
        if (generation !== this.generation) return;
        this.services.log.error(`preparing the brief of ${t.path} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        body = '<p class="empty">Debrief could not prepare this brief. See the Debrief output for details.</p>';
      }
    }
    if (this.webviewReady) {
      const message: ToWebview = { type: 'brief', html: body, state: this.state() };
      void this.panel.webview.postMessage(message);
    } else this.render(body);
    this.updated.fire();
  }

  /** "Record how it went": Add Round for the interview, with the coming round's type and date filled in. */
  async recordHowItWent(): Promise<unknown> {
    const b = this.brief;
    if (!b || !this.target) return undefined;
    const args: RoundArgs = { interview: this.target.journal.uri(b.interview.file), type: b.next.roundType, date: b.next.date, round: b.next.round };
    return vscode.commands.executeCommand(CommandId.AddRound, args);
  }

  /** "Save as Markdown": to a file the user picks. Returns where it was written. */
  async saveAsMarkdown(): Promise<vscode.Uri | undefined> {
    const b = this.brief;
    const t = this.target;
    if (!b || !t) return undefined;
    const { prompter } = this.services;
    const suggested = vscode.Uri.joinPath(t.journal.folder.uri, `brief-${b.interview.id}-${b.today}.md`);
    const target = await prompter.saveLocation({ title: 'Debrief: Save the Brief as Markdown', defaultUri: suggested, filters: { Markdown: ['md'] }, saveLabel: 'Save' });
    if (!target) return undefined;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(briefMarkdown(b)));
    } catch (e) {
      void prompter.error(`Debrief could not write ${vscode.workspace.asRelativePath(target)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    void prompter.notify(`Debrief saved the brief to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((open) => {
      if (open === 'Open') return vscode.window.showTextDocument(target);
      return undefined;
    });
    return target;
  }

  /** Opens what a link of the page names: a file beside the page, a meeting link (http or https only) in the browser. */
  async open(ref: number): Promise<void> {
    const r = this.page?.refs[ref];
    if (!r || !this.target) return;
    if ('url' in r) {
      if (isWebLink(r.url)) await vscode.env.openExternal(vscode.Uri.parse(r.url, true));
      return;
    }
    const pos = new vscode.Position(r.line, 0);
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(this.target.journal.uri(r.file), { selection: new vscode.Range(pos, pos), preview: true, viewColumn: column });
  }

  private async onMessage(m: FromWebview): Promise<void> {
    try {
      if (m?.type === 'ready') {
        this.webviewReady = true;
        await this.update();
      } else if (m?.type === 'action' && m.action === PAGE_ACTIONS.record) await this.recordHowItWent();
      else if (m?.type === 'action' && m.action === PAGE_ACTIONS.save) await this.saveAsMarkdown();
      else if (m?.type === 'open' && Number.isInteger(m.ref)) await this.open(m.ref);
    } catch (e) {
      this.services.log.error(`the brief's ${m?.type} failed: ${e instanceof Error ? e.message : String(e)}`);
      void this.services.prompter.error('Debrief could not do that. See the Debrief output for details.');
    }
  }

  private disposing = false;

  dispose(): void {
    if (this.disposing) return;
    this.disposing = true;
    clearTimeout(this.timer);
    this.disposed.fire();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
