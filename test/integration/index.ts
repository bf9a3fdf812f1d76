// Runs inside the real VS Code extension host: the workbench calls `run()` (the module named by the
// `extensionTestsPath` payload). It runs every compiled *.test.js beside it with mocha, prints the
// spec report, and writes a JSON result file (path in DEBRIEF_TEST_RESULTS) for the outer runner.
import Mocha from 'mocha';
import * as fs from 'fs';
import * as path from 'path';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** Folders of suites that need a workspace of their own (a multi-root one): run only when DEBRIEF_TEST_SUITE names them. */
const OWN_WORKSPACE = new Set(['multi-root']);

function findTests(dir: string, top = true): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && OWN_WORKSPACE.has(entry.name))) out.push(...findTests(full, false));
    } else if (entry.name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

export function run(): Promise<void> {
  const grep = process.env.DEBRIEF_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // The suite of a workspace of its own (its folder's tests), or the main one (every other test).
  const suite = process.env.DEBRIEF_TEST_SUITE;
  for (const file of suite ? findTests(path.join(__dirname, suite), false) : findTests(__dirname)) mocha.addFile(file);
  const results: TestResult[] = [];
  const resultsFile = process.env.DEBRIEF_TEST_RESULTS;
  const write = (extra: Record<string, unknown> = {}) => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ results, ...extra }, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write({ done: true });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (e) {
      write({ done: true, crashed: String(e instanceof Error ? e.stack : e) });
      reject(e);
    }
  });
}
