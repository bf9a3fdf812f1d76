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
  /** A non-modal message without buttons, shown until `until` settles (or the user hides it). */
  notifyUntil(message: string, until: Thenable<unknown>): void;
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

/**
 * Questions that follow one another share the quick input without a gap: an answered question stays
 * shown (busy) until the next one is shown in its place, and is hidden only once the code that asked it
 * has moved on without asking again (the next task of the event loop). Without this, each answer would
 * hide the quick input and hand the keyboard back, for a moment, to whatever had it before: the
 * walkthrough's step, say, which takes the focus when the key that answered is released over it, and
 * keeps it while the next question waits for a keyboard that never comes back.
 */
let answered: vscode.QuickInput | undefined;
let answeredTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows a question, in place of the one just answered if there is one. */
function present(input: vscode.QuickInput): void {
  const previous = answered;
  answered = undefined;
  clearTimeout(answeredTimer);
  input.show();
  previous?.dispose();
}

/** Keeps an answered question shown until the next question takes its place, or the asker has moved on. */
function settle(input: vscode.QuickInput): void {
  release();
  input.busy = true;
  answered = input;
  answeredTimer = setTimeout(release, 0);
}

/** Hides the answered question still shown: before a message, a dialog, or once nothing follows it. */
function release(): void {
  clearTimeout(answeredTimer);
  const previous = answered;
  answered = undefined;
  previous?.dispose();
}

/** Runs a question to its answer: `accept` gives the answer to Enter, or undefined to keep asking; hiding it (Escape) answers undefined. */
function ask<T>(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, accept: () => { answer: T } | undefined): Promise<T | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: T | undefined, shown: boolean) => {
      if (done) return;
      done = true;
      resolve(answer);
      if (shown) settle(input);
      else input.dispose();
    };
    input.onDidAccept(() => {
      const result = accept();
      if (result) finish(result.answer, true);
    });
    input.onDidHide(() => finish(undefined, false));
    present(input);
  });
}

export const vscodePrompter: Prompter = {
  pick(items, options) {
    const qp = vscode.window.createQuickPick<(typeof items)[number]>();
    qp.title = titleOf(options);
    qp.placeholder = options.placeholder;
    qp.matchOnDescription = true;
    qp.items = items;
    return ask(qp, () => (qp.activeItems[0] ? { answer: qp.activeItems[0].value } : undefined));
  },
  pickMany(items, options) {
    const qp = vscode.window.createQuickPick<PickItem<(typeof items)[number]['value']>>();
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    qp.title = titleOf(options);
    qp.placeholder = options.placeholder;
    qp.items = items;
    return ask(qp, () => {
      const typed = qp.value.trim().toLowerCase();
      if (qp.selectedItems.length) return { answer: qp.selectedItems.map((c) => c.value) };
      if (!typed) {
        // Nothing ticked or typed: Enter on an item the user moved to (not the first one, where the
        // list starts) means that item; otherwise none.
        const moved = qp.activeItems[0];
        return { answer: moved && moved !== qp.items[0] ? [moved.value] : [] };
      }
      // Nothing ticked, but something typed: Enter means the one item the typing found.
      const found = qp.activeItems.length ? qp.activeItems : items.filter((i) => `${plainLabel(i.label)} ${i.description ?? ''}`.toLowerCase().includes(typed));
      if (found.length === 1) return { answer: [found[0].value] };
      qp.title = `${titleOf(options)}: ${found.length ? 'several match; tick the ones you mean with Space' : 'nothing matches'}, or clear the text for none`;
      return undefined;
    });
  },
  pickOrType(suggestions, options) {
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
    qp.onDidChangeValue(() => {
      qp.title = titleOf(options);
      refresh();
    });
    return ask(qp, () => {
      const v = (qp.selectedItems[0]?.label ?? qp.value).trim();
      // This quick pick has no validation message on the oldest supported VS Code: say it in the title.
      const problem = v ? options.validate?.(v) : options.validate?.('') ?? 'Type a value, or press Escape to cancel.';
      if (problem) {
        qp.title = `${titleOf(options)}: ${problem}`;
        return undefined;
      }
      return { answer: v };
    });
  },
  input(options) {
    const box = vscode.window.createInputBox();
    box.title = titleOf(options);
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    box.placeholder = options.placeholder;
    box.ignoreFocusOut = true;
    const check = () => (box.validationMessage = options.validate?.(box.value));
    // As VS Code's own input box: a value given is checked at once, an empty one only once typed in or
    // accepted, so that the prompt shows first.
    if (box.value) check();
    box.onDidChangeValue(check);
    return ask(box, () => (check() ? undefined : { answer: box.value }));
  },
  async confirm(message, detail, action) {
    release();
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  notify(message, ...actions) {
    release();
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  },
  notifyUntil(message, until) {
    release();
    // A notification with progress is the one an extension can take away again.
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: message }, () => Promise.resolve(until).then(() => undefined, () => undefined));
  },
  error(message, ...actions) {
    release();
    return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
  },
  saveLocation(options) {
    release();
    return Promise.resolve(vscode.window.showSaveDialog(options));
  },
  async openLocation(options) {
    release();
    const chosen = await vscode.window.showOpenDialog({ ...options, canSelectFiles: true, canSelectFolders: false, canSelectMany: false });
    return chosen?.[0];
  },
};
