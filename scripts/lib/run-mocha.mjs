// Runs mocha on the given files in this process and writes { passed, failed, skipped } to a JSON file.
//   node scripts/lib/run-mocha.mjs <results.json> <timeout-ms> <file>...
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

const [resultsFile, timeout, ...files] = process.argv.slice(2);
const grep = process.env.DEBRIEF_TEST_GREP;
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: Number(timeout), ...(grep ? { grep } : {}) });
for (const f of files) mocha.addFile(f);
await mocha.loadFilesAsync();
const counts = { passed: 0, failed: 0, skipped: 0 };
const runner = mocha.run((failures) => {
  writeFileSync(resultsFile, JSON.stringify(counts));
  process.exitCode = failures ? 1 : 0;
});
runner.on('pass', () => counts.passed++);
runner.on('fail', () => counts.failed++);
runner.on('pending', () => counts.skipped++);
