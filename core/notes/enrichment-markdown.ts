// How a run's translations and TL;DRs read in notes: the Markdown lines the paper and
// daily notes show, the marker for parts still missing, and whether a note already shows them.
// The text comes from a model, so it is escaped exactly like arXiv's own abstracts.

import type { PaperEnrichment } from '../enrich/enrich';
import { escapeMarkdownText, markdownParagraphs, texToMarkdown } from '../text/markdown';

/** What a run got per arXiv id; a paper without an entry was not enriched this run. */
export type Enrichments = ReadonlyMap<string, PaperEnrichment>;

/** The end of the marker line for parts not asked for yet; a block holding it is waiting for a later run. */
const PENDING_TAIL = 'pending — the next run fills it in.';

/** Any marker line this or an earlier version wrote: pending, or turned down with a reason. */
const MARKER = /^\*(?:(?:Translation|TL;DR) pending — .*|(?:Not translated|No TL;DR): .*)\*$/;

/** The translated title as one line of Markdown, or undefined. */
export function translatedTitleMarkdown(enrichment: PaperEnrichment | undefined): string | undefined {
  return inline(enrichment?.titleTranslated);
}

/** The TL;DR as one line of Markdown (without its label), or undefined. */
export function tldrMarkdown(enrichment: PaperEnrichment | undefined): string | undefined {
  return inline(enrichment?.tldr);
}

/** The translated abstract's paragraphs, one Markdown line each (none when absent). */
export function translatedAbstractMarkdown(enrichment: PaperEnrichment | undefined): string[] {
  return enrichment?.abstractTranslated ? markdownParagraphs(enrichment.abstractTranslated) : [];
}

/**
 * The one line saying why parts are missing, undefined when none is: "*Not translated: the model
 * answered in English, not zh-CN; Paper Feed asks again from 2026-12-07.*" when the endpoint
 * turned them down, else "*Translation pending — the next run fills it in.*". It depends only on
 * what the cache remembers, so a run that learns nothing new writes the same line.
 */
export function pendingLine(enrichment: PaperEnrichment | undefined): string | undefined {
  if (!enrichment || enrichment.missing.length === 0) return undefined;
  const translating = enrichment.missing.some((kind) => kind !== 'tldr');
  const down = enrichment.turnedDown;
  if (down) return `*${translating ? 'Not translated' : 'No TL;DR'}: ${escapeMarkdownText(down.reason)}; Paper Feed asks again from ${down.askAgainFrom}.*`;
  return `*${translating ? 'Translation' : 'TL;DR'} ${PENDING_TAIL}*`;
}

/** The paper note's line for the TL;DR. */
export function paperTldrLine(tldr: string): string {
  return `**TL;DR:** ${tldr}`;
}

/**
 * True when `block` (a paper note's generated text) lacks something this run got: a part it does
 * not show yet, or a marker line other than the one the parts still missing call for. A run
 * that got nothing new (the cache answered what the note already shows) is no reason to rewrite
 * the note.
 */
export function enrichmentIsNews(block: string, enrichment: PaperEnrichment): boolean {
  const lines = new Set(block.split('\n').map((line) => line.replace(/\r$/, '')));
  const title = translatedTitleMarkdown(enrichment);
  const tldr = tldrMarkdown(enrichment);
  const shown = [title, tldr === undefined ? undefined : paperTldrLine(tldr), ...translatedAbstractMarkdown(enrichment)];
  if (shown.some((line) => line !== undefined && !lines.has(line))) return true;
  const markers = [...lines].filter((line) => MARKER.test(line));
  // A note without a marker shows what an earlier run got (perhaps from another model): kept.
  return markers.length > 0 && markers.some((line) => line !== pendingLine(enrichment));
}

function inline(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const markdown = texToMarkdown(text.replace(/\s+/g, ' ').trim());
  return markdown === '' ? undefined : markdown;
}
