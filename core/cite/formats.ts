// One paper as a citation in each format Paper Feed offers: Pandoc, a wikilink to its note, a
// Markdown link to arXiv, a plain arXiv identifier, or a BibTeX entry.

import { absUrlOf } from '../arxiv/links';
import type { Paper } from '../arxiv/paper';
import type { CitationFormat } from '../config';
import { texToMarkdown } from '../text/markdown';
import { bibtexEntry } from './bibtex-writer';

export interface CitationContext {
  citekey: string;
  /** The paper note's link target (name, or path without ".md"), when the paper has a note. */
  noteName?: string;
}

export function formatCitation(paper: Paper, format: CitationFormat | 'bibtex', ctx: CitationContext): string {
  switch (format) {
    case 'pandoc':
      return `[@${ctx.citekey}]`;
    case 'wikilink':
      return ctx.noteName ? `[[${ctx.noteName}]]` : markdownLink(paper);
    case 'markdown':
      return markdownLink(paper);
    case 'arxiv':
      return `arXiv:${paper.id}`;
    case 'bibtex':
      return bibtexEntry(paper, ctx.citekey);
  }
}

function markdownLink(paper: Paper): string {
  // The title is escaped like any Markdown text, so brackets in it cannot end the link early.
  const title = texToMarkdown(paper.title.replace(/\s+/g, ' ').trim()) || paper.id;
  return `[${title}](${absUrlOf(paper.id)})`;
}
