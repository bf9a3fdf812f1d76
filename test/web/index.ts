// Runs inside the web worker extension host (VS Code for the Web): the workbench calls `run()` (the
// module named by the `extensionTestsPath` payload). A web worker has no file system and no `require`
// but `vscode`'s, so this file is one bundle with mocha's browser build and every test file in it
// (scripts/build.mjs), and results come out through the console, which the workbench hands to the
// runner in scripts/lib/web.mjs (`codeAutomationLog`): one line per test, then one when all is done.
import 'mocha/mocha';
import * as vscode from 'vscode';

export const RESULT = 'debrief-web-result ';
export const DONE = 'debrief-web-done ';

/**
 * The integration tests that prove what the browser changes (commands registered, the views, commands
 * that write, hand editing, the assistant's tools, file events and the kept index, changes made while
 * the journal is read (the race tests, through the folder's FileSystemProvider), the calendar with
 * its reader loaded on demand, the brief's page), not the whole suite; then the browser's own.
 */
function load(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- after mocha.setup, which defines `describe` */
  require('../integration/clock.test');
  require('./worker.test');
  require('../integration/activation.test');
  require('../integration/sidebar.test');
  require('../integration/commands.test');
  require('../integration/language.test');
  require('../integration/assistant.test');
  require('../integration/services.test');
  require('../integration/races.test');
  require('../integration/calendar.test');
  require('../integration/brief.test');
  require('./browser.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function run(): Promise<void> {
  // The runner passes the title filter through a user setting: a worker has no environment.
  const grep = vscode.workspace.getConfiguration('debriefTest').get<string>('grep') || undefined;
  // No reporter of mocha's: the browser's default draws HTML, and the results go out below.
  mocha.setup({ ui: 'bdd', timeout: 30_000, reporter: class Quiet {} as unknown as Mocha.ReporterConstructor, ...(grep ? { grep } : {}) });
  load();
  return new Promise((resolve, reject) => {
    const say = (r: object) => console.log(RESULT + JSON.stringify(r));
    const runner = mocha.run((failures) => {
      console.log(DONE + JSON.stringify({ failures }));
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => say({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => say({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
    runner.on('pending', (t) => say({ title: t.fullTitle(), state: 'pending' }));
  });
}
