import * as vscode from 'vscode';
import { dueCount, dueWhere, reminders } from '../../core/reminders';
import { InternalCommandId, SettingId, ViewId } from '../../constants';
import type { Services } from '../../services/services';
import { settings } from '../../services/settings';
import { registerCommand } from '../../ui/command';
import type { DueItem } from '../../ui/due-item';

/** globalState key: the date of the last reminder notification (at most one a day). */
export const LAST_NOTIFIED_KEY = 'debrief.reminders.lastNotified';
/** globalState key: the reminders the last notification knew of (the next one tells only the others). */
export const NOTIFIED_REMINDERS_KEY = 'debrief.reminders.notified';

/** A reminder, told apart from every other in every journal. */
function keyOf(i: DueItem): string {
  return `${i.journal.folder.uri.toString()} ${i.reminder.key}`;
}

/** The row after a page of reminders, that lists more. */
interface MoreRow {
  more: number;
}

type DueRow = DueItem | MoreRow;

/** Reminders listed before a "more" row; each click on it lists this many more. */
export const DUE_PAGE = 100;

/** What a reminder's row shows: a refresh that would show the same rows is not sent to the window. */
function rowKey(i: DueItem, named: boolean): string {
  const r = i.reminder;
  return [i.journal.folder.uri.toString(), named ? i.journal.folder.name : '', r.kind, r.title, r.detail, r.overdueDays > 0, r.ref.file, r.ref.line, r.ref.label].join('\u0000');
}

/** The "Due" view, its badge, the status bar item and the daily notification. */
export class DueReminders implements vscode.TreeDataProvider<DueRow>, vscode.Disposable {
  private items: DueItem[] = [];
  /** Whether rows and messages name each item's workspace folder (several folders hold a journal). */
  private named = false;
  /** The rows as last listed, and how many reminders the list shows (a page until "more" is clicked). */
  private listedKeys = '';
  private page = DUE_PAGE;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<DueRow>;
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
      // A reading starts: what was due is not known until it ends.
      services.store.onDidLoad((e) => {
        if (e.kind === 'started') void this.refresh();
      }),
      registerCommand(services, { id: InternalCommandId.ShowMoreDue, execute: () => this.showMore() }),
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

  /**
   * Recomputes the list, badge and status bar, then notifies when due (at most once a day). While the
   * journal is read, nothing is listed or counted (a file not read yet may be due): the view says it
   * is reading (its welcome text), and the badge and the status bar wait.
   */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const today = this.services.clock.today();
    this.items = this.services.store.isLoading ? [] : this.services.store.journals().flatMap((journal) =>
      reminders(journal.index, today, { feedbackFollowUpDays: settings.feedbackFollowUpDays(journal.folder.uri), timeZone: this.services.clock.timeZone() }).map((reminder) => ({ journal, reminder })));
    this.named = this.services.store.severalJournals;
    // The window gets the list again only when what it shows changed (each row sent costs memory there).
    if (this.listedNow() !== this.listedKeys) this.changed.fire();
    // One count for the badge (the only one in the Debrief container: the activity bar adds up its
    // views' badges), the list, the status bar and the message.
    const count = dueCount(this.items.map((i) => i.reminder));
    const n = count.due;
    const summary = `${count.text}${this.where()}`;
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

  /** With several journals, where the things due are: " (2 in job-search, 1 in last-year)"; else nothing. */
  private where(): string {
    if (!this.named) return '';
    const places = this.services.store.existingJournals().map((j) => ({ name: j.folder.name, list: this.items.filter((i) => i.journal === j).map((i) => i.reminder) }));
    const text = dueWhere(places);
    return text ? ` (${text})` : '';
  }

  /** The workspace folder a row names, with several journals (undefined with one). */
  private folderOf(i: DueItem): string | undefined {
    return this.named ? i.journal.folder.name : undefined;
  }

