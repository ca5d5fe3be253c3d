// The vault folder as the core's VaultStore, so the core's runs (the catch-up check)
// work on the person's notes from VS Code: notes are found through the WorkspaceNoteIndex (by `arxiv_id`),
// read and written through vscode.workspace.fs, and a note open in an editor is changed through
// the editor (only the changed span, one undo step), keeping any unsaved text of the person's.
import * as vscode from 'vscode';
import { indexOfMaps, pathKey } from '../../../core/vault/index-of';
import type { IndexOptions, VaultIndex, VaultStore } from '../../../core/vault/store';
import type { WorkspaceNoteIndex } from './workspace-note-index';
import { createText, exists, readTextIfExists, replaceText } from '../shared/text-files';

export class WorkspaceVaultStore implements VaultStore {
  constructor(
    private readonly root: vscode.Uri,
    private readonly notes: WorkspaceNoteIndex,
  ) {}

  async index(options: IndexOptions = {}): Promise<VaultIndex> {
    const papers = await this.notes.known();
    return indexOfMaps(papers, new Map(), options.keepKeys ? await this.notes.library(options.keepKeys) : undefined);
  }

  async read(path: string): Promise<string | null> {
    const open = this.openDocument(path);
    return open ? open.getText() : ((await readTextIfExists(this.uri(path))) ?? null);
  }

  async occupant(path: string): Promise<string | null> {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    let entries: Array<[string, vscode.FileType]>;
    try {
      entries = await vscode.workspace.fs.readDirectory(folder ? this.uri(folder) : this.root);
    } catch {
      return null; // no folder yet: the name is free
    }
    const wanted = pathKey(path.slice(slash + 1));
    const found = entries.find(([name]) => pathKey(name) === wanted);
    return found ? (folder ? `${folder}/${found[0]}` : found[0]) : null;
  }

  async create(path: string, content: string): Promise<void> {
    if (await exists(this.uri(path))) throw new Error('File already exists.');
    try {
      await createText(this.uri(path), content);
    } catch (error) {
      // Another writer (a sync, a second window) took the name since the check: keep its file.
      if (error instanceof vscode.FileSystemError && error.code === 'FileExists') throw new Error('File already exists.');
      throw error;
    }
    this.notes.invalidate();
  }

  async process(path: string, fn: (current: string) => string): Promise<string> {
    const open = this.openDocument(path);
    if (open) return this.processOpen(open, fn);
    const current = await readTextIfExists(this.uri(path));
    if (current === undefined) throw new Error(`File not found: ${path}`);
    const next = fn(current);
    if (next === current) return current;
    await replaceText(this.uri(path), next);
    this.notes.invalidate();
    return next;
  }

  /** Replaces only the span that differs, and saves unless the person has unsaved changes there. */
  private async processOpen(document: vscode.TextDocument, fn: (current: string) => string): Promise<string> {
    const current = document.getText();
    const next = fn(current);
    if (next === current) return current;
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start += 1;
    let end = 0;
    while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end += 1;
    // Never split a character that takes two UTF-16 units (an emoji, a rare CJK character).
    if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start -= 1;
    if (end > 0 && isHighSurrogate(current.charCodeAt(current.length - end - 1))) end -= 1;
    const hadOwnChanges = document.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(current.length - end)), next.slice(start, next.length - end));
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code did not apply the change to ${document.uri.path.replace(/^.*\//, '')}`);
    if (!hadOwnChanges) await document.save();
    this.notes.invalidate();
    return document.getText();
  }

  private openDocument(path: string): vscode.TextDocument | undefined {
    const uri = this.uri(path).toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  private uri(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...path.split('/'));
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
