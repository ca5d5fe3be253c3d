// The note for one paper: frontmatter per the note contract, a generated block between markers
// (title, authors, links, abstract, BibTeX) and an empty "Notes" section that is the person's.
// Updates touch only Paper Feed's keys and block, and only when arXiv's data changed.

import type { Paper } from '../arxiv/paper';
import { bibtexEntry } from '../cite/bibtex-writer';
import type { PaperEnrichment } from '../enrich/enrich';
import { enrichmentIsNews, paperTldrLine, pendingLine, tldrMarkdown, translatedAbstractMarkdown, translatedTitleMarkdown } from './enrichment-markdown';
import { bodyOffset, readFrontmatter, writeFrontmatterKeys, type FrontmatterValue } from './frontmatter';
import { escapeMarkdownText, markdownParagraphs, texToMarkdown } from '../text/markdown';
import { findMarkedBlock, markedBlock, replaceMarkedBlock } from './markers';
import { digestLink, mergeDigests } from './digest-links';
import { mergeList, metadataText } from './note-values';
import { PAPER_TAG, readVersion } from './note-facts';

export interface PaperNoteFacts {
  citekey: string;
  /** Names of the groups that matched the paper. */
  keywords: readonly string[];
  /** Vault paths of the daily notes listing the paper ("arXiv/Daily/2026-05-29.md"); written as links by path. */
  digests: readonly string[];
  /**
   * Where the daily note of a name is ("2026-05-28" → "arXiv/Daily/2026-05-28.md"), for the bare
   * links earlier versions wrote; without it they point into the folder of the first digest.
   */
  digestPathOf?: (name: string) => string;
  /** This run's translation and TL;DR, when enrichment is on. */
  enrichment?: PaperEnrichment;
  /** Relevance to the person's library (0..1), when this run ranked the paper. */
  score?: number;
}

/** Authors shown in the note's body; the frontmatter always lists all of them. */
const AUTHORS_SHOWN = 25;

/** The frontmatter of a new note, in the contract's key order; absent optional facts are omitted. */
export function paperFrontmatter(paper: Paper, facts: PaperNoteFacts): Array<[string, FrontmatterValue]> {
  return [...arxivFacts(paper), ['citekey', facts.citekey], ...grownKeys(facts), ...enrichedKeys(facts.enrichment), ...scoreKey(facts)];
}

/** `score`, only when this run ranked the paper; a run that did not keeps the note's value. */
function scoreKey(facts: PaperNoteFacts): Array<[string, FrontmatterValue]> {
  return facts.score !== undefined ? [['score', facts.score]] : [];
}

/** What arXiv says about the paper, as frontmatter entries. */
export function arxivFacts(paper: Paper): Array<[string, FrontmatterValue]> {
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
    ['digests', facts.digests.map(digestLink)],
    ['tags', [PAPER_TAG]],
  ];
}

/** `title_translated` and `tldr`, only for the parts this run has; a missing part keeps the note's value. */
function enrichedKeys(enrichment: PaperEnrichment | undefined): Array<[string, FrontmatterValue]> {
  const entries: Array<[string, FrontmatterValue]> = [];
  const title = enrichment?.titleTranslated ? metadataText(enrichment.titleTranslated) : '';
  if (title) entries.push(['title_translated', title]);
  const tldr = enrichment?.tldr ? metadataText(enrichment.tldr) : '';
  if (tldr) entries.push(['tldr', tldr]);
  return entries;
}

export function renderPaperNote(paper: Paper, facts: PaperNoteFacts): string {
  const frontmatter = writeFrontmatterKeys('', paperFrontmatter(paper, facts));
  return `${frontmatter}${markedBlock(paperBlock(paper, facts.citekey, facts.enrichment))}\n\n## Notes\n\n`;
}

/**
 * `existing` brought up to date with `paper`. A newer version rewrites the arXiv facts and the
 * generated block; any run adds new keywords, digests and tags. The citekey, once written, stays.
 * A translation or TL;DR the block does not show yet (or a pending marker it no longer needs)
 * also rewrites the block, so a later run fills in what an earlier one missed.
 * Throws FrontmatterError when the note's frontmatter cannot be changed safely.
 */
