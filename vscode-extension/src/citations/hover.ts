// Hover over a Pandoc citation ([@key], @key) or an arXiv id or link in Markdown: the kept
// paper's title, authors and abstract, as untrusted Markdown.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { tryParseArxivId } from '../../../core/arxiv/ids';
import { paperMarkdown } from '../shared/paper-markdown';
import type { ShownEnrichment } from '../enrich/translations';
import type { Citer } from './citer';

const CITATION = /@[\w][\w:.#$%&\-+?<>~/]*/;
// New-style (2401.01234v2) and old-style (hep-th/9901001) ids, with an optional "arXiv:" prefix.
const ARXIV_ID = /(?:arXiv:)?(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/i;

export class PaperHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly citer: Citer,
    private readonly find: (id: string) => Promise<Paper | undefined>,
    /** The translated title and TL;DR kept for a paper, when translation is on. */
    private readonly enrichmentOf: (paper: Paper) => Promise<ShownEnrichment | undefined> = () => Promise.resolve(undefined),
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const citation = document.getWordRangeAtPosition(position, CITATION);
    if (citation) {
      // Trailing punctuation ends a sentence, not the key ("see @smith2026deep.").
      const key = document.getText(citation).slice(1).replace(/[:.]+$/, '');
      const { keys } = await this.citer.keysFor(document);
      const paper = keys.paperFor(key);
      if (paper) return new vscode.Hover(await this.markdown(paper, keys.keyFor(paper)), citation);
    }
    const idRange = document.getWordRangeAtPosition(position, ARXIV_ID);
    if (!idRange) return undefined;
    const id = tryParseArxivId(document.getText(idRange))?.id;
    const paper = id ? await this.find(id) : undefined;
    if (!paper) return undefined;
    const { keys } = await this.citer.keysFor(document);
    return new vscode.Hover(await this.markdown(paper, keys.keyFor(paper)), idRange);
  }

  private async markdown(paper: Paper, citekey: string): Promise<vscode.MarkdownString> {
    const enrichment = await this.enrichmentOf(paper);
    return paperMarkdown(paper, { citekey, ...(enrichment ? { enrichment } : {}) });
  }
}
