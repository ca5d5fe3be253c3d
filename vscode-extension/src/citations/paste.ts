// Pasting an arXiv link (or "arXiv:ID") into Markdown offers to paste it as a citation instead.
// The plain paste stays the default; the citation is one choice away in the paste widget.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { CitationFormat } from '../../../core/config';
import { tryParseArxivId } from '../../../core/arxiv/ids';
import { CITATION_KIND } from './drop';
import { FORMAT_NAMES } from './format-picker';
import type { Citer } from './citer';

export class CitationPasteEdit extends vscode.DocumentPasteEdit {
  constructor(
    insertText: string,
    title: string,
    readonly write: () => Promise<unknown>,
  ) {
    super(insertText, title, CITATION_KIND);
    this.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
  }
}

export class CitationPasteProvider implements vscode.DocumentPasteEditProvider<CitationPasteEdit> {
  constructor(
    private readonly citer: Citer,
    private readonly find: (id: string) => Promise<Paper | undefined>,
    private readonly format: () => CitationFormat,
  ) {}

  async provideDocumentPasteEdits(
    document: vscode.TextDocument,
    _ranges: readonly vscode.Range[],
    data: vscode.DataTransfer,
  ): Promise<CitationPasteEdit[] | undefined> {
    const pasted = (await data.get('text/plain')?.asString())?.trim();
    // Only a lone identifier or link: a paragraph that happens to contain one is pasted as it is.
    if (!pasted || /\s/.test(pasted)) return undefined;
    const id = tryParseArxivId(pasted)?.id;
    if (!id) return undefined;
    const paper = await this.find(id);
    if (!paper) return [new CitationPasteEdit(`arXiv:${id}`, 'Paste as arXiv identifier', async () => undefined)];
    const format = this.format();
    const plan = await this.citer.plan([paper], format, document);
    return [new CitationPasteEdit(plan.text, `Paste as citation (${FORMAT_NAMES[format]})`, () => this.citer.writeBibliography(plan))];
  }

  // Called only for the edit being applied: the .bib changes only when the citation is pasted.
  async resolveDocumentPasteEdit(edit: CitationPasteEdit): Promise<CitationPasteEdit> {
    await edit.write();
    return edit;
  }
}
