// An ExtensionContext for tests: real storage folders on disk, in-memory Mementos and secrets,
// and subscriptions a test can dispose the way VS Code does on deactivation.
import type * as vscode from 'vscode';
import { EventEmitter } from './events';
import { ExtensionMode } from './files';
import { Uri } from './text';

class MemoryMemento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
  setKeysForSync(): void {}
}

class MemorySecrets {
  /** Stand-in only: the stored secrets, to prove where a secret went. */
  readonly stored = new Map<string, string>();
  private readonly changed = new EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;
  async get(key: string): Promise<string | undefined> {
    return this.stored.get(key);
  }
  async keys(): Promise<string[]> {
    return [...this.stored.keys()];
  }
  async store(key: string, value: string): Promise<void> {
    this.stored.set(key, value);
    this.changed.fire({ key });
  }
  async delete(key: string): Promise<void> {
    this.stored.delete(key);
    this.changed.fire({ key });
  }
}

export interface StandInContext {
  subscriptions: Array<{ dispose(): unknown }>;
  workspaceState: MemoryMemento;
  globalState: MemoryMemento;
  secrets: MemorySecrets;
  extensionUri: Uri;
  extensionPath: string;
  globalStorageUri: Uri;
  globalStoragePath: string;
  storageUri: Uri | undefined;
  logUri: Uri;
  extensionMode: ExtensionMode;
}

/** A context whose global storage is `globalStorage` (a real folder, usually a temp dir). */
export function extensionContext(options: { globalStorage: string; extensionPath?: string }): vscode.ExtensionContext & { readonly secrets: MemorySecrets } {
  const extensionPath = options.extensionPath ?? new URL('../../../vscode-extension', import.meta.url).pathname;
  const context: StandInContext = {
    subscriptions: [],
    workspaceState: new MemoryMemento(),
    globalState: new MemoryMemento(),
    secrets: new MemorySecrets(),
    extensionUri: Uri.file(extensionPath),
    extensionPath,
    globalStorageUri: Uri.file(options.globalStorage),
    globalStoragePath: options.globalStorage,
    storageUri: undefined,
    logUri: Uri.file(`${options.globalStorage}/log`),
    extensionMode: ExtensionMode.Test,
  };
  return context as unknown as vscode.ExtensionContext & { readonly secrets: MemorySecrets };
}

/** Disposes every subscription, as VS Code does when the extension is deactivated. */
export function disposeContext(context: { subscriptions: Array<{ dispose(): unknown }> }): void {
  for (const item of context.subscriptions.splice(0)) item.dispose();
}
