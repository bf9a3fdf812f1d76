// Shared by the integration tests: the extension's test mode, a scripted Prompter, the sidebar as data, and file helpers.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, ViewId } from '../../src/constants';
import type { InputOptions, PickItem, Prompter, StepOptions } from '../../src/services/prompter';
import type { TestApi } from '../../src/test-mode';
import type { Node } from '../../src/ui/record-nodes';

/** The running extension's test mode (it exists because VS Code runs Debrief for its tests). */
export async function api(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const exports = await ext.activate();
  assert.ok(exports, 'the extension runs in test mode and hands its test API to the tests');
  await exports.services.store.ready;
  return exports;
}

export const folder = (): vscode.WorkspaceFolder => vscode.workspace.workspaceFolders![0];
export const uriOf = (rel: string): vscode.Uri => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));

/**
 * A file of test/fixtures: where the checkout keeps it (outside the workspace, as a file the user
 * chose may be), or, in the web tier, where a web worker can read it: the copy scripts/lib/web.mjs puts
 * in the served folder under fixtures/ (a worker has no `__dirname` and reads no disk).
 */
export function fixture(rel: string): vscode.Uri {
  return typeof __dirname === 'string'
    ? vscode.Uri.joinPath(vscode.Uri.file(__dirname), '..', '..', '..', 'test', 'fixtures', ...rel.split('/'))
    : uriOf(`fixtures/${rel}`);
}

export async function read(rel: string): Promise<string | undefined> {
  try {
    return await readText(uriOf(rel));
  } catch {
    return undefined;
  }
}

/** An interview written by hand in flow style, with comments and CRLF line endings: edits must keep its style. */
export const FLOW_STYLE_FILE = 'debrief/interviews/flow-style.yaml';
export const FLOW_STYLE_TEXT = [
  '# Written by hand, in flow style.',
  'id: flow-style',
  'company: "Initech"   # quoted',
  'role: Data Engineer',
  'outcome: pending # still waiting',
  'rounds: [{type: coding, date: 2026-11-02}]  # one so far',
  'feedback: {requested: 2026-11-05}',
  '',
].join('\r\n');

export async function write(rel: string, text: string): Promise<void> {
  await writeText(uriOf(rel), text);
}

/**
 * Puts a file back to `text` (`undefined` deletes it): unsaved changes are reverted, the disk is
 * written, and an open document is awaited until it shows the same text, so that the next test's
 * edits start from a model that agrees with the disk. The journal is then brought up to date too
 * (see `synced`).
 */
export async function restore(rel: string, text: string | undefined): Promise<void> {
  const uri = uriOf(rel);
  const doc = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  if (doc()?.isDirty) {
    await vscode.window.showTextDocument(doc()!);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  if (text === undefined) await remove(rel);
  else {
    if ((await read(rel)) !== text) await write(rel, text);
    await eventually(() => { const d = doc(); return !d || (!d.isDirty && d.getText() === text); }, `the open ${rel} to show the restored text`);
  }
  await synced(uri);
}

/**
 * Has the store read a file a test has just put back, now, instead of whenever its watcher reports it
 * (seconds later on a busy machine), so that the next test's pickers, tree and line numbers come from
 * the restored journal. The store's own re-read, the one the journal editor uses after a write.
 */
export async function synced(uri: vscode.Uri): Promise<void> {
  const a = await api();
  await a.services.store.sync(uri);
  await a.settle();
}

/** Deletes a file a test wrote, and has the store forget it now (see `synced`). */
export async function remove(rel: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uriOf(rel), { useTrash: false });
  } catch {
    // already gone
  }
  await synced(uriOf(rel));
}

/**
 * Polls until `fn` returns a truthy value; an exception counts as "not yet" (a provider may not be
 * ready). Fails with `what`, the last value and the last error after `ms`. Not a timing assertion:
 * only an upper bound.
 */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

