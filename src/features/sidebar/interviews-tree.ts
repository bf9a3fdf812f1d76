/** The Interviews view: error nodes for broken files, then interviews grouped by outcome or month. */
import * as vscode from 'vscode';
import {
  Filter, groupInterviews, groupKeyOf, GroupBy, InterviewGroup, matchesInterview,
} from '../../core/queries/sidebar';
import type { Journal } from '../../services/journal';
import type { JournalChange } from '../../services/journal-store';
import type { Interview } from '../../core/model';
import { interviewOf, Node, NodeOf } from '../../ui/record-nodes';
import { citationItem } from './items/citation';
import { feedbackItem } from './items/feedback';
import { groupItem, moreItem } from './items/group';
import { interviewItem, interviewTooltip } from './items/interview';
import { roundItem } from './items/round';
import { JournalTree, TreeKinds } from './journal-tree';
import { sameShown, Shown } from './shown-state';

/** Rows of one group listed before a "more" row; each click on it lists this many more. */
export const GROUP_PAGE = 200;
/** Groups open at first while the interviews they show stay under this many (the first group always opens). */
const OPEN_ROWS = 300;

/** The kinds of node the Interviews view shows besides folders and error nodes. */
type InterviewsKind = 'group' | 'more' | 'interview' | 'round' | 'feedback' | 'citation';

export class InterviewsTree extends JournalTree<InterviewsKind> {
  groupBy: GroupBy = 'outcome';
  /** How many rows each group lists (by node id); GROUP_PAGE until "more" is clicked. */
  private readonly pages = new Map<string, number>();
  /** How each interview file showed at the last listing (keyed by folder and path). */
  private readonly shown = new Map<string, Shown>();
  /** Journals as last listed: a change without paths to one of them (notes, derived state) does not touch this view. */
  private readonly listed = new Set<Journal>();
  /** The top-level nodes of each journal at its last listing (error nodes, then groups), as ids. */
  private readonly tops = new Map<Journal, string>();
  private grouped?: { journal: Journal; version: number; groupBy: GroupBy; filter?: Filter; groups: InterviewGroup[] };

  private interviewNode(journal: Journal, path: string): Node {
    return this.node({ kind: 'interview', id: this.key(journal, 'interview', path), journal, path });
  }

  private groupNode(journal: Journal, key: string): Node {
    return this.node({ kind: 'group', id: this.key(journal, 'group', key), journal, key });
  }

  private stateOf(journal: Journal, path: string): Shown | undefined {
    if (journal.index.kindOf(path) !== 'interview') return undefined;
    // A file with errors keeps showing the record read before them, marked; without one, an error node.
    const iv = journal.index.shownInterview(path)?.interview;
    if (!iv) return journal.index.problemsOf(path).length ? { kind: 'problem' } : undefined;
    return { kind: 'record', group: groupKeyOf(iv, this.groupBy), visible: !this.filter || matchesInterview(this.filter, iv, journal.index) };
  }

  /** The groups of the interviews shown (readable and matching the filter), computed once per index version. */
  private groups(journal: Journal): InterviewGroup[] {
    const c = this.grouped;
    if (c && c.journal === journal && c.version === journal.index.version && c.groupBy === this.groupBy && c.filter === this.filter) return c.groups;
    const f = this.filter;
    const shown: Interview[] = [];
    for (const path of journal.index.files()) {
      const iv = journal.index.kindOf(path) === 'interview' ? journal.index.shownInterview(path)?.interview : undefined;
      if (iv && (!f || matchesInterview(f, iv, journal.index))) shown.push(iv);
    }
    const groups = groupInterviews(shown, this.groupBy);
    this.grouped = { journal, version: journal.index.version, groupBy: this.groupBy, filter: f, groups };
    return groups;
  }

  protected journalChildren(journal: Journal): Node[] {
    for (const j of this.listed) if (!this.store.journals().includes(j)) this.listed.delete(j);
    this.listed.add(journal);
    const problems: string[] = [];
    for (const p of journal.index.files()) {
      const state = this.stateOf(journal, p);
      if (!state) continue;
      this.shown.set(this.key(journal, p), state);
      if (state.kind === 'problem') problems.push(p);
    }
    const top = [...problems.sort().map((p) => this.problemNode(journal, p)), ...this.groups(journal).map((g) => this.groupNode(journal, g.key))];
    this.tops.set(journal, top.map((n) => n.id).join('\n'));
    return top;
  }

  /** The top-level node ids a listing would give now, without listing. */
  private topNow(journal: Journal): string {
    const problems = journal.index.files().filter((p) => this.stateOf(journal, p)?.kind === 'problem').sort();
    return [...problems.map((p) => this.problemNode(journal, p).id), ...this.groups(journal).map((g) => this.groupNode(journal, g.key).id)].join('\n');
  }

  /** A row of an interview (a round, its feedback, a weakness it surfaced): under the interview, no children. */
  private interviewRow<N extends NodeOf<'round' | 'feedback' | 'citation'>>(item: (node: N) => vscode.TreeItem) {
    return { item, children: () => [], parent: (n: N) => this.interviewNode(n.journal, n.path) };
  }