  /**
   * The message of the day: at most one a day, and only when something is due that the last message
   * did not tell (a new reminder, or one back after a snooze); it names what is new.
   */
  private async notify(today: string, summary: string): Promise<void> {
    if (!this.items.length || !settings.remindersNotify()) return;
    // Not from a journal still being read: the count would be partial.
    if (this.services.store.isLoading) return;
    if (this.context.globalState.get<string>(LAST_NOTIFIED_KEY) === today) return;
    const told = new Set(this.context.globalState.get<string[]>(NOTIFIED_REMINDERS_KEY) ?? []);
    const keys = this.items.map(keyOf);
    const fresh = this.items.filter((_, i) => !told.has(keys[i]));
    if (!fresh.length) return;
    // Recorded (in memory at once, on disk soon) before the message shows, so that no refresh notifies twice.
    const recorded = Promise.all([this.context.globalState.update(LAST_NOTIFIED_KEY, today), this.context.globalState.update(NOTIFIED_REMINDERS_KEY, keys)]);
    const first = fresh[0];
    const folder = this.folderOf(first);
    const more = fresh.length > 1 ? ` and ${fresh.length - 1} more` : '';
    const news = fresh.length < this.items.length ? ` (${fresh.length} new)` : '';
    // Not awaited: the message waits for a click while the view keeps working.
    void this.services.prompter.notify(`Debrief: ${summary}${news}. ${first.reminder.title}${folder ? ` (${folder})` : ''}${more}.`, 'Show Due').then((show) => {
      if (show) void vscode.commands.executeCommand(`${ViewId.Due}.focus`);
    });
    await recorded;
  }

  /** The rows a listing would give now, as one string. */
  private listedNow(): string {
    const shown = this.items.slice(0, this.page).map((i) => rowKey(i, this.named));
    return [...shown, String(Math.max(0, this.items.length - this.page))].join('\n');
  }

  /** Lists another page of reminders. */
  showMore(): void {
    this.page += DUE_PAGE * 5;
    this.changed.fire();
  }

  getTreeItem(e: DueRow): vscode.TreeItem {
    if ('more' in e) {
      const item = new vscode.TreeItem(`Show more (${e.more.toLocaleString('en')} not listed)`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: InternalCommandId.ShowMoreDue, title: 'Show more' };
      item.accessibilityInformation = { label: `Show more reminders: ${e.more} not listed` };
      return item;
    }
    const r = e.reminder;
    const folder = this.folderOf(e);
    const item = new vscode.TreeItem(r.title, vscode.TreeItemCollapsibleState.None);
    // With several journals, the folder comes last: a narrow side bar cuts it before the detail.
    item.description = folder ? `${r.detail} · ${folder}` : r.detail;
    item.tooltip = new vscode.MarkdownString().appendText(`${folder ? `${folder}: ` : ''}${r.ref.label}\n\n${r.title}: ${r.detail}`);
    item.iconPath = new vscode.ThemeIcon(
      r.kind === 'interview' ? 'calendar' : r.kind === 'feedback-follow-up' ? 'mail' : r.kind === 'next-step' ? 'arrow-right' : r.overdueDays > 0 ? 'warning' : 'clock',
      r.overdueDays > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    // An interview of today or tomorrow, and a next step still ahead, offer "Prepare" (a brief for that interview).
    item.contextValue = r.kind === 'interview' || (r.kind === 'next-step' && r.overdueDays <= 0) ? `upcoming.${r.kind}` : r.kind;
    item.resourceUri = undefined;
    const uri = e.journal.uri(r.ref.file);
    const pos = new vscode.Position(r.ref.line, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(pos, pos), preview: true }] };
    item.accessibilityInformation = { label: `${r.title}, ${r.detail}${folder ? `, in ${folder}` : ''}` };
    return item;
  }

  getChildren(e?: DueRow): DueRow[] {
    if (e) return [];
    this.listedKeys = this.listedNow();
    const shown: DueRow[] = this.items.slice(0, this.page);
    return this.items.length > this.page ? [...shown, { more: this.items.length - this.page }] : shown;
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