export async function eventually<T>(fn: () => T | Promise<T>, what: string, ms = 10_000): Promise<Truthy<T>> {
  const until = Date.now() + ms;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < until) {
    try {
      last = await fn();
      if (last) return last as Truthy<T>;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what} (last value: ${JSON.stringify(last)}${error instanceof Error ? `; last error: ${error.message}` : ''})`);
}

/**
 * For an action the workbench may drop without a word (a command that acts on whatever editor has
 * the focus, say, and does nothing when it finds nothing to act on): runs `act`, polls `effect` for
 * `every` ms, and runs `act` again while the effect has not shown, until `ms` pass. Only for actions
 * that are harmless to repeat once their effect is there. An exception counts as "not yet". Fails like
 * `eventually`, with the number of attempts.
 */
export async function retrying<T>(act: () => unknown, effect: () => T | Promise<T>, what: string, { every = 3_000, ms = 15_000 } = {}): Promise<Truthy<T>> {
  const until = Date.now() + ms;
  let attempts = 0;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < until) {
    attempts++;
    try {
      await act();
    } catch (e) {
      error = e;
    }
    const next = Math.min(until, Date.now() + every);
    while (Date.now() < next) {
      try {
        last = await effect();
        if (last) return last as Truthy<T>;
      } catch (e) {
        error = e;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  assert.fail(`timed out waiting for ${what} after ${attempts} attempt(s) (last value: ${JSON.stringify(last)}${error instanceof Error ? `; last error: ${error.message}` : ''})`);
}

/**
 * Shows the Debrief views, unless they show already, and waits until the Interviews view knows it is
 * visible. Opening the container focuses the tree, and the workbench can fail that focus on an item a
 * test has just removed (a TreeError: "Data tree node not found"); the views show all the same, so the
 * error is let go and the visibility is what counts (and the command is run again while it is missing).
 */
export async function showViews(): Promise<void> {
  const { parts } = await api();
  const visible = () => parts.sidebar?.interviews.view.visible === true;
  await retrying(
    () => visible() || vscode.commands.executeCommand('workbench.view.extension.debrief'),
    visible,
    'the Debrief views to be visible',
  );
}

/** A plain snapshot of a sidebar item and its children, as the view would show them. */
export interface ItemSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  icon?: string;
  tooltip?: string;
  command?: string;
  children?: ItemSnapshot[];
}

type SidebarView = { tree: vscode.TreeDataProvider<Node>; view: vscode.TreeView<Node> };

/** A view of the sidebar, as the sidebar feature built it. */
export async function sidebarView(viewId: string): Promise<SidebarView> {
  const sidebar = (await api()).parts.sidebar;
  assert.ok(sidebar, 'the sidebar feature is active');
  return viewId === ViewId.Weaknesses ? sidebar.weaknesses : sidebar.interviews;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

async function snapshot(tree: vscode.TreeDataProvider<Node>, depth: number, element?: Node): Promise<ItemSnapshot[]> {
  const out: ItemSnapshot[] = [];
  for (const n of (await tree.getChildren(element)) ?? []) {
    let item = await tree.getTreeItem(n);
    // What a hover shows: a tooltip the provider makes only when asked.
    if (item.tooltip === undefined && tree.resolveTreeItem) item = (await tree.resolveTreeItem(item, n, new vscode.CancellationTokenSource().token)) ?? item;
    const tip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    const s: ItemSnapshot = {
      label: labelOf(item),
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      tooltip: tip,
      command: item.command?.command,
    };
    if (depth > 1 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) s.children = await snapshot(tree, depth - 1, n);
    out.push(s);
  }
  return out;
}

export async function tree(viewId: string, depth = 4): Promise<ItemSnapshot[]> {
  return snapshot((await sidebarView(viewId)).tree, depth);
}

/** Labels of the selected items of a view. */
export async function selection(viewId: string): Promise<string[]> {
  const { tree: t, view } = await sidebarView(viewId);
  return Promise.all(view.selection.map(async (n) => labelOf(await t.getTreeItem(n))));
}

/**
 * The badge on the Debrief icon, as the activity bar makes it: the sum of its views' badges (0 when
 * none), with their tooltips, and the overdue count they give.
 */
export async function debriefBadge(): Promise<{ value: number; tooltip: string; overdue: number }> {
  const { parts } = await api();
  assert.ok(parts.sidebar && parts.reminders, 'the sidebar and the reminders are active');
  const badges = [parts.sidebar.interviews.view, parts.sidebar.weaknesses.view, parts.reminders.view].map((v) => v.badge).filter((b) => b !== undefined);
  const tooltip = badges.map((b) => b.tooltip).join(' ');
  return { value: badges.reduce((n, b) => n + b.value, 0), tooltip, overdue: Number(/(\d+) overdue/.exec(tooltip)?.[1] ?? 0) };
}

/**
 * Records what a view re-renders from now on: the id of each item (`*` for the whole view), each
 * followed by ` <- ` and the paths of the journal change that caused it.
 */
export async function watchRefreshes(viewId: string): Promise<{ take(): string[]; dispose(): void }> {
  const a = await api();
  const { tree: t } = await sidebarView(viewId);
  const seen: string[] = [];
  let cause: string[] = [];
  // The index announces a change before the store passes it on to the views: the cause is known first.
  const subs = [
    a.services.store.journalOf(folder())!.index.onDidChange((e) => {
      cause = e.paths;
    }),
    t.onDidChangeTreeData!((n) => {
      const one = Array.isArray(n) ? n[0] : n;
      seen.push(`${one ? (one.id.slice(one.id.lastIndexOf('|') + 1)) : '*'} <- ${cause.join(', ') || 'command'}`);
    }),
  ];
  return { take: () => seen.splice(0), dispose: () => subs.forEach((d) => d.dispose()) };
}

/** Every item of a snapshot, depth first. */
export function flatten(items: ItemSnapshot[]): ItemSnapshot[] {
  return items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
}

export function find(items: ItemSnapshot[], label: string): ItemSnapshot | undefined {
  return flatten(items).find((i) => i.label === label);
}

/**
 * One answer per prompt, in order: a string is typed into an input or chooses the pick item with that
 * label; an array chooses several items; a boolean answers a confirmation; `undefined` is Escape.
 */
export type Answer = string | string[] | boolean | undefined;

export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  /** Messages shown (notifications and errors), in order. */
  readonly notices: string[] = [];
  /** Error messages shown to the user. */
  readonly shownErrors: string[] = [];
  readonly validationErrors: string[] = [];
  /** The labels of the items each pick offered, in order. */
  readonly offered: string[][] = [];
  /** Their descriptions, in the same order. */
  readonly described: (string | undefined)[][] = [];
  /** Mismatches between the script and what was asked. */
  readonly errors: string[] = [];
  private readonly answers: Answer[];
  private readonly buttons: (string | undefined)[];

  /** `buttons`: what to click on the messages that offer buttons, in order (none: dismissed). */
  constructor(answers: Answer[], buttons: (string | undefined)[] = []) {
    this.answers = [...answers];
    this.buttons = [...buttons];
  }

  get remaining(): number {
    return this.answers.length;
  }

  private next(kind: string, o: StepOptions | string): Answer {
    const title = typeof o === 'string' ? o : `${o.title}${o.step ? ` ${o.step}/${o.totalSteps}` : ''}: ${(o as InputOptions).prompt ?? o.placeholder ?? ''}`;
    this.asked.push(`${kind} ${title}`);
    if (!this.answers.length) {
      this.errors.push(`unexpected ${kind}: ${title}`);
      return undefined;
    }
    return this.answers.shift();
  }

  private choose<T>(items: readonly PickItem<T>[], label: string): PickItem<T> | undefined {
    const strip = (s: string) => s.replace(/\$\([\w-]+\)\s*/g, '');
    const found = items.find((i) => i.label === label) ?? items.find((i) => strip(i.label) === strip(label));
    if (!found) this.errors.push(`no item "${label}" among: ${items.map((i) => i.label).join(' | ')}`);
    return found;
  }

  async pick<T>(items: readonly PickItem<T>[], options: StepOptions): Promise<T | undefined> {
    this.offered.push(items.map((i) => i.label));
    this.described.push(items.map((i) => i.description));
    const a = this.next('pick', options);
    return typeof a === 'string' ? this.choose(items, a)?.value : undefined;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: StepOptions): Promise<T[] | undefined> {
    this.offered.push(items.map((i) => i.label));
    const a = this.next('pickMany', options);
    if (!Array.isArray(a)) return undefined;
    const chosen = a.map((l) => this.choose(items, l));
    return chosen.every(Boolean) ? chosen.map((c) => c!.value) : undefined;
  }

  private typed(a: Answer, options: InputOptions): string | undefined {
    if (typeof a !== 'string') return undefined;
    const problem = options.validate?.(a);
    if (problem) {
      this.validationErrors.push(problem);
      return undefined; // a person would correct it or press Escape; the script stops here
    }
    return a;
  }

  async pickOrType(_suggestions: readonly string[], options: InputOptions): Promise<string | undefined> {
    return this.typed(this.next('pickOrType', options), options);
  }

  async input(options: InputOptions): Promise<string | undefined> {
    return this.typed(this.next('input', options), options);
  }

  async confirm(message: string, detail: string): Promise<boolean> {
    return this.next('confirm', `${message} ${detail}`) === true;
  }

  async notify(message: string, ...actions: string[]): Promise<string | undefined> {
    this.notices.push(message);
    return actions.length ? this.buttons.shift() : undefined;
  }

  /** Messages shown until something happens, that have not gone away yet. */
  readonly shownUntil: string[] = [];

  notifyUntil(message: string, until: Thenable<unknown>): void {
    this.notices.push(message);
    this.shownUntil.push(message);
    const gone = () => void this.shownUntil.splice(this.shownUntil.indexOf(message), 1);
    until.then(gone, gone);
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    this.notices.push(message);
    this.shownErrors.push(message);
    return actions.length ? this.buttons.shift() : undefined;
  }

  /** A string answer is a workspace-relative path to save to. */
  async saveLocation(options: { title: string }): Promise<vscode.Uri | undefined> {
    const a = this.next('save', options.title);
    return typeof a === 'string' ? uriOf(a) : undefined;
  }

  /** A string answer is the file chosen: an absolute path, or one relative to the workspace folder. */
  async openLocation(options: { title: string }): Promise<vscode.Uri | undefined> {
    const a = this.next('open', options.title);
    if (typeof a !== 'string') return undefined;
    return a.startsWith('/') ? vscode.Uri.file(a) : uriOf(a);
  }
}

/** Runs a command with scripted answers; checks every answer was used and nothing unexpected was asked. */
export async function run<T>(command: string, answers: Answer[], ...args: unknown[]): Promise<{ result: T | undefined; prompter: ScriptedPrompter }> {
  const p = new ScriptedPrompter(answers);
  const a = await api();
  a.setPrompter(p);
  try {
    const result = await vscode.commands.executeCommand<T>(command, ...args);
    return { result, prompter: p };
  } finally {
    a.setPrompter(undefined);
  }
}

/** The node the sidebar shows at a label path, as the tree passes it to item commands. */
export async function node(viewId: string, ...labels: string[]): Promise<Node> {
  const { tree: t } = await sidebarView(viewId);
  let n: Node | undefined;
  for (const label of labels) {
    const children: Node[] = (await t.getChildren(n)) ?? [];
    n = undefined;
    for (const c of children) if (labelOf(await t.getTreeItem(c)) === label) n = c;
    assert.ok(n, `no item ${labels.join(' > ')} in ${viewId} (stopped at "${label}")`);
  }
  assert.ok(n, `no item ${labels.join(' > ')} in ${viewId}`);
  return n;
}

export function assertScriptUsed(p: ScriptedPrompter): void {
  assert.deepEqual(p.errors, [], 'the script matched every prompt');
  assert.equal(p.remaining, 0, `every answer was used (asked: ${p.asked.join(' / ')})`);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Closes every editor, reverting unsaved changes so no test leaks into the next. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(() => !doc.isDirty, `${doc.uri.path} to be reverted`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await (await api()).settle();
}

/**
 * The date the whole integration suite runs on (set by the root hook in clock.test.ts), so that tests
 * about due and overdue items do not change meaning as the real calendar moves on.
 */
export const SUITE_TODAY = '2026-11-25';

/** Puts the suite's fixed date back after a test moved the clock. */
export async function resetClock(): Promise<void> {
  (await api()).setToday(SUITE_TODAY);
}
