// Text files through vscode.workspace.fs, so the same code runs on disk, in remote workspaces
// and in VS Code for the web (no Node `fs` anywhere in the extension).
import * as vscode from 'vscode';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function isMissing(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

/** The file's text, or undefined when there is no such file. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Writes `text`, creating parent folders (workspace.fs.writeFile does). */
export function writeText(uri: vscode.Uri, text: string): Thenable<void> {
  return vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

/** The text an editor shows for `uri` when it is open (unsaved changes included), else the file's. */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readTextIfExists(uri);
}
