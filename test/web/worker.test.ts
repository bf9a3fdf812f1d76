// The web tier's first check: the code under test is the browser bundle, running in a web worker, on a
// folder that is not a `file:` one. Every other test of the tier would pass in the Node host too.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { api, folder } from '../integration/helpers';

describe('VS Code for the Web', () => {
  it('runs Debrief\'s browser bundle in the web worker extension host, on a folder served by a FileSystemProvider', async () => {
    const a = await api();
    assert.deepEqual(a.host, { runtime: 'worker', localDisk: false }, 'the extension sees a worker and no local disk: its browser bundle');
    assert.equal(Object.getPrototypeOf(globalThis).constructor.name, 'DedicatedWorkerGlobalScope');
    assert.equal('process' in globalThis, false, 'a web worker has no process');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(folder().uri.scheme, 'debrieftest');
    assert.ok(a.services.store.journalOf(folder())?.index.interviews().length, 'the journal was read from the served folder');
  });
});
