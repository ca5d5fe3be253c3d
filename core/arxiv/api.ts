// Reads one page of arXiv API results (Atom), in both the current shape (since November 2025)
// and the legacy one: namespaces declared per element, hard-wrapped text, links without
// rel/title, MSC/ACM codes among the categories, empty entries for unknown ids.

import { itemDateProblem, readIsoTimestamp } from './feed-dates';
import { PaperFeedError } from '../errors';
import { tryParseArxivId } from './ids';
import type { Author, Paper, SkippedItem } from './paper';
import { absUrlOf, pdfUrlOf } from './links';
import { isArxivCategory, journalDoi, orderCategories, utcDay } from './paper-parts';
import { cleanName } from './tex';
import { collapseParagraphs, collapseWhitespace } from './text';
import { isRateExceeded, notAFeed, rateExceededError } from './unreadable';
import { NS, childOf, childText, childrenOf, parseXml, type XmlElement } from './xml';

export interface ApiPage {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  papers: Paper[];
  skipped: SkippedItem[];
}

/**
 * Parses a response body. arXiv's error entry throws 'arxiv-rejected' with arXiv's message,
 * "Rate exceeded." throws 'rate-limited', anything else that is not an Atom feed 'bad-feed'.
 */
export function parseApiFeed(xml: string): ApiPage {
  if (isRateExceeded(xml)) throw rateExceededError();
  const parsed = parseXml(xml);
  if ('problem' in parsed) throw notAFeed('an Atom feed', xml);
  const feed = parsed.root;
  if (feed.ns !== NS.atom || feed.name !== 'feed') throw notAFeed('an Atom feed', xml, feed.name);

  const entries = childrenOf(feed, NS.atom, 'entry');
  const error = entries.find(isErrorEntry);
  if (error) throw rejected(childText(error, NS.atom, 'summary') ?? childText(error, NS.atom, 'id') ?? 'unknown error');

  const papers: Paper[] = [];
  const skipped: SkippedItem[] = [];
  entries.forEach((entry, index) => {
    const read = readEntry(entry);
    if (read === 'empty') return;
    if ('reason' in read) skipped.push({ ref: read.ref ?? `entry ${index + 1}`, reason: read.reason });
    else papers.push(read);
  });
  const count = (name: string, fallback: number): number => {
    const value = Number.parseInt(childText(feed, NS.opensearch, name)?.trim() ?? '', 10);
    return Number.isNaN(value) ? fallback : value;
  };
  return {
    totalResults: count('totalResults', papers.length + skipped.length),
    startIndex: count('startIndex', 0),
    itemsPerPage: count('itemsPerPage', entries.length),
    papers,
    skipped,
  };
}

// arXiv reports errors as a feed with one entry: id …/api/errors#…, title "Error", written by
// "arXiv api core". Some errors came with HTTP 200, so the entry, not the status, decides.
function isErrorEntry(entry: XmlElement): boolean {
  if ((childText(entry, NS.atom, 'id') ?? '').includes('/api/errors')) return true;
  const rawTitle = childText(entry, NS.atom, 'title') ?? '';
  // Every entry is checked, so the common case (a paper's title) is ruled out without copying it.
  if (!rawTitle.includes('Error')) return false;
  const title = collapseWhitespace(rawTitle);
  const author = childOf(entry, NS.atom, 'author');
  return title === 'Error' && collapseWhitespace(author ? (childText(author, NS.atom, 'name') ?? '') : '') === 'arXiv api core';
}

function rejected(message: string): PaperFeedError {
  const arxivMessage = collapseWhitespace(message);
  return new PaperFeedError('arxiv-rejected', `arXiv rejected the search (${arxivMessage}); check the search terms and identifiers you gave.`, {
    status: 400,
    arxivMessage,
  });
}

interface EntryLinks {
  abs?: string;
  pdf?: string;
  doi?: string;
}

// Links are told apart by title and rel where present, and by their address where not.
function linksOf(entry: XmlElement): EntryLinks {
  const links: EntryLinks = {};
  for (const link of childrenOf(entry, NS.atom, 'link')) {
    const href = link.attrs.href?.trim();
    if (!href) continue;
    const { title, rel } = link.attrs;
    if (title === 'doi' || /^https?:\/\/(?:dx\.)?doi\.org\//i.test(href)) links.doi ??= href;
    else if (title === 'pdf' || /arxiv\.org\/pdf\//i.test(href)) links.pdf ??= href;
    else if (rel === 'alternate' || /arxiv\.org\/abs\//i.test(href)) links.abs ??= href;
  }
  return links;
}

function readEntry(entry: XmlElement): Paper | 'empty' | { ref?: string; reason: string } {
  const idText = collapseWhitespace(childText(entry, NS.atom, 'id') ?? '');
  const title = collapseWhitespace(childText(entry, NS.atom, 'title') ?? '');
  // The legacy API answered unknown ids with an entry holding nothing but blank categories.
  if (!idText && !title) return 'empty';
  const links = linksOf(entry);
  const identity = tryParseArxivId(idText) ?? tryParseArxivId(links.abs ?? '');
  if (!identity) return { reason: `no arXiv identifier in "${idText}"` };
  const ref = identity.id;
  if (!title) return { ref, reason: 'empty title' };

  const terms = childrenOf(entry, NS.atom, 'category').map((c) => c.attrs.term?.trim() ?? '');
  const categories = terms.filter(isArxivCategory);
  const primaryTerm = childOf(entry, NS.arxiv, 'primary_category')?.attrs.term?.trim() ?? '';
  const primary = isArxivCategory(primaryTerm) ? primaryTerm : categories[0];
  if (!primary) return { ref, reason: 'no arXiv category' };

  const version = identity.version ?? tryParseArxivId(links.abs ?? '')?.version ?? tryParseArxivId(links.pdf ?? '')?.version ?? 1;
  const paper: Paper = {
    id: identity.id,
    version,
    title,
    authors: childrenOf(entry, NS.atom, 'author')
      .map(readAuthor)
      .filter((a) => a.name.length > 0),
    abstract: collapseParagraphs(childText(entry, NS.atom, 'summary') ?? ''),
    categories: orderCategories(primary, categories),
    primaryCategory: primary,
    absUrl: absUrlOf(identity.id),
    pdfUrl: pdfUrlOf(identity.id, version),
  };
  for (const key of ['published', 'updated'] as const) {
    const text = childText(entry, NS.atom, key)?.trim();
    // A timestamp that names no real moment ("2026-06-31T…") is not rolled into July.
    const problem = text && /^\d{4}-\d{2}-\d{2}T/.test(text) ? itemDateProblem(text, readIsoTimestamp) : undefined;
    if (problem) return { ref, reason: problem };
    const day = utcDay(text);
    if (day) paper[key] = day;
  }
  const comment = collapseWhitespace(childText(entry, NS.arxiv, 'comment') ?? '');
  if (comment) paper.comment = comment;
  const journalRef = collapseWhitespace(childText(entry, NS.arxiv, 'journal_ref') ?? '');
  if (journalRef) paper.journalRef = journalRef;
  const doi = journalDoi(childText(entry, NS.arxiv, 'doi')) ?? journalDoi(links.doi);
  if (doi) paper.doi = doi;
  return paper;
}

function readAuthor(author: XmlElement): Author {
  return {
    name: cleanName(childText(author, NS.atom, 'name') ?? ''),
    affiliations: childrenOf(author, NS.arxiv, 'affiliation')
      .map((a) => cleanName(a.text))
      .filter((a) => a.length > 0),
  };
}
