import * as vscode from 'vscode';
import { insightsModel, InsightsModel, RecordRef } from '../../core/insights';
import type { Services } from '../../services';
import type { Journal } from '../../services/journal-store';
import type { FromWebview, ToWebview } from './protocol';
import { openRef, seams } from './seams';
import { pickJournal } from '../../services/pick-journal';
import { clock, onDidChangeClock } from '../../services/clock';

export const INSIGHTS_VIEW_TYPE = 'debrief.insights';

function nonce(): string {
  const bytes = new Uint8Array(18);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

/** The Insights webview panel: one per window, fed by the core's insights model, live. */
export class InsightsPanel implements vscode.Disposable {
  private static current: InsightsPanel | undefined;
  /** What was last sent to the webview (a test seam). */
  static lastMessage: ToWebview | undefined;
  static posted = 0;
  /** How many times a webview script said it had loaded (a test seam). */
  static readies = 0;

  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private model: InsightsModel | undefined;

  static async show(context: vscode.ExtensionContext, services: Services): Promise<InsightsPanel | undefined> {
    const journal = await pickJournal(services.store, { title: 'Debrief: Show Insights', placeholder: 'Show the insights of which journal?', existing: true });
    if (!journal && services.store.journals().length > 1) return undefined;
    if (InsightsPanel.current) {
      InsightsPanel.current.journal = journal;
      InsightsPanel.current.panel.reveal();
      InsightsPanel.current.post();
      return InsightsPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, 'Debrief Insights', vscode.ViewColumn.Active, {
      ...InsightsPanel.options(context),
      enableFindWidget: true,
    });
    InsightsPanel.current = new InsightsPanel(panel, context, services, journal);
    return InsightsPanel.current;
  }

  /** What the webview may do: run the extension's own script, load files from dist/webview and media only. */
  static options(context: vscode.ExtensionContext): vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    };
  }

  /**
   * Brings back a panel VS Code restored after a reload (its serializer calls this). It shows the first
   * journal that exists, without asking: nobody is there to answer while the window opens.
   */
  static async revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services): Promise<InsightsPanel> {
    await services.store.ready;
    InsightsPanel.current?.dispose();
    panel.webview.options = InsightsPanel.options(context);
    const journals = services.store.journals();
    const journal = journals.find((j) => j.exists) ?? journals[0];
    InsightsPanel.current = new InsightsPanel(panel, context, services, journal);
    return InsightsPanel.current;
  }

  static get open(): InsightsPanel | undefined {
    return InsightsPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly services: Services, private journal: Journal | undefined) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'debrief.svg');
    panel.webview.html = this.html(context);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      services.store.onDidChange((e) => {
        if (!this.journal || e.journal.folder.uri.toString() === this.journal.folder.uri.toString()) this.schedule();
      }),
      onDidChangeClock(() => this.post()),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.post();
      }),
    );
    context.subscriptions.push(this);
    // The model is ready at once; the webview asks for it again when its script has loaded.
    this.post();
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
      this.model = insightsModel(journal.index, clock.today());
      message = { type: 'model', model: this.model, folder: journal.folder.name };
    }
    InsightsPanel.lastMessage = message;
    InsightsPanel.posted++;
    void this.panel.webview.postMessage(message);
  }

  /** Opens the records behind one value of a chart. */
  async openRecords(chartId: string, series: number, index: number): Promise<void> {
    const journal = this.journal ?? this.services.store.journals().find((j) => j.exists);
    const chart = this.model?.charts.find((c) => c.id === chartId);
    const refs: RecordRef[] = chart?.series[series]?.refs[index] ?? [];
    if (!journal || !chart || refs.length === 0) return;
    const ref = refs.length === 1 ? refs[0] : await seams.prompter.pickRecord(refs, `${chart.title}: ${chart.labels[index]}${chart.series.length > 1 ? `, ${chart.series[series].label}` : ''}`);
    if (!ref) return;
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await openRef(journal, ref, column);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m?.type === 'ready') {
      InsightsPanel.readies++;
      this.post();
    }
    else if (m?.type === 'open' && typeof m.chart === 'string' && Number.isInteger(m.series) && Number.isInteger(m.index)) {
      try {
        await this.openRecords(m.chart, m.series, m.index);
      } catch (e) {
        this.services.log.error(`opening the records behind ${m.chart} failed: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage('Debrief could not open that record. See the Debrief output for details.');
      }
    }
  }

  dispose(): void {
    if (InsightsPanel.current === this) {
      InsightsPanel.current = undefined;
      InsightsPanel.lastMessage = undefined;
    }
    clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
