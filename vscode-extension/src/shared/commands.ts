// Registers a command whose failures reach the person once, as the one-line message the core
// gives every error, instead of VS Code's generic "command failed".
import * as vscode from 'vscode';
import { messageFor } from '../../../core/errors';

export function registerCommand(id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(messageFor(error));
      return undefined;
    }
  });
}
