import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID } from '../../src/constants';

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

  it('opens the Debrief view container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.debrief');
    // The view's focus command exists only when the view is contributed and resolvable.
    await vscode.commands.executeCommand('debrief.interviews.focus');
  });
});
