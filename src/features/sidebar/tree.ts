/** Tree data providers for the Interviews and Weaknesses views: thin views over the live journal index. */
import * as vscode from 'vscode';
import { clock } from '../../services/clock';
import { CommandId } from '../../constants';
import { Outcome } from '../../core/model';
import { Range } from '../../core/problems';
import { awaitingFeedback, Filter, groupInterviews, groupKeyOf, groupLabel, GroupBy, InterviewGroup, interviewDate, isEmptyFilter, matchesInterview, matchesWeakness, orderWeaknesses, trendText } from '../../core/queries/sidebar';
import type { Journal, JournalChange, JournalStore } from '../../services/journal-store';
import { toRange } from '../../services/journal-editor';
import { blockingProblems, interviewOf, itemOf, locationOf, Node, weaknessOf } from './nodes';
import { isOverdue } from '../../core/model';
import { journalStats } from '../../core/stats';

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
const WEAKNESS_ICONS: Record<string, string> = { suspected: 'question', confirmed: 'target', improving: 'graph-line', resolved: 'check' };
const ITEM_ICONS: Record<string, string> = { todo: 'circle-large-outline', doing: 'play-circle', done: 'pass', dropped: 'circle-slash' };

function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function openAt(uri: vscode.Uri, range: Range | undefined, title = 'Open'): vscode.Command {
  const options: vscode.TextDocumentShowOptions = range ? { selection: toRange({ start: range.start, end: range.start }), preview: true } : { preview: true };
  return { command: 'vscode.open', title, arguments: [uri, options] };
}

/** Escapes Markdown so that record text shows as written. */
function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&').replace(/\r?\n/g, '  \n');
}

/** A Markdown tooltip made of paragraphs of plain text; `**` around a paragraph makes it bold. */
function tooltip(...paragraphs: (string | undefined | false)[]): vscode.MarkdownString {
  const m = md();
  for (const p of paragraphs) if (p) m.appendMarkdown((p.startsWith('**') && p.endsWith('**') ? `**${esc(p.slice(2, -2))}**` : esc(p)) + '\n\n');
  return m;
}

function md(): vscode.MarkdownString {
  const m = new vscode.MarkdownString();
  m.supportThemeIcons = true;
  return m;
}

