// Appends BibTeX entries to a .bib file, skipping every key already there. When the file is open
// in an editor the entry goes through the editor (unsaved changes kept, one undo step) and is
// saved unless the person had unsaved changes of their own. Every entry is read back first
// (core/cite/bib-append.ts): one that would not read the same, or would be swallowed by a damaged
// entry before it, is not written; a file that was already damaged is said so once.
import * as vscode from 'vscode';
import { checkAppend } from '../../../core/cite/bib-append';
import { appendEntry, bibEntries, hasKey, type BibEntryRef } from './bib-entries';
import { currentText, readTextIfExists, writeText } from '../shared/text-files';

export interface BibAddition {
  key: string;
  /** The full entry text, "@misc{key, … }". */
  entry: string;
}

/** Entries already in each file (a missing file has none). */
export async function readEntries(files: readonly vscode.Uri[]): Promise<BibEntryRef[]> {
  const texts = await Promise.all(files.map((f) => currentText(f)));
  return texts.flatMap((t) => (t === undefined ? [] : bibEntries(t)));
}

/** Appends the additions whose key `file` does not hold yet; resolves to the keys it added. */
export async function addToBibliography(file: vscode.Uri, additions: readonly BibAddition[]): Promise<string[]> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  const before = open ? open.getText() : ((await readTextIfExists(file)) ?? '');
  let after = before;
  const added: string[] = [];
  let notice: string | undefined;
  const fileName = file.path.replace(/^.*\//, '');
  for (const { key, entry } of additions) {
    if (hasKey(bibEntries(after), key)) continue;
    const checked = checkAppend(after, appendEntry(after, entry), entry, key, fileName);
    after = checked.text;
    notice ??= checked.notice;
    added.push(key);
  }
  if (added.length === 0) return [];
  if (notice) void vscode.window.showWarningMessage(notice);
  if (open) {
    const hadOwnChanges = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(file, open.positionAt(before.length), after.slice(before.length));
    await vscode.workspace.applyEdit(edit);
    if (!hadOwnChanges) await open.save();
  } else {
    await writeText(file, after);
  }
  return added;
}
