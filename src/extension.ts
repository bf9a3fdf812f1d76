import * as vscode from 'vscode';
import { features } from './features';
import { createServices, Services } from './services';

/** What activate() returns: the live services, for tests and for extensions built on Debrief. */
export interface DebriefApi {
  readonly services: Services;
}

export async function activate(context: vscode.ExtensionContext): Promise<DebriefApi> {
  const services = createServices(context);
  for (const [name, feature] of Object.entries(features)) {
    try {
      await feature.activate(context, services);
    } catch (e) {
      services.log.error(`feature ${name} failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void vscode.window.showErrorMessage(`Debrief: the ${name} feature could not start. See the Debrief output for details.`);
    }
  }
  void services.store.reload();
  services.log.info('Debrief activated');
  return { services };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