  protected readonly kinds: TreeKinds<InterviewsKind | 'folder' | 'problem'> = {
    ...this.commonKinds(),
    group: {
      item: (node) => {
        const groups = this.groups(node.journal);
        const at = groups.findIndex((g) => g.key === node.key);
        const before = groups.slice(0, Math.max(0, at)).reduce((n, g) => n + Math.min(g.interviews.length, GROUP_PAGE), 0);
        const count = groups[at]?.interviews.length ?? 0;
        // Small journals open every group; a large one opens its first groups only, so that its first rows come fast.
        return groupItem(node, count, at <= 0 || before + Math.min(count, GROUP_PAGE) <= OPEN_ROWS, node.journal.index.isReading);
      },
      children: (node) => {
        const j = node.journal;
        const all = this.groups(j).find((g) => g.key === node.key)?.interviews ?? [];
        const page = this.pages.get(node.id) ?? GROUP_PAGE;
        const shown = all.slice(0, page).map((iv) => this.interviewNode(j, iv.file));
        // A large group lists a page of rows, then a row that lists more: the window gets what it shows.
        return all.length > page ? [...shown, this.node({ kind: 'more', id: this.key(j, 'more', node.key), journal: j, key: node.key })] : shown;
      },
      parent: (node) => this.parentOfTop(node.journal),
    },
    more: {
      item: (node) => {
        const all = this.groups(node.journal).find((g) => g.key === node.key)?.interviews.length ?? 0;
        return moreItem(node, all - (this.pages.get(this.key(node.journal, 'group', node.key)) ?? GROUP_PAGE));
      },
      children: () => [],
      parent: (node) => this.groupNode(node.journal, node.key),
    },
    interview: {
      item: interviewItem,
      children: (node) => {
        const iv = interviewOf(node);
        if (!iv) return [];
        const j = node.journal;
        return [
          ...iv.rounds.map((r) => this.node({ kind: 'round', id: this.key(j, 'round', node.path, r.index), journal: j, path: node.path, index: r.index })),
          this.node({ kind: 'feedback', id: this.key(j, 'feedback', node.path), journal: j, path: node.path }),
          ...iv.weaknesses.map((c) => this.node({ kind: 'citation', id: this.key(j, 'citation', node.path, c.index), journal: j, path: node.path, index: c.index })),
        ];
      },
      parent: (node) => {
        const iv = interviewOf(node);
        return iv ? this.groupNode(node.journal, groupKeyOf(iv, this.groupBy)) : this.parentOfTop(node.journal);
      },
    },
    round: this.interviewRow(roundItem),
    feedback: this.interviewRow(feedbackItem),
    citation: this.interviewRow(citationItem),
  };

  /** The node to reveal for a journal file, when this view shows it (a group lists more rows until it is listed). */
  nodeForFile(journal: Journal, path: string): Node | undefined {
    const state = this.stateOf(journal, path);
    if (state?.kind === 'problem') return this.problemNode(journal, path);
    if (state?.kind !== 'record' || !state.visible) return undefined;
    const group = this.groupNode(journal, state.group);
    const at = this.groups(journal).find((g) => g.key === state.group)?.interviews.findIndex((iv) => iv.file === path) ?? -1;
    const page = this.pages.get(group.id) ?? GROUP_PAGE;
    if (at >= page) {
      this.pages.set(group.id, Math.ceil((at + 1) / GROUP_PAGE) * GROUP_PAGE);
      this.refreshItem(group);
    }
    return this.interviewNode(journal, path);
  }

  /** Lists another page of a large group. */
  showMore(node: Node): void {
    if (node.kind !== 'more') return;
    const group = this.groupNode(node.journal, node.key);
    this.pages.set(group.id, (this.pages.get(group.id) ?? GROUP_PAGE) + GROUP_PAGE * 5);
    this.refreshItem(group);
  }

  /**
   * Applies a store change with the least work for the window: the changed interviews' items when
   * none moved; the groups they left and joined when the top level stays the same (no group or error
   * node appears or goes); the whole view otherwise.
   */
  onStoreChange(e: JournalChange): void {
    if (e.all) return this.refresh();
    if (!e.paths.length && this.listed.has(e.journal)) return;
    const index = e.journal.index;
    if (!e.paths.length || e.paths.some((p) => index.kindOf(p) === 'weaknesses') || !this.listed.has(e.journal)) return this.refresh();
    const items: [string, Node][] = [];
    const groups = new Set<string>();
    for (const p of e.paths) {
      if (index.kindOf(p) !== 'interview' && !this.shown.has(this.key(e.journal, p))) continue;
      const before = this.shown.get(this.key(e.journal, p));
      const after = this.stateOf(e.journal, p);
      if (after) this.shown.set(this.key(e.journal, p), after);
      else this.shown.delete(this.key(e.journal, p));
      const known = this.known(this.key(e.journal, 'interview', p));
      if (sameShown(before, after) && known && known.journal === e.journal && after?.kind === 'record' && after.visible) {
        items.push([p, known]);
        continue;
      }
      if (before?.kind === 'problem' || after?.kind === 'problem') return this.refresh();
      for (const s of [before, after]) if (s?.kind === 'record') groups.add(s.group);
    }
    if (groups.size) {
      if (this.topNow(e.journal) !== this.tops.get(e.journal)) return this.refresh();
      for (const g of groups) {
        const node = this.known(this.key(e.journal, 'group', g));
        if (!node) return this.refresh();
        this.refreshItem(node);
      }
    }
    // An item in a group re-rendered anyway needs nothing more.
    for (const [path, t] of items) {
      const s = this.shown.get(this.key(e.journal, path));
      if (!(s?.kind === 'record' && groups.has(s.group))) this.refreshItem(t);
    }
  }

  /** Tooltips are made when hovered, not for every item sent to the window. */
  resolveTreeItem(item: vscode.TreeItem, element: Node): vscode.TreeItem {
    if (element.kind === 'interview' && item.tooltip === undefined) item.tooltip = interviewTooltip(element);
    return item;
  }
}
