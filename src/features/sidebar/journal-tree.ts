/** What the Interviews and Weaknesses trees share: one node object per id, journals, folders and error nodes, and a table of node kinds. */
import * as vscode from 'vscode';
import type { Filter } from '../../core/queries/sidebar';
import type { Journal } from '../../services/journal';
import type { JournalStore } from '../../services/journal-store';
import type { Node, NodeKind, NodeOf } from '../../ui/record-nodes';
import { folderItem } from './items/folder';
import { problemItem } from './items/problem';

/** What a view does with one kind of node: how it looks, its children, its parent. */
export interface TreeKind<N extends Node> {
  item(node: N): vscode.TreeItem;
  children(node: N): Node[];
  parent(node: N): Node | undefined;
}

/** A view's table of node kinds: the compiler checks that it covers every kind `K` the view shows. */
export type TreeKinds<K extends NodeKind> = { [P in K]: TreeKind<NodeOf<P>> };

/** The kinds every view shows: a workspace folder's journal (multi-root), and a file that cannot be shown. */
export type CommonKind = 'folder' | 'problem';

export abstract class JournalTree<K extends NodeKind> implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  /** Fires with a node when only that item changed, with undefined when the whole view did. */
  readonly onDidChangeTreeData = this.emitter.event;
  protected nodes = new Map<string, Node>();
  filter: Filter | undefined;

  /** Every kind of node this view shows, and what it does with each. */
  protected abstract readonly kinds: TreeKinds<K | CommonKind>;

  constructor(protected readonly store: JournalStore) {}

  /** The table's entries for the kinds every view shows. */
  protected commonKinds(): TreeKinds<CommonKind> {
    return {
      folder: { item: folderItem, children: (n) => this.journalChildren(n.journal), parent: () => undefined },
      problem: { item: problemItem, children: () => [], parent: (n) => this.parentOfTop(n.journal) },
    };
  }

  /** The table's entry for a node's kind (a view is only ever given the nodes it made). */
  private kind(node: Node): TreeKind<Node> {
    return (this.kinds as Record<string, TreeKind<Node>>)[node.kind];
  }

  /** The journals worth showing: those with files. With none, the view is empty and its welcome text shows. */
  protected journals(): Journal[] {
    return this.store.existingJournals();
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

  protected known(id: string): Node | undefined {
    return this.nodes.get(id);
  }

  folderNode(journal: Journal): Node {
    return this.node({ kind: 'folder', id: this.key(journal, 'folder'), journal });
  }

  problemNode(journal: Journal, path: string): Node {
    return this.node({ kind: 'problem', id: this.key(journal, 'problem', path), journal, path });
  }

  /** Rebuilds the whole view. */
  refresh(): void {
    this.nodes.clear();
    this.emitter.fire(undefined);
  }

  /** Re-renders one item (and its children). */
  protected refreshItem(node: Node): void {
    this.emitter.fire(node);
  }

  getChildren(element?: Node): Node[] {
    if (element) return this.kind(element).children(element);
    const journals = this.journals();
    if (journals.length > 1) return journals.map((j) => this.folderNode(j));
    return journals.length ? this.journalChildren(journals[0]) : [];
  }

  getTreeItem(element: Node): vscode.TreeItem {
    const item = this.kind(element).item(element);
    item.id = element.id;
    return item;
  }

  getParent(element: Node): Node | undefined {
    return this.kind(element).parent(element);
  }

  /** The parent of a journal's top-level nodes: its folder's node in a multi-root workspace. */
  protected parentOfTop(journal: Journal): Node | undefined {
    return this.journals().length > 1 ? this.folderNode(journal) : undefined;
  }

  /** The top-level nodes of a journal. */
  protected abstract journalChildren(journal: Journal): Node[];
}
