// A .bib append as a WorkspaceEdit, for edits VS Code applies itself (a drop): the entry lands in
// the same step as the citation, and undoing the drop takes it out again. VS Code leaves a file
// such an edit opened unsaved, so the append is saved once it is in, as addToBibliography saves.
import * as vscode from 'vscode';
import { isPaperFeedError, messageFor } from '../../../core/errors';
import { planAppend, type BibAddition, type BibAppend } from './add-to-bibliography';

/**
 * Puts a citation's .bib append on the drop or paste edit that inserts the citation, and saves the
 * .bib once VS Code applies the edit. An entry that cannot be appended safely (checkAppend) is
 * left out and the person is told why, once; the citation still goes in.
 */
export class BibliographyOnEdit implements vscode.Disposable {
  /** The save waiting for the last edit's append; a new edit replaces it. */
  private pendingSave: vscode.Disposable | undefined;

  async attach(edit: { additionalEdit?: vscode.WorkspaceEdit }, plan: { bibFile?: vscode.Uri; additions: readonly BibAddition[] }): Promise<void> {
    if (!plan.bibFile) return;
    let bibliography: Awaited<ReturnType<typeof bibliographyEdit>>;
    try {
      bibliography = await bibliographyEdit(plan.bibFile, plan.additions);
    } catch (error) {
      if (!isPaperFeedError(error)) throw error;
      void vscode.window.showErrorMessage(messageFor(error));
      return;
    }
    if (!bibliography) return;
    edit.additionalEdit = bibliography.edit;
    this.pendingSave?.dispose();
    this.pendingSave = saveOnceApplied(bibliography.append);
  }

  dispose(): void {
    this.pendingSave?.dispose();
  }
}

/** The edit that appends the additions `file` lacks, with what it appends; undefined when it lacks none. */
export async function bibliographyEdit(
  file: vscode.Uri,
  additions: readonly BibAddition[],
): Promise<{ edit: vscode.WorkspaceEdit; append: BibAppend } | undefined> {
  if (additions.length === 0) return undefined;
  const append = await planAppend(file, additions);
  return append.added.length > 0 ? { edit: appendEdit(append), append } : undefined;
}

/** The edit that turns the file's `before` into `after` (creating the file when there is none). */
export function appendEdit(append: BibAppend): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  if (!append.exists) edit.createFile(append.file, { ignoreIfExists: true });
  const end = append.open ? append.open.positionAt(append.before.length) : endOf(append.before);
  edit.insert(append.file, end, append.after.slice(append.before.length));
  return edit;
}

/**
 * Once the append's text arrives in the .bib: saves it, unless the person had unsaved changes of
 * their own there, and says once that the file was already damaged when it was. Gives up after
 * `waitMs` (a drop applies at once, or not at all).
 */
export function saveOnceApplied(append: BibAppend, waitMs = 60_000): vscode.Disposable {
  const hadOwnChanges = append.open?.isDirty ?? false;
  const inserted = normalized(append.after.slice(append.before.length));
  const listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document.uri.toString() !== append.file.toString()) return;
    if (!event.contentChanges.some((change) => normalized(change.text) === inserted)) return;
    stop.dispose();
    if (append.notice) void vscode.window.showWarningMessage(append.notice);
    if (!hadOwnChanges) void event.document.save();
  });
  const timer = setTimeout(() => {
    stop.dispose();
  }, waitMs);
  const stop = new vscode.Disposable(() => {
    listener.dispose();
    clearTimeout(timer);
  });
  return stop;
}

/** The position after the last character, counting lines as VS Code does. */
function endOf(text: string): vscode.Position {
  const lines = text.split(/\r\n|\r|\n/);
  return new vscode.Position(lines.length - 1, lines[lines.length - 1]!.length);
}

/** The editor may turn the entry's line endings into the file's. */
function normalized(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
