import * as vscode from 'vscode';
import { allCharts, insightsModel, InsightsModel, RecordRef } from '../../core/insights';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import { pickJournal } from '../../ui/pickers';
import type { FromWebview, ToWebview } from '../../core/insights-protocol';

export const INSIGHTS_VIEW_TYPE = 'debrief.insights';
/** The folder whose journal the panel showed last (workspace state): a panel restored after a reload shows it again. */
const SHOWN_FOLDER_KEY = 'debrief.insights.folder';

function nonce(): string {
  // Web Crypto and btoa: in Node's extension host and in the browser's web worker alike.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}

/** Opens a record's file at its line. */
async function openRef(journal: Journal, ref: RecordRef, column?: vscode.ViewColumn): Promise<void> {
  const pos = new vscode.Position(ref.line, 0);
  await vscode.window.showTextDocument(journal.uri(ref.file), { selection: new vscode.Range(pos, pos), preview: true, viewColumn: column });
}

/** The Insights panels of this window: at most one, shown again rather than duplicated. */
export class InsightsPanels implements vscode.Disposable {
  private panel: InsightsPanel | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly services: Services) {}

  /** The open panel, if any. */
  get current(): InsightsPanel | undefined {
    return this.panel;
  }

  /** Shows the insights of a journal the user picks (the only one when there is one). */
  async show(): Promise<InsightsPanel | undefined> {
    const journal = await pickJournal(this.services, { title: 'Debrief: Show Insights', placeholder: 'Show the insights of which journal?', existing: true });
    if (!journal) return undefined;
    await this.context.workspaceState.update(SHOWN_FOLDER_KEY, journal.folder.uri.toString());
    if (this.panel) {
      this.panel.show(journal);
      return this.panel;
    }
    const webviewPanel = vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, 'Debrief Insights', vscode.ViewColumn.Active, {
      ...webviewOptions(this.context),
      enableFindWidget: true,
    });
    return this.adopt(webviewPanel, journal);
  }

  /**
   * Brings back a panel VS Code restored after a reload (its serializer calls this). It shows the journal
   * it showed before (in a multi-root workspace, the folder kept in the workspace state), else the first
   * that exists, without asking: nobody is there to answer while the window opens.
   */
  async revive(webviewPanel: vscode.WebviewPanel): Promise<InsightsPanel> {
    await this.services.store.ready;
    this.panel?.dispose();
    webviewPanel.webview.options = webviewOptions(this.context);
    const journals = this.services.store.journals();
    const shown = this.context.workspaceState.get<string>(SHOWN_FOLDER_KEY);
    return this.adopt(webviewPanel, journals.find((j) => j.folder.uri.toString() === shown) ?? journals.find((j) => j.exists) ?? journals[0]);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, journal: Journal | undefined): InsightsPanel {
    const panel = new InsightsPanel(webviewPanel, this.context, this.services, journal);
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

/** What the webview may do: run the extension's own script, load files from dist/webview and media only. */
function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/** One Insights webview panel, fed by the core's insights model, live. */
export class InsightsPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The model last sent to the webview. */
  model: InsightsModel | undefined;
  /** True once the webview's script has loaded and asked for the model. */
  webviewReady = false;

  constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly services: Services, private journal: Journal | undefined) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'debrief.svg');
    panel.webview.html = this.html(context);
    this.disposables.push(
      this.disposed,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      services.store.onDidChange((e) => {
        if (!this.journal || e.journal.folder.uri.toString() === this.journal.folder.uri.toString()) this.schedule();
      }),
      services.clock.onDidChange(() => this.post()),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.post();
      }),
    );
    // The model is ready at once; the webview asks for it again when its script has loaded.
    this.name();
    this.post();
  }

  /** Shows another journal (or the same one) and brings the panel to the front. */
  show(journal: Journal): void {
    this.journal = journal;
    this.name();
    this.panel.reveal();
    this.post();
  }

  /** The tab's title: with several journals in the workspace, it names the folder shown. */
  private name(): void {
    this.panel.title = this.journal && this.services.store.severalJournals ? `Debrief Insights: ${this.journal.folder.name}` : 'Debrief Insights';
  }

  private html(context: vscode.ExtensionContext): string {
    const webview = this.panel.webview;
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'insights.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'insights.css'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource}`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Debrief Insights</title>
</head>
<body>
<main id="root" aria-live="polite"><p>Reading the journal…</p></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.post(), 100);
  }

  /** Computes the model and sends it to the webview. */
  post(): void {
    clearTimeout(this.timer);
    const journal = this.journal ?? this.services.store.journals().find((j) => j.exists) ?? this.services.store.journals()[0];
    let message: ToWebview;
    if (!journal) {
      this.model = undefined;
      message = { type: 'empty', text: 'Open a folder and run "Debrief: Initialize Journal" to start a journal.' };
    } else {
      this.model = insightsModel(journal.index, this.services.clock.today());
      message = { type: 'model', model: this.model, folder: journal.folder.name };
    }
    void this.panel.webview.postMessage(message);
  }

  /** Opens the records behind one value of a chart. */
  async openRecords(chartId: string, series: number, index: number): Promise<void> {
    const journal = this.journal ?? this.services.store.journals().find((j) => j.exists);
    const chart = this.model ? allCharts(this.model).find((c) => c.id === chartId) : undefined;
    const refs: RecordRef[] = chart?.series[series]?.refs[index] ?? [];
    if (!journal || !chart || refs.length === 0) return;
    const ref = refs.length === 1 ? refs[0] : await this.services.prompter.pick(
      refs.map((r) => ({ label: r.label, description: r.detail, detail: `${r.file}:${r.line + 1}`, value: r })),
      { title: `${chart.title}: ${chart.labels[index]}${chart.series.length > 1 ? `, ${chart.series[series].label}` : ''}`, placeholder: 'Open which record?' },
    );
    if (!ref) return;
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await openRef(journal, ref, column);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m?.type === 'ready') {
      this.webviewReady = true;
      this.post();
    }
    else if (m?.type === 'open' && typeof m.chart === 'string' && Number.isInteger(m.series) && Number.isInteger(m.index)) {
      try {
        await this.openRecords(m.chart, m.series, m.index);
      } catch (e) {
        this.services.log.error(`opening the records behind ${m.chart} failed: ${e instanceof Error ? e.message : String(e)}`);
        void this.services.prompter.error('Debrief could not open that record. See the Debrief output for details.');
      }
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
