// Dragging papers from the feed tree into a Markdown or LaTeX editor inserts their citation. The
// tree puts the arXiv ids on the drag under PAPER_MIME (and the citation as plain text for other
// editors); this provider turns the ids into the citation in the document's default format.
//
// The BibTeX entries the citation needs ride on the drop edit itself (its additionalEdit): VS
// Code applies a drop without asking the provider to resolve it, so an entry written on resolve
// would never be written, and the document would cite a key its .bib lacks.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { BibliographyOnEdit } from '../bibliography/append-edit';
import type { Citer } from './citer';

/** Ids of dragged papers, one per line. */
export const PAPER_MIME = 'application/vnd.paperfeed.papers';
export const CITATION_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'citation', 'paperFeed');
export const LATEX_CITATION_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('latex', 'citation', 'paperFeed');

export class CitationDropProvider implements vscode.DocumentDropEditProvider, vscode.Disposable {
  private readonly bibliography = new BibliographyOnEdit();

  constructor(
    private readonly citer: Citer,
    private readonly find: (id: string) => Promise<Paper | undefined>,
  ) {}

  async provideDocumentDropEdits(
    document: vscode.TextDocument,
    _position: vscode.Position,
    data: vscode.DataTransfer,
  ): Promise<vscode.DocumentDropEdit | undefined> {
    const ids = (await data.get(PAPER_MIME)?.asString())?.split(/\r?\n/).filter(Boolean) ?? [];
    const papers = (await Promise.all(ids.map((id) => this.find(id)))).filter((p): p is Paper => p !== undefined);
    if (papers.length === 0) return undefined;
    const plan = await this.citer.plan(papers, this.citer.defaultFormat(document), document);
    const edit = new vscode.DocumentDropEdit(plan.text, 'Insert citation', plan.kind === 'latex' ? LATEX_CITATION_KIND : CITATION_KIND);
    await this.bibliography.attach(edit, plan);
    return edit;
  }

  dispose(): void {
    this.bibliography.dispose();
  }
}
