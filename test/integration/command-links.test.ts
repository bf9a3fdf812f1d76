// A guard: every command Debrief names anywhere (the manifest's commands, menus, welcome views and
// walkthrough, the walkthrough's Markdown, the commands its code runs) resolves to a registered command
// in the real editor, so that no link or button ends in "command not found".
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import { api, eventually } from './helpers';

/** Command ids in `command:` links of a text (Markdown, welcome views, walkthrough descriptions). */
function linked(text: string): string[] {
  return [...text.matchAll(/command:([\w.-]+)/g)].map((m) => m[1]);
}

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? files(f, ext) : f.endsWith(ext) ? [f] : [];
  });
}

describe('command links', () => {
  it('every command named by the manifest, the walkthrough and the code is registered', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const root = ext.extensionUri.fsPath;
    const pkg = ext.packageJSON as {
      contributes: {
        commands: { command: string }[];
        menus: Record<string, { command: string }[]>;
        viewsWelcome: { contents: string }[];
        walkthroughs: { steps: { description: string; completionEvents?: string[]; media: { markdown?: string } }[] }[];
      };
    };
    const named = new Map<string, string>();
    const add = (id: string, where: string) => { if (!named.has(id)) named.set(id, where); };
    for (const c of pkg.contributes.commands) add(c.command, 'contributes.commands');
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) for (const i of items) add(i.command, `menus.${menu}`);
    for (const w of pkg.contributes.viewsWelcome) for (const id of linked(w.contents)) add(id, 'viewsWelcome');
    for (const step of pkg.contributes.walkthroughs.flatMap((w) => w.steps)) {
      for (const id of linked(step.description)) add(id, 'walkthrough step');
      for (const e of step.completionEvents ?? []) if (e.startsWith('onCommand:')) add(e.slice('onCommand:'.length), 'walkthrough completion event');
      if (step.media.markdown) for (const id of linked(fs.readFileSync(path.join(root, step.media.markdown), 'utf8'))) add(id, step.media.markdown);
    }
    // Commands the code runs by name (literal ids; ids from constants are registered by the code itself).
    for (const f of files(path.join(root, 'src'), '.ts')) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/executeCommand(?:<[^>]*>)?\(\s*'([\w.-]+)'/g)) add(m[1], path.relative(root, f));
      for (const id of linked(text)) add(id, path.relative(root, f));
    }
    assert.ok(named.size > 20, `found the commands (${named.size})`);
    const registered = new Set(await vscode.commands.getCommands(true));
    // The view focus commands exist once the views are shown.
    await vscode.commands.executeCommand('workbench.view.extension.debrief');
    // setContext is built in but never listed by getCommands.
    const missing = [...named].filter(([id]) => !registered.has(id) && !id.endsWith('.focus') && id !== 'setContext').map(([id, where]) => `${id} (${where})`);
    assert.deepEqual(missing, [], 'every named command is registered');
  });

  it('opens the walkthrough from the palette', async () => {
    await vscode.commands.executeCommand('debrief.openWalkthrough');
    // The walkthrough opens in the Welcome editor: a tab whose label names it.
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    await eventually(() => tabs().some((l) => /Welcome|Walkthrough/i.test(l)), 'the walkthrough to open in the Welcome editor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
