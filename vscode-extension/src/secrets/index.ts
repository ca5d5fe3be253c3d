// The API key commands: set it (typed into a password box) or remove it. Stored only through
// context.secrets.
import * as vscode from 'vscode';
import { registerCommand } from '../shared/commands';
import { ApiKeyStore } from './api-key';

export function registerSecrets(context: vscode.ExtensionContext): ApiKeyStore {
  const store = new ApiKeyStore(context.secrets);
  context.subscriptions.push(
    registerCommand('paperFeed.setApiKey', async () => {
      const value = await vscode.window.showInputBox({
        title: 'API key for summaries and translation',
        prompt: 'Kept in VS Code’s secret storage on this computer and sent only to the endpoint you configure. Leave empty to keep the current key.',
        password: true,
        ignoreFocusOut: true,
      });
      if (!value?.trim()) return;
      await store.set(value.trim());
      void vscode.window.showInformationMessage('Paper Feed stored the API key in VS Code’s secret storage.');
    }),
    registerCommand('paperFeed.clearApiKey', async () => {
      await store.clear();
      void vscode.window.showInformationMessage('Paper Feed removed the API key.');
    }),
  );
  return store;
}
