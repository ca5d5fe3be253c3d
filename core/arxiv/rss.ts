// Reads arXiv's daily announcement from rss.arxiv.org (RSS 2.0, since January 2024): the
// listing date and every announced paper with its announce type. One request covers several
// categories joined with "+".

import { PaperFeedError } from '../errors';
import { announcementFor } from './calendar';
import { parseCreators } from './creators';
import { easternTime } from './eastern-time';
import { announcementInstant, itemDateProblem, readRfc822 } from './feed-dates';
import { tryParseArxivId, type ArxivId } from './ids';
import type { AnnounceType, Announcement, Paper, SkippedItem } from './paper';
import { absUrlOf, pdfUrlOf } from './links';
import { isArxivCategory, journalDoi, orderCategories } from './paper-parts';
import { parseLegacyRss } from './rss-legacy';
import { collapseParagraphs, collapseWhitespace } from './text';
import { notAFeed } from './unreadable';
import { NS, childOf, childText, childrenOf, parseXml, type XmlElement } from './xml';

export { rfc822Instant } from './feed-dates';

export const DEFAULT_RSS_BASE = 'https://rss.arxiv.org/rss';

const ANNOUNCE_TYPES: readonly string[] = ['new', 'cross', 'replace', 'replace-cross'];
// "arXiv:2411.17700v1 Announce Type: new \nAbstract: …"
const DESCRIPTION = /^\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)\s*(?:Abstract:\s*)?([\s\S]*)$/;

/** The feed address for several categories at once: https://rss.arxiv.org/rss/cs.LG+cs.CL. */
export function rssUrl(base: string = DEFAULT_RSS_BASE, categories: string[]): string {
  const path = categories.map((c) => encodeURIComponent(c.trim())).join('+');
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/**
 * Turns a feed body into an Announcement. An empty feed (weekend, holiday) gives zero papers;
 * arXiv's error feed throws 'arxiv-rejected'; anything that is not a feed throws 'bad-feed'.
 * Items that cannot be read are listed in `skipped`, and the rest still count.
 */
export function parseRss(xml: string, categories: string[]): Announcement {
  const parsed = parseXml(xml);
  if ('problem' in parsed) throw notAFeed('an RSS feed', xml);
  const { root } = parsed;
  if (root.ns === NS.rdf && root.name === 'RDF') return parseLegacyRss(root, categories);
  const channel = root.name === 'rss' && root.ns === NS.none ? childOf(root, NS.none, 'channel') : undefined;
  if (!channel) throw notAFeed('an RSS feed', xml, root.name);

  const title = collapseWhitespace(childText(channel, NS.none, 'title') ?? '');
  if (title.startsWith('Feed error for query')) throw rejected(childText(channel, NS.none, 'description') ?? title);

  const pubDate = announcementInstant(childText(channel, NS.none, 'pubDate'));
  const { date, announcedAt } = announcementFor(easternTime(pubDate).day);
  const papers: Paper[] = [];
  const skipped: SkippedItem[] = [];
  childrenOf(channel, NS.none, 'item').forEach((item, index) => {
    const read = readItem(item);
    if ('reason' in read) skipped.push({ ref: read.ref ?? `item ${index + 1}`, reason: read.reason });
    else papers.push(withListingDates(read, date));
  });
  return { date, announcedAt, categories: [...categories], papers, skipped };
}

// The feed carries no submission times, only the listing date. That date is when this version
// became public on arXiv, so it stands in for `updated`, and for `published` when this is v1.
function withListingDates(paper: Paper, listingDate: string): Paper {
  // The paper was made by readItem just now, so it is completed in place rather than copied.
  if (paper.version === 1) paper.published = listingDate;
  paper.updated = listingDate;
  return paper;
}

function rejected(message: string): PaperFeedError {
  const arxivMessage = collapseWhitespace(message);
  return new PaperFeedError('arxiv-rejected', `arXiv rejected the category list: ${arxivMessage} Check the categories in your settings.`, {
    status: 400,
    arxivMessage,
  });
}

function readItem(item: XmlElement): Paper | { ref?: string; reason: string } {
  const description = childText(item, NS.none, 'description') ?? '';
  const header = DESCRIPTION.exec(description);
  const identity: ArxivId | null =
    tryParseArxivId(childText(item, NS.none, 'guid') ?? '') ?? tryParseArxivId(header?.[1] ?? '') ?? tryParseArxivId(childText(item, NS.none, 'link') ?? '');
  if (!identity) return { reason: 'no arXiv identifier in guid, description or link' };
  const ref = identity.id;

  const title = collapseWhitespace(childText(item, NS.none, 'title') ?? '');
  if (!title) return { ref, reason: 'empty title' };
  const itemDate = childText(item, NS.none, 'pubDate');
  const dateProblem = itemDate === undefined ? undefined : itemDateProblem(itemDate, readRfc822);
  if (dateProblem) return { ref, reason: dateProblem };
  // Only arXiv's own category names: they end up in links, tags and note bodies.
  const categories = childrenOf(item, NS.none, 'category')
    .map((c) => collapseWhitespace(c.text))
    .filter(isArxivCategory);
  const primary = categories[0];
  if (!primary) return { ref, reason: 'no category' };

  const version = identity.version ?? 1;
  const typeText = collapseWhitespace(childText(item, NS.arxiv, 'announce_type') ?? header?.[2] ?? '');
  const paper: Paper = {
    id: identity.id,
    version,
    title,
    authors: parseCreators(childText(item, NS.dc, 'creator') ?? ''),
    abstract: collapseParagraphs(header ? header[3]! : description),
    categories: orderCategories(primary, categories),
    primaryCategory: primary,
    absUrl: absUrlOf(identity.id),
    pdfUrl: pdfUrlOf(identity.id, version),
  };
  // Types outside the documented four (arXiv's code also knows "absonly") stay unset.
  if (ANNOUNCE_TYPES.includes(typeText)) paper.announceType = typeText as AnnounceType;
  const license = collapseWhitespace(childText(item, NS.dc, 'rights') ?? '');
  if (license) paper.license = license;
  const doi = journalDoi(childText(item, NS.arxiv, 'DOI'));
  if (doi) paper.doi = doi;
  const journalRef = collapseWhitespace(childText(item, NS.arxiv, 'journal_reference') ?? '');
  if (journalRef) paper.journalRef = journalRef;
  return paper;
}
