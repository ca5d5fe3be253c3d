// A paper as an untrusted MarkdownString (tree tooltip, hover, completion documentation), and its
// title as plain text (tree labels, pickers). Titles and abstracts are TeX-flavoured: they go
// through the core's one TeX layer, as in the notes (\textbf{C} bold, accents resolved), which
// escapes everything else, and the string can run no commands and no HTML.
import { absUrlOf, pdfUrlOf } from '../../../core/arxiv/links';
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { markdownParagraphs, texToMarkdown } from '../../../core/text/markdown';
import { metadataText } from '../../../core/notes/note-values';

/** Markdown syntax in `text` shown as the characters themselves. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$&]/g, '\\$&');
}

const AUTHORS_SHOWN = 12;

/** The title as one line of plain Unicode text (TeX resolved, math kept as $…$). */
export function plainTitle(paper: Paper): string {
  // The tree and every completion ask again for each of thousands of papers; the TeX is read once.
  const known = plainTitles.get(paper);
  if (known?.title === paper.title) return known.plain;
  const plain = metadataText(paper.title) || paper.id;
  plainTitles.set(paper, { title: paper.title, plain });
  return plain;
}

const plainTitles = new WeakMap<Paper, { title: string; plain: string }>();

export function absUrl(paper: Paper): string {
  return absUrlOf(paper.id);
}

export function pdfUrl(paper: Paper): string {
  return pdfUrlOf(paper.id, paper.version);
}

export function authorLine(paper: Paper): string {
  const names = paper.authors.map((a) => a.name);
  if (names.length <= AUTHORS_SHOWN) return names.join(', ');
  return `${names.slice(0, AUTHORS_SHOWN).join(', ')} and ${names.length - AUTHORS_SHOWN} more`;
}

/**
 * `enrichment`: the translated title (under the English one) and the TL;DR, which a model wrote.
 * `relevance`: the paper's score and reason against the library, Markdown already escaped.
 */
/** What a tooltip or hover shows beside the English. */
export interface ShownEnrichment {
  titleTranslated?: string;
  tldr?: string;
}

export function paperMarkdown(paper: Paper, options: { citekey?: string; enrichment?: ShownEnrichment; relevance?: string } = {}): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  // The whole title is bold, so bold inside it (\textbf{C}ritic) would only break the markers.
  const title = texToMarkdown(oneLine(paper.title)).replace(/(?<!\\)\*\*/g, '') || escapeMarkdown(paper.id);
  md.appendMarkdown(`**${title}**\n\n`);
  const { titleTranslated, tldr } = options.enrichment ?? {};
  if (titleTranslated) md.appendMarkdown(`${escapeMarkdown(oneLine(titleTranslated))}\n\n`);
  if (tldr) md.appendMarkdown(`TL;DR: ${escapeMarkdown(oneLine(tldr))}\n\n`);
  if (options.relevance) md.appendMarkdown(`${options.relevance}\n\n`);
  if (paper.authors.length > 0) md.appendMarkdown(`${escapeMarkdown(authorLine(paper))}\n\n`);
  const facts = [`arXiv:${paper.id}v${paper.version}`, paper.categories.join(', ')];
  if (options.citekey) facts.push(`@${options.citekey}`);
  md.appendMarkdown(`${facts.map(escapeMarkdown).join(' · ')}\n\n`);
  const abstract = markdownParagraphs(paper.abstract);
  if (abstract.length > 0) md.appendMarkdown(`${abstract.join('\n\n')}\n\n`);
  // Links are rebuilt from the checked id rather than taken from the feed, so they can only point at arXiv.
  md.appendMarkdown(`[Abstract](${absUrl(paper)}) · [PDF](${pdfUrl(paper)})`);
  return md;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
