/** The Weaknesses view: weaknesses by how often they surfaced, their improvement items, notes and evidence. */
import * as vscode from 'vscode';
import { isOverdue } from '../../core/model';
import { rankWeaknesses } from '../../core/progress/weaknesses';
import { isEmptyFilter, matchesWeakness } from '../../core/queries/sidebar';
import { journalStats } from '../../core/stats';
import type { Clock } from '../../services/clock';
import type { Journal } from '../../services/journal';
import type { JournalStore } from '../../services/journal-store';
import { blockingProblems, itemOf, Node, weaknessOf } from '../../ui/record-nodes';
import { improvementItem } from './items/improvement';
import { noteItem } from './items/note';
import { sightingItem } from './items/sighting';
import { weaknessItem } from './items/weakness';
import { JournalTree } from './journal-tree';

export class WeaknessesTree extends JournalTree {
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

  /** Improvement items past their due date, in every journal: the count on the Debrief icon's badge. */
  overdueCount(): number {
    const today = this.clock.today();
    let n = 0;
    for (const j of this.store.journals()) for (const w of j.index.weaknesses()) n += w.improvements.filter((i) => isOverdue(i, today)).length;
    return n;
  }

  protected itemOf(element: Node): vscode.TreeItem {
    const today = this.clock.today();
    switch (element.kind) {
      case 'weakness': return weaknessItem(element, journalStats(element.journal.index, today).weaknesses.find((s) => s.id === element.weaknessId));
      case 'improvement': return improvementItem(element, today);
      case 'note': return noteItem(element);
      case 'sighting': return sightingItem(element);
      default: return new vscode.TreeItem(element.kind);
    }
  }
}
