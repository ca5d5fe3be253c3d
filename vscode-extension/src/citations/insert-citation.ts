// Puts a citation at every cursor of an editor in one edit (one undo step), then adds the BibTeX
// entries a Pandoc citation needs to the document's .bib file.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { Citer, CitationPlan, CiteFormat } from './citer';

const STATUS_MS = 5000;

/** A selection is replaced, as typing would; at an empty cursor the text goes in and the cursor moves past it. */
export function insertAtCursors(editor: vscode.TextEditor, text: string): Thenable<boolean> {
  return editor.edit((builder) => {
    for (const selection of editor.selections) {
      if (selection.isEmpty) builder.insert(selection.active, text);
      else builder.replace(selection, text);
    }
  });
}

export async function insertCitation(citer: Citer, editor: vscode.TextEditor, papers: readonly Paper[], format: CiteFormat): Promise<CitationPlan> {
  const plan = await citer.plan(papers, format, editor.document);
  await insertAtCursors(editor, plan.text);
  showBibliographyChange(await citer.writeBibliography(plan), plan.bibFile);
  return plan;
}

export function showBibliographyChange(added: readonly string[], file: vscode.Uri | undefined): void {
  if (added.length === 0 || !file) return;
  vscode.window.setStatusBarMessage(`Paper Feed: added ${added.join(', ')} to ${vscode.workspace.asRelativePath(file)}`, STATUS_MS);
}
