// Reads the RSS 1.0 (RDF) feed arXiv served from export.arxiv.org/rss until January 2024.
// Old captures and mirrors still use it; it carries less than today's feed: only the primary
// category, no per-item date, and HTML inside the description and author line.

import { announcementFor } from './calendar';
import { parseCreators } from './creators';
import { addDays, easternTime } from './eastern-time';
import { announcementInstant, readIsoTimestamp } from './feed-dates';
import { tryParseArxivId } from './ids';
import type { AnnounceType, Announcement, Author, Paper, SkippedItem } from './paper';
import { absUrlOf, pdfUrlOf } from './links';
import { isArxivCategory } from './paper-parts';
import { collapseParagraphs, collapseWhitespace } from './text';
import { NS, childOf, childText, childrenOf, decodeEntities, type XmlElement } from './xml';

// "Title. (arXiv:1805.09166v1 [hep-ex] CROSS LISTED)"
const TITLE = /^([\s\S]*?)\s*\(arXiv:(\S+)\s+\[([^\]]+)\](?:\s+(CROSS LISTED|UPDATED))?\)\s*$/;
const ANCHOR = /<a\s[^>]*>([\s\S]*?)<\/a>((?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))*)/g;

export function parseLegacyRss(root: XmlElement, categories: string[]): Announcement {
  const channel = childOf(root, NS.rss1, 'channel');
  const published = announcementInstant(childText(channel ?? root, NS.dc, 'date'), readIsoTimestamp);
  // The old feed was stamped on the announcement evening; its listing is dated the next day.
  const stamp = easternTime(published);
  const { date, announcedAt } = announcementFor(stamp.hour >= 12 ? addDays(stamp.day, 1) : stamp.day);

  const papers: Paper[] = [];
  const skipped: SkippedItem[] = [];
  childrenOf(root, NS.rss1, 'item').forEach((item, index) => {
    const read = readItem(item);
    if ('reason' in read) skipped.push({ ref: read.ref ?? `item ${index + 1}`, reason: read.reason });
    else papers.push(read);
  });
  return { date, announcedAt, categories: [...categories], papers, skipped };
}

function readItem(item: XmlElement): Paper | { ref?: string; reason: string } {
  const rawTitle = childText(item, NS.rss1, 'title') ?? '';
  const parts = TITLE.exec(rawTitle);
  const identity =
    tryParseArxivId(parts?.[2] ?? '') ?? tryParseArxivId(childText(item, NS.rss1, 'link') ?? '') ?? tryParseArxivId(item.attrs['rdf:about'] ?? '');
  if (!identity) return { reason: 'no arXiv identifier in title or link' };
  // arXiv ended every title with "." before the bracket; a title that ends in "?" or "!" got
  // one too ("Why?.").
  const title = collapseWhitespace((parts?.[1] ?? rawTitle).replace(/([^.])\.$/, '$1'));
  if (!title) return { ref: identity.id, reason: 'empty title' };
  const primary = collapseWhitespace(parts?.[3] ?? '');
  if (!isArxivCategory(primary)) return { ref: identity.id, reason: 'no category' };
  const version = identity.version ?? 1;
  return {
    id: identity.id,
    version,
    title,
    authors: readCreators(childText(item, NS.dc, 'creator') ?? ''),
    abstract: collapseParagraphs(fromHtml(childText(item, NS.rss1, 'description') ?? '')),
    categories: [primary],
    primaryCategory: primary,
    announceType: announceTypeOf(parts?.[4]),
    absUrl: absUrlOf(identity.id),
    pdfUrl: pdfUrlOf(identity.id, version),
  };
}

function announceTypeOf(marker: string | undefined): AnnounceType {
  if (marker === 'CROSS LISTED') return 'cross';
  if (marker === 'UPDATED') return 'replace';
  return 'new';
}

// The author line is HTML: one link per author, affiliations in parentheses after the link,
// and sometimes "et al. (909 additional authors not shown)" at the end, which is not a name.
function readCreators(html: string): Author[] {
  const authors: Author[] = [];
  for (const m of html.matchAll(ANCHOR)) {
    const [author] = parseCreators(`${fromHtml(m[1]!)} ${fromHtml(m[2] ?? '')}`);
    if (author) authors.push(author);
  }
  if (authors.length > 0) return authors;
  return parseCreators(fromHtml(html));
}

function fromHtml(html: string): string {
  return decodeEntities(html.replace(/<\/p>\s*<p>/gi, '\n\n').replace(/<[^>]+>/g, ''));
}
