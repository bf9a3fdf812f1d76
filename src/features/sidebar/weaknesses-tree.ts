/** The Weaknesses view: weaknesses by how often they surfaced, their improvement items, notes and evidence. */
import * as vscode from 'vscode';
import { isOverdue } from '../../core/model';
import { rankWeaknesses } from '../../core/progress/weaknesses';
import { isEmptyFilter, matchesWeakness } from '../../core/queries/sidebar';
import { journalStats } from '../../core/stats';
import type { Clock } from '../../services/clock';
import type { Journal } from '../../services/journal';
import type { JournalStore } from '../../services/journal-store';
import { blockingProblems, isNode, itemOf, Node, weaknessOf } from '../../ui/record-nodes';
import { improvementItem } from './items/improvement';
import { noteItem } from './items/note';
import { sightingItem } from './items/sighting';
import { weaknessItem } from './items/weakness';
import { JournalTree, TreeKinds } from './journal-tree';

/** A row as the window shows it. */
function rowText(item: vscode.TreeItem): string {
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  const icon = item.iconPath instanceof vscode.ThemeIcon ? `${item.iconPath.id}:${item.iconPath.color?.id ?? ''}` : '';
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  // A command's arguments may hold the row's node, which holds the journal: it is written as its id.
  return JSON.stringify([label, item.description, tooltip, icon, item.contextValue, item.collapsibleState, item.command?.command, item.command?.arguments, item.accessibilityInformation?.label],
    (_key, value: unknown) => (isNode(value) ? `node ${value.id}` : value));
}

/** The kinds of node the Weaknesses view shows besides folders and error nodes. */
type WeaknessesKind = 'weakness' | 'improvement' | 'note' | 'sighting';

export class WeaknessesTree extends JournalTree<WeaknessesKind> {
  constructor(store: JournalStore, private readonly clock: Clock) {
    super(store);
  }

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
    // What holds the user back most first: the order Insights shows them in.
    return rankWeaknesses(journalStats(journal.index, this.clock.today()).weaknesses)
      .map((p) => journal.index.weakness(p.id)!)
      .filter((weakness) => !f || isEmptyFilter(f) || matchesWeakness(f, weakness, journal.index))
      .map((weakness) => this.weaknessNode(journal, weakness.id));
  }

  protected readonly kinds: TreeKinds<WeaknessesKind | 'folder' | 'problem'> = {
    ...this.commonKinds(),
    weakness: {
      item: (node) => weaknessItem(node, journalStats(node.journal.index, this.clock.today()).weaknesses.find((s) => s.id === node.weaknessId)),
      children: (node) => {
        const w = weaknessOf(node);
        if (!w) return [];
        const j = node.journal;
        const items = w.improvements.map((i) => this.itemNode(j, w.id, i.id));
        const evidence = j.index.sightings(w.id).map((s) => this.node({
          kind: 'sighting' as const, id: this.key(j, 'sighting', w.id, s.file, s.citation.index), journal: j, weaknessId: w.id, path: s.file, index: s.citation.index,
        }));
        return [...items, ...evidence];
      },
      parent: (node) => this.parentOfTop(node.journal),
    },
    improvement: {
      item: (node) => improvementItem(node, this.clock.today()),
      children: (node) => (itemOf(node)?.notes ?? []).map((n) => this.node({
        kind: 'note' as const, id: this.key(node.journal, 'note', node.weaknessId, node.itemId, n.path), journal: node.journal, weaknessId: node.weaknessId, itemId: node.itemId, notePath: n.path,
      })),
      parent: (node) => this.weaknessNode(node.journal, node.weaknessId),
    },
    note: { item: noteItem, children: () => [], parent: (node) => this.itemNode(node.journal, node.weaknessId, node.itemId) },
    sighting: { item: sightingItem, children: () => [], parent: (node) => this.weaknessNode(node.journal, node.weaknessId) },
  };

  /** What the window holds since the last rebuild: each row it was given, and each list of children it asked for. */
  private readonly held = new Map<string, string>();
  private readonly listed = new Map<string, string>();
  private checking = false;

  getChildren(element?: Node): Node[] {
    const children = super.getChildren(element);
    if (!this.checking) this.listed.set(element?.id ?? '', children.map((c) => c.id).join('\n'));
    return children;
  }

  getTreeItem(element: Node): vscode.TreeItem {
    const item = super.getTreeItem(element);
    if (!this.checking) this.held.set(element.id, rowText(item));
    return item;
  }

  /**
   * Rebuilds the view only when something the window holds would show differently (a change of an
   * interview's outcome, say, shows nothing new here): each row sent to the window costs memory there
   * for as long as the view lives.
   */
  refreshIfChanged(): void {
    this.cancelCheck();
    if (this.changedSinceListed()) this.refresh();
  }

  /** A check waiting to run, and the promise it resolves when it has run (or was cancelled). */
  private check: { timer?: ReturnType<typeof setTimeout>; done: Promise<void>; resolve(): void } | undefined;

  /** Checks after `ms` (changes in between are checked once). */
  checkSoon(ms: number): void {
    if (!this.check) {
      let resolve = (): void => undefined;
      const done = new Promise<void>((r) => (resolve = r));
      this.check = { done, resolve };
    }
    clearTimeout(this.check.timer);
    this.check.timer = setTimeout(() => this.refreshIfChanged(), ms);
  }

  /** Resolves once no check is waiting. */
  whenChecked(): Promise<void> {
    return this.check?.done ?? Promise.resolve();
  }

  private cancelCheck(): void {
    const c = this.check;
    if (!c) return;
    clearTimeout(c.timer);
    this.check = undefined;
    c.resolve();
  }

  dispose(): void {
    this.cancelCheck();
  }

  private changedSinceListed(): boolean {
    if (!this.listed.has('')) return true;
    this.checking = true;
    try {
      for (const [parent, ids] of this.listed) {
        const node = parent ? this.known(parent) : undefined;
        if (parent && !node) return true;
        if (this.getChildren(node).map((c) => c.id).join('\n') !== ids) return true;
      }
      for (const [id, text] of this.held) {
        const node = this.known(id);
        if (!node || rowText(this.getTreeItem(node)) !== text) return true;
      }
      return false;
    } catch {
      // A row whose record is gone (renamed, removed) cannot show as it did: rebuild.
      return true;
    } finally {
      this.checking = false;
    }
  }

  refresh(): void {
    this.held.clear();
    this.listed.clear();
    super.refresh();
  }

  /** The weakness (or item) written at a line of weaknesses.yaml, or the file's error node. */
  nodeAt(journal: Journal, line: number): Node | undefined {
    if (blockingProblems(journal, journal.index.weaknessesPath).length) return this.problemNode(journal, journal.index.weaknessesPath);
    const w = journal.index.weaknesses().find((x) => x.range.start.line <= line && line <= x.range.end.line);
    if (!w) return undefined;
    const item = w.improvements.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    return item ? this.itemNode(journal, w.id, item.id) : this.weaknessNode(journal, w.id);
  }

  /** Improvement items past their due date, in every journal: the count on the Debrief icon's badge. */
  overdueCount(): number {
    const today = this.clock.today();
    let n = 0;
    for (const j of this.store.journals()) for (const w of j.index.weaknesses()) n += w.improvements.filter((i) => isOverdue(i, today)).length;
    return n;
  }
}
