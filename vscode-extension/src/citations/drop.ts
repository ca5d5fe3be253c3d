// Dragging papers from the feed tree into a Markdown editor inserts their citation. The tree puts
// the arXiv ids on the drag under PAPER_MIME (and the citation as plain text for other editors);
// this provider turns the ids into the citation in the default format.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { CitationFormat } from '../../../core/config';
import type { Citer } from './citer';

/** Ids of dragged papers, one per line. */
export const PAPER_MIME = 'application/vnd.paperfeed.papers';
export const CITATION_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'citation', 'paperFeed');

export class CitationDropEdit extends vscode.DocumentDropEdit {
  constructor(
    insertText: string,
    readonly write: () => Promise<unknown>,
  ) {
    super(insertText, 'Insert citation', CITATION_KIND);
  }
}

export class CitationDropProvider implements vscode.DocumentDropEditProvider<CitationDropEdit> {
  constructor(
    private readonly citer: Citer,
    private readonly find: (id: string) => Promise<Paper | undefined>,
    private readonly format: () => CitationFormat,
  ) {}

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, data: vscode.DataTransfer): Promise<CitationDropEdit | undefined> {
    const ids = (await data.get(PAPER_MIME)?.asString())?.split(/\r?\n/).filter(Boolean) ?? [];
    const papers = (await Promise.all(ids.map((id) => this.find(id)))).filter((p): p is Paper => p !== undefined);
    if (papers.length === 0) return undefined;
    const plan = await this.citer.plan(papers, this.format(), document);
    return new CitationDropEdit(plan.text, () => this.citer.writeBibliography(plan));
  }

  // VS Code resolves only the edit it is about to apply, so the .bib is written for a real drop
  // and never for a drop that was cancelled.
  async resolveDocumentDropEdit(edit: CitationDropEdit): Promise<CitationDropEdit> {
    await edit.write();
    return edit;
  }
}
