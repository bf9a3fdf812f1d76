import { TOOL_SPECS } from '../../src/core/assistant/specs';
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID } from '../../src/constants';
import { api, eventually } from './helpers';

describe('activation', () => {
  it('activates on a workspace that holds a journal and registers every command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    const manifest = ext.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) {
      assert.ok(registered.has(command), `${command} is declared in package.json but not registered`);
    }
    assert.ok(registered.has(CommandId.InitJournal));
  });

  it('opens the Debrief view container, and its views show', async () => {
    const { parts } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.debrief');
    await vscode.commands.executeCommand('debrief.interviews.focus');
    await eventually(() => parts.sidebar?.interviews.view.visible, 'the Interviews view to be visible');
    // Each view hears of its visibility on its own: the Weaknesses view may hear a moment later.
    await eventually(() => parts.sidebar?.weaknesses.view.visible, 'the Weaknesses view to show beside it');
  });

  it('in test mode, hands the tests what every feature it activated is made of', async () => {
    const { parts } = await api();
    assert.deepEqual(Object.keys(parts).sort(), ['assistant', 'brief', 'calendar', 'commands', 'diagnostics', 'insights', 'language', 'noteBacklinks', 'reminders', 'sidebar', 'walkthrough']);
    assert.ok(parts.sidebar && parts.insights && parts.reminders && parts.brief, 'the views are built');
    assert.equal(parts.assistant?.tools.size, TOOL_SPECS.length, 'every assistant tool is registered');
  });
});
