/** The Weaknesses view: weaknesses by how often they surfaced, their improvement items, notes and evidence. */
import * as vscode from 'vscode';
import type { RecordState } from '../../core/journal/journal-index';
import { shownRecord } from '../../core/journal/record-states';
import type { Weakness } from '../../core/model';
import { rankWeaknesses, weaknessProgress, type WeaknessProgress } from '../../core/progress/weaknesses';
import { isEmptyFilter, matchesWeakness } from '../../core/queries/sidebar';
import { journalStats } from '../../core/stats';
import type { Clock } from '../../services/clock';
import type { Journal } from '../../services/journal';
import type { JournalStore } from '../../services/journal-store';
import { blockingProblems, brokenKey, brokenWeaknessOf, BrokenState, isNode, itemOf, Node, weaknessOf } from '../../ui/record-nodes';
import { brokenWeaknessItem } from './items/broken-weakness';
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
type WeaknessesKind = 'weakness' | 'brokenWeakness' | 'improvement' | 'note' | 'sighting';

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

  private brokenNode(journal: Journal, state: BrokenState<Weakness>): Node {
    const key = brokenKey(state);
    return this.node({ kind: 'brokenWeakness', id: this.key(journal, 'broken', key.lastReadId ?? `line ${key.line}`), journal, ...key });
  }

  /** The node of a weakness state: a weakness that read, or a part that did not. */
  private stateNode(journal: Journal, state: RecordState<Weakness>): Node {
    return state.kind === 'read' ? this.weaknessNode(journal, state.record.id) : this.brokenNode(journal, state);
  }

  /** The ranked progress of the weaknesses shown, those as last read among them, once per progress version of the index and date. */
  private ranked?: { journal: Journal; version: number; today: string; list: WeaknessProgress[] };

  private rankedProgress(journal: Journal): WeaknessProgress[] {
    const index = journal.index;
    const today = this.clock.today();
    const c = this.ranked;
    if (c && c.journal === journal && c.version === index.progressVersion && c.today === today) return c.list;
    const states = index.weaknessStates();
    // Without weaknesses as last read, the same progress Insights shows.
    const progress = states.some((s) => s.kind === 'broken' && s.lastRead) ? weaknessProgress(index, today, states.flatMap((s) => shownRecord(s) ?? [])) : journalStats(index, today).weaknesses;
    const list = rankWeaknesses(progress);
    this.ranked = { journal, version: index.progressVersion, today, list };
    return list;
  }

  /**
   * Every weakness that read, ranked (what holds the user back most first: the order Insights shows
   * them in); a part of the file that does not read is an error row in place: as the weakness last
   * read there, at its rank, or, without one, first.
   */
  protected journalChildren(journal: Journal): Node[] {
    const index = journal.index;
    const f = this.filter;
    const filtered = (w: Weakness) => !f || isEmptyFilter(f) || matchesWeakness(f, w, index);
    const byId = new Map<string, RecordState<Weakness>>();
    const unnamed: Node[] = [];
    for (const s of index.weaknessStates()) {
      const w = shownRecord(s);
      if (!w) unnamed.push(this.stateNode(journal, s));
      else if (!byId.has(w.id)) byId.set(w.id, s);
    }
    const ranked: Node[] = [];
    for (const p of this.rankedProgress(journal)) {
      const s = byId.get(p.id);
      const w = s && shownRecord(s);
      if (s && w && filtered(w)) ranked.push(this.stateNode(journal, s));
    }
    return [...unnamed, ...ranked];
  }

  protected readonly kinds: TreeKinds<WeaknessesKind | 'folder' | 'problem'> = {
    ...this.commonKinds(),
    weakness: {
      item: (node) => weaknessItem(node, journalStats(node.journal.index, this.clock.today()).weaknesses.find((s) => s.id === node.weaknessId), blockingProblems(node.journal, node.journal.index.weaknessesPath)),
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
    brokenWeakness: { item: (node) => brokenWeaknessItem(node, brokenWeaknessOf(node)), children: () => [], parent: (node) => this.parentOfTop(node.journal) },
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

  /** Whether the window holds a row with this label as it shows now (it was given the row since the last rebuild). */
  holdsRow(label: string): boolean {
    for (const text of this.held.values()) if ((JSON.parse(text) as unknown[])[0] === label) return true;
    return false;
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

  /** The weakness (or item) written at a line of weaknesses.yaml, or the error row of the part that does not read there. */
  nodeAt(journal: Journal, line: number): Node | undefined {
    const at = journal.index.weaknessStates().find((s) => {
      const r = s.kind === 'read' ? s.record.range : s.range;
      return r.start.line <= line && line <= r.end.line;
    });
    if (!at) return undefined;
    if (at.kind === 'broken') return this.brokenNode(journal, at);
    const w = at.record;
    const item = w.improvements.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    return item ? this.itemNode(journal, w.id, item.id) : this.weaknessNode(journal, w.id);
  }
}
