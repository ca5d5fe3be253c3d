// The note for one paper: frontmatter per the note contract, a generated block between markers
// (title, authors, links, abstract, BibTeX) and an empty "Notes" section that is the person's.
// Updates touch only Paper Feed's keys and block, and only when arXiv's data changed.

import type { Paper } from '../arxiv/paper';
import { bibtexEntry } from '../cite/bibtex';
import { bodyOffset, readFrontmatter, writeFrontmatterKeys, type FrontmatterValue } from './frontmatter';
import { escapeMarkdownText, markdownParagraphs, texToMarkdown } from './markdown';
import { markedBlock, replaceMarkedBlock } from './markers';
import { mergeLinks, mergeList, metadataText, wikilink } from './note-values';
import { PAPER_TAG, readVersion } from './note-index';

export interface PaperNoteFacts {
  citekey: string;
  /** Names of the groups that matched the paper. */
  keywords: readonly string[];
  /** Link targets of the daily notes listing the paper ("2026-05-29"); written as wikilinks. */
  digests: readonly string[];
}

/** Authors shown in the note's body; the frontmatter always lists all of them. */
const AUTHORS_SHOWN = 25;

/** The frontmatter of a new note, in the contract's key order; absent optional facts are omitted. */
export function paperFrontmatter(paper: Paper, facts: PaperNoteFacts): Array<[string, FrontmatterValue]> {
  return [...arxivFacts(paper), ['citekey', facts.citekey], ...grownKeys(facts)];
}

/** What arXiv says about the paper, as frontmatter entries. */
function arxivFacts(paper: Paper): Array<[string, FrontmatterValue]> {
  const entries: Array<[string, FrontmatterValue]> = [
    ['title', metadataText(paper.title)],
    ['authors', paper.authors.map((a) => metadataText(a.name, false))],
    ['arxiv_id', paper.id],
    ['version', paper.version],
    ['primary_category', paper.primaryCategory],
    ['categories', [...paper.categories]],
  ];
  if (paper.published) entries.push(['published', paper.published]);
  if (paper.updated) entries.push(['updated', paper.updated]);
  entries.push(['url', paper.absUrl], ['pdf', paper.pdfUrl]);
  if (paper.doi) entries.push(['doi', paper.doi]);
  if (paper.journalRef) entries.push(['journal_ref', metadataText(paper.journalRef)]);
  if (paper.comment) entries.push(['comment', metadataText(paper.comment)]);
  return entries;
}

function grownKeys(facts: PaperNoteFacts): Array<[string, FrontmatterValue]> {
  return [
    ['keywords', [...facts.keywords]],
    ['digests', facts.digests.map(wikilink)],
    ['tags', [PAPER_TAG]],
  ];
}

export function renderPaperNote(paper: Paper, facts: PaperNoteFacts): string {
  const frontmatter = writeFrontmatterKeys('', paperFrontmatter(paper, facts));
  return `${frontmatter}${markedBlock(paperBlock(paper, facts.citekey))}\n\n## Notes\n\n`;
}

/**
 * `existing` brought up to date with `paper`. A newer version rewrites the arXiv facts and the
 * generated block; any run adds new keywords, digests and tags. The citekey, once written, stays.
 * Throws FrontmatterError when the note's frontmatter cannot be changed safely.
 */
export function updatePaperNote(existing: string, paper: Paper, facts: PaperNoteFacts): string {
  const data = readFrontmatter(existing);
  const newer = paper.version > (readVersion(data.version) ?? 0);
  const current = typeof data.citekey === 'string' ? data.citekey.trim() : '';
  const citekey = current || facts.citekey;
  const entries: Array<[string, FrontmatterValue]> = newer ? arxivFacts(paper) : [];
  if (!current) entries.push(['citekey', citekey]);
  const keywords = mergeList(data.keywords, facts.keywords);
  if (keywords) entries.push(['keywords', keywords]);
  const digests = mergeLinks(data.digests, facts.digests.map(wikilink));
  if (digests) entries.push(['digests', digests]);
  const tags = mergeList(data.tags, [PAPER_TAG], { tags: true });
  if (tags) entries.push(['tags', tags]);
  const text = writeFrontmatterKeys(existing, entries);
  if (!newer) return text;
  return replaceMarkedBlock(text, paperBlock(paper, citekey), bodyOffset(text)) ?? text;
}

/** The generated part of the note (between the markers). */
export function paperBlock(paper: Paper, citekey: string): string {
  const lines = [`# ${texToMarkdown(oneLine(paper.title)) || escapeMarkdownText(paper.id)}`, ''];
  const names = paper.authors.slice(0, AUTHORS_SHOWN).map((a) => escapeMarkdownText(oneLine(a.name)));
  const more = paper.authors.length - names.length;
  if (names.length > 0) lines.push(`- **Authors:** ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  const categories = paper.categories.map((c) => (c === paper.primaryCategory ? `**${c}**` : c)).join(', ');
  lines.push(
    `- **arXiv:** [${paper.id}v${paper.version}](${paper.absUrl}) · [PDF](${paper.pdfUrl}) · ${categories}`,
  );
  const dates = [paper.published && `v1 ${paper.published}`, paper.updated && paper.updated !== paper.published && `v${paper.version} ${paper.updated}`];
  if (dates.some(Boolean)) lines.push(`- **Dates:** ${dates.filter(Boolean).join(' · ')}`);
  if (paper.comment) lines.push(`- **Comment:** ${texToMarkdown(oneLine(paper.comment))}`);
  if (paper.journalRef) lines.push(`- **Journal:** ${texToMarkdown(oneLine(paper.journalRef))}`);
  if (paper.doi) lines.push(`- **DOI:** [${escapeMarkdownText(paper.doi)}](<https://doi.org/${paper.doi.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  lines.push('', '## Abstract', '', markdownParagraphs(paper.abstract).join('\n\n') || '*No abstract.*', '');
  const bibtex = bibtexEntry(paper, citekey);
  const fence = '`'.repeat(Math.max(3, ...Array.from(bibtex.matchAll(/`+/g), (m) => m[0].length + 1)));
  lines.push('## BibTeX', '', `${fence}bibtex`, bibtex, fence);
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
