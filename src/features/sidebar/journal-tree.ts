/** What the Interviews and Weaknesses trees share: one node object per id, journals, folders and error nodes. */
import * as vscode from 'vscode';
import type { Filter } from '../../core/queries/sidebar';
import type { Journal } from '../../services/journal';
import type { JournalStore } from '../../services/journal-store';
import type { Node } from '../../ui/record-nodes';
import { folderItem } from './items/folder';
import { problemItem } from './items/problem';

export abstract class JournalTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  /** Fires with a node when only that item changed, with undefined when the whole view did. */
  readonly onDidChangeTreeData = this.emitter.event;
  protected nodes = new Map<string, Node>();
  filter: Filter | undefined;

  constructor(protected readonly store: JournalStore) {}

  /** The journals worth showing: those with files. With none, the view is empty and its welcome text shows. */
  protected journals(): Journal[] {
    return this.store.journals().filter((j) => j.exists);
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
    if (!element) {
      const journals = this.journals();
      if (journals.length > 1) return journals.map((j) => this.folderNode(j));
      return journals.length ? this.journalChildren(journals[0]) : [];
    }
    if (element.kind === 'folder') return this.journalChildren(element.journal);
    return this.childrenOf(element);
  }

  getTreeItem(element: Node): vscode.TreeItem {
    const item = element.kind === 'folder' ? folderItem(element) : element.kind === 'problem' ? problemItem(element) : this.itemOf(element);
    item.id = element.id;
    return item;
  }

  protected parentOfTop(journal: Journal): Node | undefined {
    return this.journals().length > 1 ? this.folderNode(journal) : undefined;
  }

  protected abstract journalChildren(journal: Journal): Node[];
  protected abstract childrenOf(element: Node): Node[];
  abstract getParent(element: Node): Node | undefined;
  protected abstract itemOf(element: Node): vscode.TreeItem;
}
