// Runs mocha on the given files in this process and writes { passed, failed, skipped, failures } to a JSON file
// (failures: each failed test's title and error, repeated in the run's summary).
//   node scripts/lib/run-mocha.mjs <results.json> <timeout-ms> <file>...
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

const [resultsFile, timeout, ...files] = process.argv.slice(2);
const grep = process.env.DEBRIEF_TEST_GREP;
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: Number(timeout), ...(grep ? { grep } : {}) });
for (const f of files) mocha.addFile(f);
await mocha.loadFilesAsync();
const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
const runner = mocha.run((failures) => {
  writeFileSync(resultsFile, JSON.stringify(counts));
  process.exitCode = failures ? 1 : 0;
});
runner.on('pass', () => counts.passed++);
runner.on('fail', (t, err) => {
  counts.failed++;
  counts.failures.push({ title: t.fullTitle(), error: String(err?.message ?? err) });
});
runner.on('pending', () => counts.skipped++);