export function updatePaperNote(existing: string, paper: Paper, facts: PaperNoteFacts): string {
  const data = readFrontmatter(existing);
  const noteVersion = readVersion(data.version) ?? 0;
  const newer = paper.version > noteVersion;
  // A past listing written again must not put an older version's translation on a newer note.
  const enrichment = paper.version >= noteVersion ? facts.enrichment : undefined;
  const current = typeof data.citekey === 'string' ? data.citekey.trim() : '';
  const citekey = current || facts.citekey;
  const entries: Array<[string, FrontmatterValue]> = newer ? arxivFacts(paper) : [];
  if (!current) entries.push(['citekey', citekey]);
  const keywords = mergeList(data.keywords, facts.keywords);
  if (keywords) entries.push(['keywords', keywords]);
  const digests = mergeDigests(data.digests, facts.digests, facts.digestPathOf ?? besideFirstDigest(facts.digests));
  if (digests) entries.push(['digests', digests]);
  const tags = mergeList(data.tags, [PAPER_TAG], { tags: true });
  if (tags) entries.push(['tags', tags]);
  entries.push(...enrichedKeys(enrichment), ...scoreKey(facts));
  const text = writeFrontmatterKeys(existing, entries, data);
  const from = bodyOffset(text);
  if (!newer && !(enrichment && blockLacks(text, enrichment, from))) return text;
  return replaceMarkedBlock(text, paperBlock(paper, citekey, enrichment), from) ?? text;
}

/** A daily note's path by its name, in the folder of the first of `digests`. */
function besideFirstDigest(digests: readonly string[]): (name: string) => string {
  const first = digests[0] ?? '';
  const folder = first.includes('/') ? first.slice(0, first.lastIndexOf('/') + 1) : '';
  return (name) => `${folder}${name}.md`;
}

function blockLacks(text: string, enrichment: PaperEnrichment, from: number): boolean {
  const range = findMarkedBlock(text, from);
  return range !== null && enrichmentIsNews(text.slice(range.start, range.end), enrichment);
}

/** The generated part of the note (between the markers). */
export function paperBlock(paper: Paper, citekey: string, enrichment?: PaperEnrichment, withdrawn = false): string {
  const lines = [`# ${texToMarkdown(oneLine(paper.title)) || escapeMarkdownText(paper.id)}`, ''];
  // Under the English title: its translation, the TL;DR, and what a later run will add.
  const tldr = tldrMarkdown(enrichment);
  for (const line of [translatedTitleMarkdown(enrichment), tldr && paperTldrLine(tldr), pendingLine(enrichment)]) {
    if (line) lines.push(line, '');
  }
  if (withdrawn) lines.push(...withdrawnCallout(paper), '');
  const names = paper.authors.slice(0, AUTHORS_SHOWN).map((a) => escapeMarkdownText(oneLine(a.name)));
  const more = paper.authors.length - names.length;
  if (names.length > 0) lines.push(`- **Authors:** ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  const categories = paper.categories.map((c) => (c === paper.primaryCategory ? `**${escapeMarkdownText(c)}**` : escapeMarkdownText(c))).join(', ');
  lines.push(`- **arXiv:** [${paper.id}v${paper.version}](${paper.absUrl}) · [PDF](${paper.pdfUrl}) · ${categories}`);
  const dates = [paper.published && `v1 ${paper.published}`, paper.updated && paper.updated !== paper.published && `v${paper.version} ${paper.updated}`];
  if (dates.some(Boolean)) lines.push(`- **Dates:** ${dates.filter(Boolean).join(' · ')}`);
  if (paper.comment) lines.push(`- **Comment:** ${texToMarkdown(oneLine(paper.comment))}`);
  if (paper.journalRef) lines.push(`- **Journal:** ${texToMarkdown(oneLine(paper.journalRef))}`);
  if (paper.doi) lines.push(`- **DOI:** [${escapeMarkdownText(paper.doi)}](<https://doi.org/${paper.doi.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  lines.push('', '## Abstract', '', markdownParagraphs(paper.abstract).join('\n\n') || '*No abstract.*', '');
  const translated = translatedAbstractMarkdown(enrichment);
  if (translated.length > 0) lines.push(translated.join('\n\n'), '');
  const bibtex = bibtexEntry(paper, citekey);
  const fence = '`'.repeat(Math.max(3, ...Array.from(bibtex.matchAll(/`+/g), (m) => m[0].length + 1)));
  lines.push('## BibTeX', '', `${fence}bibtex`, bibtex, fence);
  return lines.join('\n');
}

/** What a reader must see first: the paper is withdrawn, in arXiv's words when it gave some. */
function withdrawnCallout(paper: Paper): string[] {
  const said = paper.comment ? ` arXiv's comment: ${texToMarkdown(oneLine(paper.comment))}` : '';
  return ['> [!warning] Withdrawn', `> arXiv lists v${paper.version} of this paper as withdrawn; earlier versions stay readable on arXiv.${said}`];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
