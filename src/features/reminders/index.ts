import * as vscode from 'vscode';
import { reminders, Reminder } from '../../core/reminders';
import { SettingId, ViewId } from '../../constants';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import { settings } from '../../services/settings';

/** globalState key: the date of the last reminder notification (at most one a day). */
export const LAST_NOTIFIED_KEY = 'debrief.reminders.lastNotified';

interface DueItem {
  journal: Journal;
  reminder: Reminder;
}

/** The "Due" view, its badge, the status bar item and the daily notification. */
export class DueReminders implements vscode.TreeDataProvider<DueItem>, vscode.Disposable {
  private items: DueItem[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<DueItem>;
  readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the status bar item is shown. */
  statusShown = false;

  constructor(private readonly context: vscode.ExtensionContext, private readonly services: Services) {
    this.view = vscode.window.createTreeView(ViewId.Due, { treeDataProvider: this });
    this.status = vscode.window.createStatusBarItem('debrief.due', vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'Debrief: Due';
    this.status.command = `${ViewId.Due}.focus`;
    const hourly = setInterval(() => void this.refresh(), 60 * 60 * 1000);
    this.disposables.push(
      this.view, this.status, this.changed,
      { dispose: () => clearInterval(hourly) },
      services.store.onDidChange(() => this.schedule()),
      services.clock.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingId.FeedbackFollowUpDays) || e.affectsConfiguration(SettingId.RemindersNotify)) this.schedule();
      }),
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 100);
  }

  /** The reminders now shown. */
  get reminders(): readonly DueItem[] {
    return this.items;
  }

  /** Recomputes the list, badge and status bar, then notifies when due (at most once a day). */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const today = this.services.clock.today();
    this.items = this.services.store.journals().flatMap((journal) =>
      reminders(journal.index, today, { feedbackFollowUpDays: settings.feedbackFollowUpDays(journal.folder.uri) }).map((reminder) => ({ journal, reminder })));
    this.changed.fire();
    const n = this.items.length;
    const overdue = this.items.filter((i) => i.reminder.overdueDays > 0).length;
    const summary = `${n} thing${n === 1 ? '' : 's'} due${overdue ? `, ${overdue} overdue` : ''}`;
    this.view.badge = n ? { value: n, tooltip: `Debrief: ${summary}` } : undefined;
    if (n) {
      this.status.text = `$(bell) ${n}`;
      this.status.tooltip = `Debrief: ${summary}. Click to see them.`;
      this.status.accessibilityInformation = { label: `Debrief: ${summary}`, role: 'button' };
      this.status.show();
    } else this.status.hide();
    this.statusShown = n > 0;
    await this.notify(today, summary);
  }

  private async notify(today: string, summary: string): Promise<void> {
    if (!this.items.length || !settings.remindersNotify()) return;
    // Not from a journal still being read: the count would be partial.
    if (this.services.store.isLoading) return;
    if (this.context.globalState.get<string>(LAST_NOTIFIED_KEY) === today) return;
    // Recorded (in memory at once, on disk soon) before the message shows, so that no refresh notifies twice.
    const recorded = this.context.globalState.update(LAST_NOTIFIED_KEY, today);
    const first = this.items[0].reminder;
    const more = this.items.length > 1 ? ` and ${this.items.length - 1} more` : '';
    // Not awaited: the message waits for a click while the view keeps working.
    void this.services.prompter.notify(`Debrief: ${summary}. ${first.title}${more}.`, 'Show Due').then((show) => {
      if (show) void vscode.commands.executeCommand(`${ViewId.Due}.focus`);
    });
    await recorded;
  }

  getTreeItem(e: DueItem): vscode.TreeItem {
    const r = e.reminder;
    const item = new vscode.TreeItem(r.title, vscode.TreeItemCollapsibleState.None);
    item.description = r.detail;
    item.tooltip = new vscode.MarkdownString().appendText(`${r.ref.label}\n\n${r.title}: ${r.detail}`);
    item.iconPath = new vscode.ThemeIcon(
      r.kind === 'feedback-follow-up' ? 'mail' : r.kind === 'next-step' ? 'arrow-right' : r.overdueDays > 0 ? 'warning' : 'clock',
      r.overdueDays > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.contextValue = r.kind;
    item.resourceUri = undefined;
    const uri = e.journal.uri(r.ref.file);
    const pos = new vscode.Position(r.ref.line, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(pos, pos), preview: true }] };
    item.accessibilityInformation = { label: `${r.title}, ${r.detail}` };
    return item;
  }

  getChildren(e?: DueItem): DueItem[] {
    return e ? [] : this.items;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function activate(context: vscode.ExtensionContext, services: Services): DueReminders {
  const due = new DueReminders(context, services);
  context.subscriptions.push(due);
  void services.store.ready.then(() => due.refresh());
  return due;
}