abstract class JournalTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** What was refreshed since the last `takeRefreshes()`: node ids, or `*` for the whole view, and the store change that caused it. */
  private refreshed: { id: string; cause?: string[] }[] = [];
  /** The paths of the store change being applied, if any. */
  protected cause: string[] | undefined;

  protected readonly changed = {
    fire: (node: Node | undefined): void => {
      this.refreshed.push({ id: node ? node.id : '*', cause: this.cause });
      if (this.refreshed.length > 200) this.refreshed.splice(0, 100);
      this.emitter.fire(node);
    },
  };

  takeRefreshes(): { id: string; cause?: string[] }[] {
    return this.refreshed.splice(0);
  }
  protected nodes = new Map<string, Node>();
  filter: Filter | undefined;

  constructor(protected readonly store: JournalStore) {}

  /** The journals worth showing: those with files. With none, the view is empty and its welcome text shows. */
  protected journals(): Journal[] {
    return this.store.journals().filter((j) => j.exists);
  }

  protected multi(): boolean {
    return this.journals().length > 1;
  }

  /** The one node object for an id, so that reveal and partial refreshes find it again. */
  protected node<N extends Node>(n: N): N {
    const known = this.nodes.get(n.id) as N | undefined;
    if (known && known.journal === n.journal) return known;
    this.nodes.set(n.id, n);
    return n;
  }

  protected key(journal: Journal, ...parts: (string | number)[]): string {
    return [journal.folder.uri.toString(), ...parts].join('|');
  }

  folderNode(journal: Journal): Node {
    return this.node({ kind: 'folder', id: this.key(journal, 'folder'), journal });
  }

  problemNode(journal: Journal, path: string): Node {
    return this.node({ kind: 'problem', id: this.key(journal, 'problem', path), journal, path });
  }

  refresh(): void {
    this.nodes.clear();
    this.changed.fire(undefined);
  }

  getChildren(element?: Node): Node[] {
    if (!element) {
      const journals = this.journals();
      if (journals.length > 1) return journals.map((j) => this.folderNode(j));
      return journals.length ? this.journalChildren(journals[0]) : [];
    }
    if (element.kind === 'folder') return this.journalChildren(element.journal);
    return this.childrenOf(element);
  }

  protected abstract journalChildren(journal: Journal): Node[];
  protected abstract childrenOf(element: Node): Node[];
  abstract getParent(element: Node): Node | undefined;
  protected abstract itemOf(element: Node): vscode.TreeItem;

  getTreeItem(element: Node): vscode.TreeItem {
    if (element.kind === 'folder') {
      const item = new vscode.TreeItem(element.journal.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = icon('root-folder');
      item.contextValue = 'folder';
      item.id = element.id;
      return item;
    }
    if (element.kind === 'problem') return this.problemItem(element);
    const item = this.itemOf(element);
    item.id = element.id;
    return item;
  }

  protected problemItem(node: Extract<Node, { kind: 'problem' }>): vscode.TreeItem {
    const { journal, path } = node;
    const problems = blockingProblems(journal, path);
    const first = problems[0];
    const item = new vscode.TreeItem(path.slice(path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = first ? `line ${first.range.start.line + 1}: ${first.message}` : 'cannot be read';
    item.iconPath = icon('error', 'list.errorForeground');
    item.contextValue = 'problem';
    item.resourceUri = journal.uri(path);
    item.tooltip = tooltip(
      `**${path} cannot be shown until it is fixed:**`,
      ...problems.slice(0, 5).map((p) => `Line ${p.range.start.line + 1}, column ${p.range.start.character + 1}: ${p.message}`),
      problems.length > 5 && `… and ${problems.length - 5} more (see the Problems panel).`,
    );
    const loc = locationOf(node);
    if (loc) item.command = openAt(loc.uri, loc.range, 'Go to Problem');
    return item;
  }

  protected parentOfTop(journal: Journal): Node | undefined {
    return this.multi() ? this.folderNode(journal) : undefined;
  }
}

export class InterviewsTree extends JournalTree {
  groupBy: GroupBy = 'outcome';
  /** What each interview file showed as at the last listing: `problem`, or its group and whether the filter matched. */
  private readonly shown = new Map<string, string>();

  private interviewNode(journal: Journal, path: string): Node {
    return this.node({ kind: 'interview', id: this.key(journal, 'interview', path), journal, path });
  }

  groupNode(journal: Journal, key: string): Node {
    return this.node({ kind: 'group', id: this.key(journal, 'group', key), journal, key });
  }

  private stateOf(journal: Journal, path: string): string {
    const iv = journal.index.interviewAt(path);
    if (!journal.index.kindOf(path)) return 'none';
    if (!iv || blockingProblems(journal, path).length) return 'problem';
    return `${groupKeyOf(iv, this.groupBy)}|${!this.filter || matchesInterview(this.filter, iv, journal.index)}`;
  }

  private problemPaths(journal: Journal): string[] {
    return journal.index.files().filter((p) => journal.index.kindOf(p) === 'interview' && this.stateOf(journal, p) === 'problem').sort();
  }

  private grouped?: { journal: Journal; version: number; groupBy: GroupBy; filter?: Filter; groups: InterviewGroup[] };

  /** The groups of the interviews shown (readable and matching the filter), computed once per index version. */
  private groups(journal: Journal): InterviewGroup[] {
    const c = this.grouped;
    if (c && c.journal === journal && c.version === journal.index.version && c.groupBy === this.groupBy && c.filter === this.filter) return c.groups;
    const f = this.filter;
    const shown = journal.index.interviews().filter((iv) => !blockingProblems(journal, iv.file).length && (!f || matchesInterview(f, iv, journal.index)));
    const groups = groupInterviews(shown, this.groupBy);
    this.grouped = { journal, version: journal.index.version, groupBy: this.groupBy, filter: f, groups };
    return groups;
  }

  protected journalChildren(journal: Journal): Node[] {
    for (const j of this.listed) if (!this.store.journals().includes(j)) this.listed.delete(j);
    this.listed.add(journal);
    for (const p of journal.index.files()) if (journal.index.kindOf(p) === 'interview') this.shown.set(this.key(journal, p), this.stateOf(journal, p));
    const problems = this.problemPaths(journal).map((p) => this.problemNode(journal, p));
    const groups = this.groups(journal).map((g) => this.groupNode(journal, g.key));
    return [...problems, ...groups];
  }

  protected childrenOf(element: Node): Node[] {
    const j = element.journal;
    switch (element.kind) {
      case 'group': {
        const group = this.groups(j).find((g) => g.key === element.key);
        return (group?.interviews ?? []).map((iv) => this.interviewNode(j, iv.file));
      }
      case 'interview': {
        const iv = interviewOf(element);
        if (!iv) return [];
        return [
          ...iv.rounds.map((r) => this.node({ kind: 'round', id: this.key(j, 'round', element.path, r.index), journal: j, path: element.path, index: r.index })),
          this.node({ kind: 'feedback', id: this.key(j, 'feedback', element.path), journal: j, path: element.path }),
          ...iv.weaknesses.map((c) => this.node({ kind: 'citation', id: this.key(j, 'citation', element.path, c.index), journal: j, path: element.path, index: c.index })),
        ];
      }
      default:
        return [];
    }
  }

  getParent(element: Node): Node | undefined {
    switch (element.kind) {
      case 'folder':
        return undefined;
      case 'problem':
      case 'group':
        return this.parentOfTop(element.journal);
      case 'interview': {
        const iv = interviewOf(element);
        return iv ? this.groupNode(element.journal, groupKeyOf(iv, this.groupBy)) : this.parentOfTop(element.journal);
      }
      case 'round':
      case 'feedback':
      case 'citation':
        return this.interviewNode(element.journal, element.path);
      default:
        return undefined;
    }
  }

  /** The node to reveal for a journal file, when this view shows it. */
  nodeForFile(journal: Journal, path: string): Node | undefined {
    const state = this.stateOf(journal, path);
    if (state === 'problem') return this.problemNode(journal, path);
    if (state.endsWith('|true')) return this.interviewNode(journal, path);
    return undefined;
  }

  /** Applies a store change: only the changed interviews are refreshed when nothing moved between groups. */
  onStoreChange(e: JournalChange): void {
    this.cause = e.paths;
    try {
      this.applyChange(e);
    } finally {
      this.cause = undefined;
    }
  }

  /** Journals as last listed: a change without paths to one of them (notes, derived state) does not touch this view. */
  private readonly listed = new Set<Journal>();

  private applyChange(e: JournalChange): void {
    if (!e.paths.length && this.listed.has(e.journal)) return;
    const interviewPaths = e.paths.filter((p) => e.journal.index.kindOf(p) === 'interview');
    const weaknessesChanged = e.paths.some((p) => e.journal.index.kindOf(p) === 'weaknesses');
    if (!e.paths.length || weaknessesChanged) return this.refresh();
    const targets: Node[] = [];
    for (const p of interviewPaths) {
      const key = this.key(e.journal, p);
      const before = this.shown.get(key);
      const after = this.stateOf(e.journal, p);
      const known = this.nodes.get(this.key(e.journal, 'interview', p));
      if (before !== after || !known || known.journal !== e.journal || !after.endsWith('|true')) return this.refresh();
      targets.push(known);
    }
    for (const t of targets) this.changed.fire(t);
  }

  protected itemOf(element: Node): vscode.TreeItem {
    const j = element.journal;
    const None = vscode.TreeItemCollapsibleState.None;
    switch (element.kind) {
      case 'group': {
        const count = this.groups(j).find((g) => g.key === element.key)?.interviews.length ?? 0;
        const item = new vscode.TreeItem(groupLabel(element.key), vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(count);
        item.contextValue = 'group';
        return item;
      }
      case 'interview': {
        const iv = interviewOf(element)!;
        const item = new vscode.TreeItem(`${iv.company}, ${iv.role}`, vscode.TreeItemCollapsibleState.Collapsed);
        const date = interviewDate(iv);
        const waiting = awaitingFeedback(iv);
        item.description = [iv.outcome ?? 'no outcome', date, waiting ? 'awaiting feedback' : undefined].filter(Boolean).join(' · ');
        const [id, color] = OUTCOME_ICONS[iv.outcome ?? 'unset'];
        item.iconPath = waiting ? icon('mail', 'charts.blue') : icon(id, color);
        item.contextValue = waiting ? 'interview.awaiting' : 'interview';
        item.resourceUri = j.uri(element.path);
        item.tooltip = tooltip(
          `**${iv.company}, ${iv.role}**`,
          `Outcome: ${iv.outcome ?? 'not set'}${iv.stage ? ` · furthest stage: ${iv.stage}` : ''}${iv.applied ? ` · applied ${iv.applied}` : ''}`,
          iv.rounds.length > 0 && `Rounds: ${iv.rounds.map((r) => `${r.type ?? 'round'}${r.date ? ` (${r.date})` : ''}`).join(', ')}`,
          iv.feedback?.summary ? `Feedback: ${iv.feedback.summary}` : waiting && `Feedback asked on ${iv.feedback!.requested}, no reply yet.`,
          iv.weaknesses.length > 0 && `Surfaced: ${iv.weaknesses.map((c) => j.index.weakness(c.weakness)?.title ?? c.weakness).join('; ')}`,
          iv.notes,
        );
        return item;
      }
      case 'round': {
        const iv = interviewOf(element)!;
        const r = iv.rounds[element.index - 1];
        const item = new vscode.TreeItem(`Round ${r.index}: ${r.type ?? 'unknown type'}`, None);
        item.description = [r.date, r.rating !== undefined ? `rated ${r.rating}/5` : undefined, r.interviewers.length ? r.interviewers.join(', ') : undefined].filter(Boolean).join(' · ');
        item.iconPath = icon('debug-stackframe-dot');
        item.contextValue = 'round';
        const tip = tooltip(r.wentWell && `Went well: ${r.wentWell}`, r.wentBadly && `Went badly: ${r.wentBadly}`, r.questions.length > 0 && `Questions: ${r.questions.join('; ')}`);
        item.tooltip = tip.value ? tip : undefined;
        item.command = openAt(j.uri(element.path), r.range);
        return item;
      }
      case 'feedback': {
        const fb = interviewOf(element)?.feedback;
        const item = new vscode.TreeItem('Feedback', None);
        item.description = fb?.received ? `answered ${fb.received}${fb.summary ? `: ${fb.summary}` : ''}` : fb?.requested ? `asked ${fb.requested} · awaiting reply` : 'not asked yet';
        item.iconPath = icon(fb?.received ? 'comment-discussion' : fb?.requested ? 'mail' : 'comment');
        item.contextValue = fb?.received ? 'feedback.answered' : fb?.requested ? 'feedback.asked' : 'feedback.none';
        if (fb?.summary || fb?.quotes.length) item.tooltip = tooltip(fb.summary, ...fb.quotes.map((q) => `“${q}”`));
        if (fb) item.command = openAt(j.uri(element.path), fb.range);
        return item;
      }
      case 'citation': {
        const c = interviewOf(element)!.weaknesses[element.index];
        const w = j.index.weakness(c.weakness);
        const item = new vscode.TreeItem(w?.title ?? c.weakness, None);
        item.description = [c.round !== undefined ? `round ${c.round}` : undefined, c.source].filter(Boolean).join(' · ');
        item.iconPath = icon('debug-breakpoint-log-unverified');
        item.contextValue = 'citation';
        if (c.quote) item.tooltip = tooltip(`“${c.quote}”`);
        item.command = openAt(j.uri(element.path), c.range);
        return item;
      }
      default:
        return new vscode.TreeItem(element.kind, None);
    }
  }
}

export class WeaknessesTree extends JournalTree {
  today = clock.today();

  private weaknessNode(journal: Journal, weaknessId: string): Node {
    return this.node({ kind: 'weakness', id: this.key(journal, 'weakness', weaknessId), journal, weaknessId });
  }

  private itemNode(journal: Journal, weaknessId: string, itemId: string): Node {
    return this.node({ kind: 'improvement', id: this.key(journal, 'item', weaknessId, itemId), journal, weaknessId, itemId });
  }

  protected journalChildren(journal: Journal): Node[] {
    const path = journal.index.weaknessesPath;
    if (journal.index.hasWeaknessesFile() && blockingProblems(journal, path).length) return [this.problemNode(journal, path)];
    const f = this.filter;
    return orderWeaknesses(journal.index.weaknesses(), journalStats(journal.index, this.today).weaknesses)
      .filter(({ weakness }) => !f || isEmptyFilter(f) || matchesWeakness(f, weakness, journal.index))
      .map(({ weakness }) => this.weaknessNode(journal, weakness.id));
  }

  protected childrenOf(element: Node): Node[] {
    const j = element.journal;
    switch (element.kind) {
      case 'weakness': {
        const w = weaknessOf(element);
        if (!w) return [];
        const items = w.improvements.map((i) => this.itemNode(j, w.id, i.id));
        const evidence = j.index.sightings(w.id).map((s) => this.node({
          kind: 'sighting' as const, id: this.key(j, 'sighting', w.id, s.file, s.citation.index), journal: j, weaknessId: w.id, path: s.file, index: s.citation.index,
        }));
        return [...items, ...evidence];
      }
      case 'improvement': {
        const item = itemOf(element);
        return (item?.notes ?? []).map((n) => this.node({
          kind: 'note' as const, id: this.key(j, 'note', element.weaknessId, element.itemId, n.path), journal: j, weaknessId: element.weaknessId, itemId: element.itemId, notePath: n.path,
        }));
      }
      default:
        return [];
    }
  }

  getParent(element: Node): Node | undefined {
    switch (element.kind) {
      case 'problem':
      case 'weakness':
        return this.parentOfTop(element.journal);
      case 'improvement':
      case 'sighting':
        return this.weaknessNode(element.journal, element.weaknessId);
      case 'note':
        return this.itemNode(element.journal, element.weaknessId, element.itemId);
      default:
        return undefined;
    }
  }

  /** The weakness (or item) written at a line of weaknesses.yaml, or the file's error node. */
  nodeAt(journal: Journal, line: number): Node | undefined {
    if (blockingProblems(journal, journal.index.weaknessesPath).length) return this.problemNode(journal, journal.index.weaknessesPath);
    const w = journal.index.weaknesses().find((x) => x.range.start.line <= line && line <= x.range.end.line);
    if (!w) return undefined;
    const item = w.improvements.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    return item ? this.itemNode(journal, w.id, item.id) : this.weaknessNode(journal, w.id);
  }

  overdueCount(): number {
    let n = 0;
    for (const j of this.store.journals()) for (const w of j.index.weaknesses()) n += w.improvements.filter((i) => isOverdue(i, this.today)).length;
    return n;
  }

  override refresh(): void {
    this.today = clock.today();
    super.refresh();
  }

  protected itemOf(element: Node): vscode.TreeItem {
    const j = element.journal;
    const None = vscode.TreeItemCollapsibleState.None;
    switch (element.kind) {
      case 'weakness': {
        const w = weaknessOf(element)!;
        const stats = journalStats(j.index, this.today).weaknesses.find((s) => s.id === w.id);
        const item = new vscode.TreeItem(w.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${trendText(stats)}${w.status ? ` · ${w.status}` : ''}`;
        item.iconPath = icon(WEAKNESS_ICONS[w.status ?? 'suspected'] ?? 'question', w.status === 'resolved' ? 'charts.green' : undefined);
        item.contextValue = 'weakness';
        item.tooltip = tooltip(
          `**${w.title}**`,
          `${w.id} · ${w.category ?? 'no category'} · ${w.status ?? 'no status'}`,
          w.description,
          !!stats?.sightings && `Seen ${stats.sightings} time(s) in ${stats.interviews} interview(s), last on ${stats.lastSeen ?? 'an undated interview'}.${stats.resurfacedAfterDone ? ' It came back after improvement items were done.' : ''}`,
        );
        return item;
      }
      case 'improvement': {
        const it = itemOf(element)!;
        const overdue = isOverdue(it, this.today);
        const item = new vscode.TreeItem(it.action, it.notes.length ? vscode.TreeItemCollapsibleState.Expanded : None);
        item.description = [it.status ?? 'todo', it.due ? (overdue ? `overdue since ${it.due}` : `due ${it.due}`) : undefined, it.done ? `done ${it.done}` : undefined].filter(Boolean).join(' · ');
        item.iconPath = overdue ? icon('warning', 'list.warningForeground') : icon(ITEM_ICONS[it.status ?? 'todo'] ?? 'circle-large-outline', it.status === 'done' ? 'charts.green' : undefined);
        item.contextValue = overdue ? 'improvement.overdue' : 'improvement';
        if (it.doneWhen) item.tooltip = tooltip(`Done when: ${it.doneWhen}`);
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(element.notePath.slice(element.notePath.lastIndexOf('/') + 1), None);
        item.description = element.notePath.includes('/') ? element.notePath.slice(0, element.notePath.lastIndexOf('/')) : undefined;
        item.iconPath = icon('book');
        item.contextValue = 'note';
        item.resourceUri = j.uri(element.notePath);
        item.command = { command: CommandId.OpenNote, title: 'Open Study Note', arguments: [element] };
        return item;
      }
      case 'sighting': {
        const iv = interviewOf(element);
        const c = iv?.weaknesses[element.index];
        const round = c?.round !== undefined ? iv?.rounds[c.round - 1] : undefined;
        const item = new vscode.TreeItem(iv ? `${iv.company}, ${iv.role}` : element.path, None);
        item.description = [round?.date ?? (iv && interviewDate(iv)), c?.round !== undefined ? `round ${c.round}` : undefined, c?.source].filter(Boolean).join(' · ');
        item.iconPath = icon('eye');
        item.contextValue = 'sighting';
        if (c?.quote) item.tooltip = tooltip(`“${c.quote}”`);
        item.command = openAt(j.uri(element.path), c?.range, 'Open Evidence');
        return item;
      }
      default:
        return new vscode.TreeItem(element.kind, None);
    }
  }
}

/** A plain snapshot of a tree, for tests and diagnostics. */
export interface ItemSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  icon?: string;
  tooltip?: string;
  command?: string;
  children?: ItemSnapshot[];
}

export function snapshot(tree: JournalTree, depth: number, element?: Node): ItemSnapshot[] {
  return tree.getChildren(element).map((n) => {
    const item = tree.getTreeItem(n);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const tip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    const out: ItemSnapshot = {
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      tooltip: tip,
      command: item.command?.command,
    };
    if (depth > 1 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) out.children = snapshot(tree, depth - 1, n);
    return out;
  });
}

export type { JournalTree };
