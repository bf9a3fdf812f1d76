import * as vscode from 'vscode';
import { features } from './features';
import { createServices } from './services';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
