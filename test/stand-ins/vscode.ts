// A `vscode` module for unit tests (aliased in vitest.config.ts), as Foam does: the value classes,
// namespaces that record registrations and prompts, and `standIn`, the test-side controls.
import * as workspaceNamespace from './vscode/workspace';
import * as windowNamespace from './vscode/window';
import { commands, env, languages, builtInCalls, openedExternally, providers, registeredCommands, resetRegistries } from './vscode/registries';
import { disposeContext, extensionContext } from './vscode/context';
import { StandInTextEditor, textDocument } from './vscode/documents';

export * from './vscode/events';
export * from './vscode/text';
export * from './vscode/ui';
export * from './vscode/transfer';
export * from './vscode/files';
export { commands, env, languages };
export const workspace = workspaceNamespace;
export const window = windowNamespace;
export const version = '1.100.0';

/** Test-side controls; not part of VS Code's API. Import from this file, not from 'vscode'. */
export const standIn = {
  shown: windowNamespace.shown,
  answerMessage: windowNamespace.answerMessage,
  answerQuickPick: windowNamespace.answerQuickPick,
  answerInputBox: windowNamespace.answerInputBox,
  treeViews: windowNamespace.treeViews,
  statusBarMessages: windowNamespace.statusBarMessages,
  setActiveTextEditor: windowNamespace.setActiveTextEditor,
  setSetting: workspaceNamespace.setSetting,
  setWorkspaceFolders: workspaceNamespace.setWorkspaceFolders,
  watchers: workspaceNamespace.watchers,
  textDocuments: workspaceNamespace.textDocuments,
  providers,
  builtInCalls,
  openedExternally,
  registeredCommands,
  extensionContext,
  disposeContext,
  textDocument,
  TextEditor: StandInTextEditor,
  reset(): void {
    workspaceNamespace.resetWorkspace();
    windowNamespace.resetWindow();
    resetRegistries();
  },
};
