// `npm run test:desktop`: the same integration suite in desktop VS Code, through @vscode/test-electron.
// It downloads VS Code on first use, so it needs internet; CI and `npm test` use code-server instead.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'debrief-desktop-'));
const workspace = join(work, 'workspace');
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.DEBRIEF_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(work, 'user-data')],
  });
} catch (e) {
  console.error(`desktop integration tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
