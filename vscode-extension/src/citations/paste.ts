// Pasting an arXiv link (or "arXiv:ID") into Markdown or LaTeX offers to paste it as a citation
// instead. The plain paste stays the default; the citation is one choice away in the paste
// widget. Its BibTeX entries ride on the edit (additionalEdit), so they land only if it is chosen.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { tryParseArxivId } from '../../../core/arxiv/ids';
import { CITATION_KIND, LATEX_CITATION_KIND } from './drop';
import { formatName } from './format-picker';
import { BibliographyOnEdit } from '../bibliography/append-edit';
import { documentKind } from '../shared/document-kind';
import type { Citer } from './citer';

function citationPasteEdit(insertText: string, title: string, kind: vscode.DocumentDropOrPasteEditKind): vscode.DocumentPasteEdit {
  const edit = new vscode.DocumentPasteEdit(insertText, title, kind);
  edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
  return edit;
}

export class CitationPasteProvider implements vscode.DocumentPasteEditProvider, vscode.Disposable {
  private readonly bibliography = new BibliographyOnEdit();

  constructor(
    private readonly citer: Citer,
    private readonly find: (id: string) => Promise<Paper | undefined>,
  ) {}

  async provideDocumentPasteEdits(
    document: vscode.TextDocument,
    _ranges: readonly vscode.Range[],
    data: vscode.DataTransfer,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const pasted = (await data.get('text/plain')?.asString())?.trim();
    // Only a lone identifier or link: a paragraph that happens to contain one is pasted as it is.
    if (!pasted || /\s/.test(pasted)) return undefined;
    const id = tryParseArxivId(pasted)?.id;
    if (!id) return undefined;
    const kind = documentKind(document) === 'latex' ? LATEX_CITATION_KIND : CITATION_KIND;
    const paper = await this.find(id);
    if (!paper) return [citationPasteEdit(`arXiv:${id}`, 'Paste as arXiv identifier', kind)];
    const format = this.citer.defaultFormat(document);
    const plan = await this.citer.plan([paper], format, document);
    const edit = citationPasteEdit(plan.text, `Paste as citation (${formatName(format)})`, kind);
    await this.bibliography.attach(edit, plan);
    return [edit];
  }

  dispose(): void {
    this.bibliography.dispose();
  }
}
