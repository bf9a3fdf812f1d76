/**
 * Every question Debrief asks and every message it shows goes through the Prompter service: quick
 * picks, input boxes, confirmations, notifications, errors, and open and save dialogs. The extension uses
 * VS Code's (`vscodePrompter`); the integration tests answer from a script. An `undefined` answer
 * means the user pressed Escape: the command stops and writes nothing.
 */
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface StepOptions {
  title: string;
  /** 1-based step of a multi-step input, shown as "Title (2/5)". */
  step?: number;
  totalSteps?: number;
  placeholder?: string;
}

export interface InputOptions extends StepOptions {
  prompt?: string;
  value?: string;
  /** Returns an error message for an invalid value, undefined when valid. */
  validate?: (value: string) => string | undefined;
}

export interface Prompter {
  pick<T>(items: readonly PickItem<T>[], options: StepOptions): Promise<T | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: StepOptions): Promise<T[] | undefined>;
  /** A text, with suggestions the user may pick instead of typing. */
  pickOrType(suggestions: readonly string[], options: InputOptions): Promise<string | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal yes/no question; true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A non-modal message with buttons; resolves with the button chosen, if any. */
  notify(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A non-modal error message (what went wrong and what to do) with buttons. */
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Where to save a new file; undefined when dismissed. */
  saveLocation(options: { title: string; defaultUri: vscode.Uri; filters: Record<string, string[]>; saveLabel: string }): Promise<vscode.Uri | undefined>;
  /** One existing file to read; undefined when dismissed. */
  openLocation(options: { title: string; defaultUri?: vscode.Uri; filters: Record<string, string[]>; openLabel: string }): Promise<vscode.Uri | undefined>;
}

/** A label without its `$(icon)` codicons, as the user reads it. */
function plainLabel(label: string): string {
  return label.replace(/\$\([\w-]+\)\s*/g, '');
}

function titleOf(o: StepOptions): string {
  return o.step && o.totalSteps ? `${o.title} (${o.step}/${o.totalSteps})` : o.title;
}

export const vscodePrompter: Prompter = {
  async pick(items, options) {
    const chosen = await vscode.window.showQuickPick(items, { title: titleOf(options), placeHolder: options.placeholder, matchOnDescription: true });
    return chosen?.value;
  },
  pickMany(items, options) {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<PickItem<(typeof items)[number]['value']>>();
      qp.canSelectMany = true;
      qp.matchOnDescription = true;
      qp.title = titleOf(options);
      qp.placeholder = options.placeholder;
      qp.items = items;
      let done = false;
      const finish = (v: (typeof items)[number]['value'][] | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        qp.dispose();
      };
      qp.onDidAccept(() => {
        const typed = qp.value.trim().toLowerCase();
        if (qp.selectedItems.length) return finish(qp.selectedItems.map((c) => c.value));
        if (!typed) {
          // Nothing ticked or typed: Enter on an item the user moved to (not the first one, where the
          // list starts) means that item; otherwise none.
          const moved = qp.activeItems[0];
          return finish(moved && moved !== qp.items[0] ? [moved.value] : []);
        }
        // Nothing ticked, but something typed: Enter means the one item the typing found.
        const found = qp.activeItems.length ? qp.activeItems : items.filter((i) => `${plainLabel(i.label)} ${i.description ?? ''}`.toLowerCase().includes(typed));
        if (found.length === 1) return finish([found[0].value]);
        qp.title = `${titleOf(options)}: ${found.length ? 'several match; tick the ones you mean with Space' : 'nothing matches'}, or clear the text for none`;
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  },
  pickOrType(suggestions, options) {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick();
      qp.title = titleOf(options);
      qp.placeholder = options.placeholder ?? options.prompt;
      qp.value = options.value ?? '';
      const base = suggestions.map((label) => ({ label }));
      const refresh = () => {
        const typed = qp.value.trim();
        const problem = typed && options.validate ? options.validate(typed) : undefined;
        qp.items = typed && !suggestions.some((s) => s.toLowerCase() === typed.toLowerCase()) ? [{ label: typed, description: problem ?? 'new' }, ...base] : base;
      };
      refresh();
      let done = false;
      const finish = (v: string | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        qp.dispose();
      };
      qp.onDidChangeValue(() => {
        qp.title = titleOf(options);
        refresh();
      });
      qp.onDidAccept(() => {
        const v = (qp.selectedItems[0]?.label ?? qp.value).trim();
        // This quick pick has no validation message on the oldest supported VS Code: say it in the title.
        const problem = v ? options.validate?.(v) : options.validate?.('') ?? 'Type a value, or press Escape to cancel.';
        if (problem) {
          qp.title = `${titleOf(options)}: ${problem}`;
          return;
        }
        finish(v);
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  },
  input(options) {
    return Promise.resolve(vscode.window.showInputBox({
      title: titleOf(options), prompt: options.prompt, value: options.value, placeHolder: options.placeholder,
      validateInput: options.validate, ignoreFocusOut: true,
    }));
  },
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  notify(message, ...actions) {
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  },
  error(message, ...actions) {
    return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
  },
  saveLocation(options) {
    return Promise.resolve(vscode.window.showSaveDialog(options));
  },
  async openLocation(options) {
    const chosen = await vscode.window.showOpenDialog({ ...options, canSelectFiles: true, canSelectFolders: false, canSelectMany: false });
    return chosen?.[0];
  },
};
