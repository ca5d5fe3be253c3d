// Today's announcement for the categories a person follows: exactly one request to
// rss.arxiv.org, however many categories.

import { PaperFeedError } from '../errors';
import type { Announcement } from './paper';
import type { ArxivClient } from './polite';
import { readFeed } from './read-feed';
import { DEFAULT_RSS_BASE, parseRss, rssUrl } from './rss';

export interface AnnouncementRequest {
  /** Defaults to https://rss.arxiv.org/rss. */
  rssBase?: string;
  categories: string[];
  signal?: AbortSignal;
}

export async function fetchAnnouncement(client: ArxivClient, request: AnnouncementRequest): Promise<Announcement> {
  const categories = request.categories.map((c) => c.trim()).filter((c) => c.length > 0);
  if (categories.length === 0) {
    throw new PaperFeedError('bad-config', 'No arXiv categories are set; add at least one (e.g. cs.LG) in your settings.');
  }
  const url = rssUrl(request.rssBase ?? DEFAULT_RSS_BASE, categories);
  const options = { accept: 'application/rss+xml, application/xml;q=0.9, */*;q=0.5', ...(request.signal ? { signal: request.signal } : {}) };
  return readFeed(client, url, options, (body) => parseRss(body, categories));
}
