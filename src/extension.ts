import * as vscode from 'vscode';
import { features, Parts } from './features';
import { SystemClock } from './services/clock';
import { createServices } from './services/services';
import type { TestApi } from './test-mode';

/** For the Node entry (src/extension-node.ts): this bundle runs in a web worker too, where there is none. */
export { useLocalDisk } from './adapters/local-disk';

/** Set by the build: false in the production bundle, which leaves test-mode.ts out. */
declare const DEBRIEF_TEST_SUPPORT: boolean;

/**
 * Builds the services once, then activates every feature with them. Exports nothing, except to the
 * integration tests when VS Code runs the extension for them.
 */
export async function activate(context: vscode.ExtensionContext): Promise<TestApi | undefined> {
  const testMode = DEBRIEF_TEST_SUPPORT && context.extensionMode === vscode.ExtensionMode.Test
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would put test-mode.ts in the production bundle
    ? (require('./test-mode') as typeof import('./test-mode')).createTestMode(disposed(context, new SystemClock()))
    : undefined;
  const services = createServices(context, testMode?.overrides);
  const parts: Partial<Record<keyof Parts, unknown>> = {};
  for (const [name, feature] of Object.entries(features)) {
    try {
      parts[name as keyof Parts] = await feature.activate(context, services);
    } catch (e) {
      services.log.error(`feature ${name} failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void services.prompter.error(`Debrief: the ${name} feature could not start. See the Debrief output for details.`);
    }
  }
  void services.store.reload();
  services.log.info('Debrief activated');
  return testMode?.api(services, parts as Parts, context);
}

function disposed<T extends vscode.Disposable>(context: vscode.ExtensionContext, d: T): T {
  context.subscriptions.push(d);
  return d;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
