// Appends BibTeX entries to a .bib file, skipping every key already there. When the file is open
// in an editor the entry goes through the editor (unsaved changes kept, one undo step) and is
// saved unless the person had unsaved changes of their own. Every entry is read back first
// (core/cite/bib-append.ts): one that would not read the same, or would be swallowed by a damaged
// entry before it, is not written; a file that was already damaged is said so once.
import * as vscode from 'vscode';
import { checkAppend } from '../../../core/cite/bib-append';
import { appendEntry, bibEntries, hasKey, type BibEntryRef } from './bib-entries';
import { currentText, readTextIfExists, replaceText } from '../shared/text-files';

export interface BibAddition {
  key: string;
  /** The full entry text, "@misc{key, … }". */
  entry: string;
}

/** What appending would do to a .bib file, worked out before anything is written. */
export interface BibAppend {
  file: vscode.Uri;
  /** The file's text now: the open editor's (unsaved changes included), else the file's, else ''. */
  before: string;
  /** `before` with the new entries appended; `before` is always a prefix. */
  after: string;
  /** The keys appended, in order. */
  added: string[];
  /** The editor's document when the file is open. */
  open?: vscode.TextDocument;
  /** Whether the file is on disk (or open in an editor). */
  exists: boolean;
  /** One sentence when the file already had entries BibTeX tools cannot read (checkAppend's notice). */
  notice?: string;
}

/** Entries already in each file (a missing file has none). */
export async function readEntries(files: readonly vscode.Uri[]): Promise<BibEntryRef[]> {
  const texts = await Promise.all(files.map((f) => currentText(f)));
  return texts.flatMap((t) => (t === undefined ? [] : bibEntries(t)));
}

/**
 * The append for the additions whose key `file` does not hold yet. Throws checkAppend's
 * PaperFeedError when an entry would not read back the same or the file ends inside an entry.
 */
export async function planAppend(file: vscode.Uri, additions: readonly BibAddition[]): Promise<BibAppend> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  const onDisk = open ? undefined : await readTextIfExists(file);
  const before = open ? open.getText() : (onDisk ?? '');
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
  return { file, before, after, added, ...(open ? { open } : {}), exists: open !== undefined || onDisk !== undefined, ...(notice ? { notice } : {}) };
}

/** Appends the additions whose key `file` does not hold yet; resolves to the keys it added. */
export async function addToBibliography(file: vscode.Uri, additions: readonly BibAddition[]): Promise<string[]> {
  const { before, after, added, open, notice } = await planAppend(file, additions);
  if (added.length === 0) return [];
  if (notice) void vscode.window.showWarningMessage(notice);
  if (open) {
    const hadOwnChanges = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(file, open.positionAt(before.length), after.slice(before.length));
    await vscode.workspace.applyEdit(edit);
    if (!hadOwnChanges) await open.save();
  } else {
    await replaceText(file, after);
  }
  return added;
}
