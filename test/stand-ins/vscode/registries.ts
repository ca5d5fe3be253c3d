// The `commands`, `languages` and `env` namespaces of the stand-in: registries that record what
// the extension registered, so tests can run a command or call a provider as VS Code would.
import type * as vscode from 'vscode';
import { Disposable } from './events';
import type { Uri } from './text';
import { openDiffTab } from './window';

// ---- commands -----------------------------------------------------------------------------------

const registered = new Map<string, (...args: unknown[]) => unknown>();
/** Stand-in only: calls to commands VS Code itself provides (setContext, vscode.open…). */
export const builtInCalls: Array<{ command: string; args: unknown[] }> = [];

export const commands = {
  registerCommand(command: string, callback: (...args: unknown[]) => unknown, thisArg?: unknown): Disposable {
    if (registered.has(command)) throw new Error(`command '${command}' already exists`);
    registered.set(command, thisArg === undefined ? callback : callback.bind(thisArg));
    return new Disposable(() => registered.delete(command));
  },
  async executeCommand<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
    const handler = registered.get(command);
    if (handler) return (await handler(...args)) as T;
    builtInCalls.push({ command, args });
    if (command === 'vscode.diff') openDiffTab(args[0] as Uri, args[1] as Uri, String(args[2] ?? ''));
    return undefined as T;
  },
  async getCommands(): Promise<string[]> {
    return [...registered.keys()];
  },
};

/** Stand-in only: the ids registered right now. */
export function registeredCommands(): string[] {
  return [...registered.keys()].sort();
}

// ---- languages ----------------------------------------------------------------------------------

export interface Registration<P> {
  selector: vscode.DocumentSelector;
  provider: P;
  /** Trigger characters (completion) or the metadata object (drop, paste). */
  extra: unknown;
}

export const providers = {
  completion: [] as Array<Registration<vscode.CompletionItemProvider>>,
  hover: [] as Array<Registration<vscode.HoverProvider>>,
  drop: [] as Array<Registration<vscode.DocumentDropEditProvider>>,
  paste: [] as Array<Registration<vscode.DocumentPasteEditProvider>>,
};

function register<P>(list: Array<Registration<P>>, entry: Registration<P>): Disposable {
  list.push(entry);
  return new Disposable(() => list.splice(list.indexOf(entry), 1));
}

export const languages = {
  registerCompletionItemProvider: (selector: vscode.DocumentSelector, provider: vscode.CompletionItemProvider, ...triggerCharacters: string[]) =>
    register(providers.completion, { selector, provider, extra: triggerCharacters }),
  registerHoverProvider: (selector: vscode.DocumentSelector, provider: vscode.HoverProvider) =>
    register(providers.hover, { selector, provider, extra: undefined }),
  registerDocumentDropEditProvider: (
    selector: vscode.DocumentSelector,
    provider: vscode.DocumentDropEditProvider,
    metadata?: vscode.DocumentDropEditProviderMetadata,
  ) => register(providers.drop, { selector, provider, extra: metadata }),
  registerDocumentPasteEditProvider: (
    selector: vscode.DocumentSelector,
    provider: vscode.DocumentPasteEditProvider,
    metadata: vscode.DocumentPasteProviderMetadata,
  ) => register(providers.paste, { selector, provider, extra: metadata }),
};

// ---- env ----------------------------------------------------------------------------------------

let clipboardText = '';
/** Stand-in only: every URI handed to openExternal. */
export const openedExternally: Uri[] = [];

export const env = {
  appName: 'Visual Studio Code (stand-in)',
  appHost: 'desktop',
  uiKind: 1,
  language: 'en',
  machineId: 'stand-in',
  clipboard: {
    readText: async () => clipboardText,
    writeText: async (value: string) => {
      clipboardText = value;
    },
  },
  async openExternal(target: Uri): Promise<boolean> {
    openedExternally.push(target);
    return true;
  },
};

export function resetRegistries(): void {
  registered.clear();
  builtInCalls.length = 0;
  for (const list of Object.values(providers)) list.length = 0;
  clipboardText = '';
  openedExternally.length = 0;
}
