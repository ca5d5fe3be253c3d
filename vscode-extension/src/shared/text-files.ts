// Text files through vscode.workspace.fs, so the same code runs on disk, in remote workspaces
// and in VS Code for the web (no Node `fs` anywhere in the extension).
import * as vscode from 'vscode';
import { swapInto } from './local-disk';

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

/**
 * Replaces a person's file (a note, a .bib) whole or not at all, and never leaves a moment without
 * it. On this computer's disk the text is written to a hidden file beside it, which the operating
 * system's rename then swaps in, so a crash or a full disk never leaves half a note. A symbolic
 * link is written through instead, so it stays a link to the person's shared file, and a
 * read-only file is written in place so that it still refuses, as a direct write would.
 * Elsewhere (VS Code for the web, virtual file systems) the file is written in one call; their
 * rename would delete the old file before moving the new one in.
 */
export async function replaceText(uri: vscode.Uri, text: string): Promise<void> {
  const current = await vscode.workspace.fs.stat(uri).then(
    (stat) => stat,
    (error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    },
  );
  if (current === undefined) return moveIntoPlace(uri, text, true);
  const linked = (current.type & vscode.FileType.SymbolicLink) !== 0;
  const readOnly = ((current.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
  if (linked || readOnly || uri.scheme !== 'file' || !swapInto) return writeText(uri, text);
  const partial = partialBeside(uri);
  await writeText(partial, text);
  try {
    await swapInto(partial.fsPath, uri.fsPath);
  } catch {
    // The system refused the swap (a folder that takes no new names, a file another program
    // holds open on Windows). The text fitted on the disk beside it, so write it in place.
    await vscode.workspace.fs.delete(partial).then(undefined, () => undefined);
    await writeText(uri, text);
  }
}

/**
 * Creates a file whole or not at all, and only where nothing is: the text is written beside it
 * and then moved to the name without overwriting, so a file that appeared meanwhile is kept and
 * this throws FileSystemError.FileExists.
 */
export function createText(uri: vscode.Uri, text: string): Promise<void> {
  return moveIntoPlace(uri, text, false);
}

/** A hidden name beside `uri` for text on its way in. */
function partialBeside(uri: vscode.Uri): vscode.Uri {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return vscode.Uri.joinPath(uri, '..', `.${name}.${Math.random().toString(16).slice(2, 10)}.paper-feed-partial`);
}

async function moveIntoPlace(uri: vscode.Uri, text: string, overwrite: boolean): Promise<void> {
  const partial = partialBeside(uri);
  await writeText(partial, text);
  try {
    await vscode.workspace.fs.rename(partial, uri, { overwrite });
  } catch (error) {
    await vscode.workspace.fs.delete(partial).then(undefined, () => undefined);
    throw error;
  }
}

/** The text an editor shows for `uri` when it is open (unsaved changes included), else the file's. */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readTextIfExists(uri);
}
