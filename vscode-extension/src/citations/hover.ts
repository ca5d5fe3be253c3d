// Hover over a citation (Pandoc's [@key] or @key in Markdown, a key inside \cite{…} in LaTeX) or an
// arXiv id or link: the kept paper's title, authors and abstract, as untrusted Markdown.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { tryParseArxivId } from '../../../core/arxiv/ids';
import { paperMarkdown } from '../shared/paper-markdown';
import type { ShownEnrichment } from '../shared/paper-markdown';
import type { Citer } from './citer';
import { documentKind } from '../shared/document-kind';

const CITATION = /@[\w][\w:.#$%&\-+?<>~/]*/;
// A BibTeX key: anything but spaces, commas, braces, and the characters TeX treats specially.
const LATEX_KEY = /[^\s,{}\\%#~]+/;
// The line before a key in a citation's braces: \cite{, \citep[p.~3]{a, …
const LATEX_CITE_OPEN = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\]){0,2}\s*\{[^{}]*$/;
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
    const citation = this.citationAt(document, position);
    if (citation) {
      const { key } = citation;
      const { keys } = await this.citer.keysFor(document);
      const paper = keys.paperFor(key);
      if (paper) return new vscode.Hover(await this.markdown(paper, keys.keyFor(paper)), citation.range);
    }
    const idRange = document.getWordRangeAtPosition(position, ARXIV_ID);
    if (!idRange) return undefined;
    const id = tryParseArxivId(document.getText(idRange))?.id;
    const paper = id ? await this.find(id) : undefined;
    if (!paper) return undefined;
    const { keys } = await this.citer.keysFor(document);
    return new vscode.Hover(await this.markdown(paper, keys.keyFor(paper)), idRange);
  }

  /** The citekey under the cursor, in the document's own citation syntax. */
  private citationAt(document: vscode.TextDocument, position: vscode.Position): { key: string; range: vscode.Range } | undefined {
    if (documentKind(document) === 'latex') {
      const range = document.getWordRangeAtPosition(position, LATEX_KEY);
      if (!range || !LATEX_CITE_OPEN.test(document.lineAt(range.start.line).text.slice(0, range.start.character))) return undefined;
      return { key: document.getText(range), range };
    }
    const range = document.getWordRangeAtPosition(position, CITATION);
    // Trailing punctuation ends a sentence, not the key ("see @smith2026deep.").
    return range
      ? {
          key: document
            .getText(range)
            .slice(1)
            .replace(/[:.]+$/, ''),
          range,
        }
      : undefined;
  }

  private async markdown(paper: Paper, citekey: string): Promise<vscode.MarkdownString> {
    const enrichment = await this.enrichmentOf(paper);
    return paperMarkdown(paper, { citekey, ...(enrichment ? { enrichment } : {}) });
  }
}
