// The API key for the OpenAI-compatible endpoint used for summaries and translation. It
// lives in VS Code's secret storage (the OS keychain), never in settings, notes or logs.
import type * as vscode from 'vscode';

const KEY = 'paperFeed.enrich.apiKey';

export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(): Thenable<string | undefined> {
    return this.secrets.get(KEY);
  }

  set(value: string): Thenable<void> {
    return this.secrets.store(KEY, value);
  }

  clear(): Thenable<void> {
    return this.secrets.delete(KEY);
  }
}
