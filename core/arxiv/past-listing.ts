// A past listing date rebuilt from the arXiv API: the submissions of that listing's window
// (14:00 US Eastern cut-offs, weekends, holidays) in the followed categories, shaped like the
// announcement the RSS feed gave that evening. Papers whose primary category is not followed
// came in as cross-lists. Used by every host's "date range" command.

import { inCategories } from './categories';
import { DEFAULT_API_BASE, buildSearchQuery } from './api-query';
import { announcementFor, submissionWindow } from './calendar';
import type { Announcement } from './paper';
import type { ArxivClient } from './polite';
import { searchAll } from './search';

export interface PastListingRequest {
  /** Listing date, YYYY-MM-DD. */
  date: string;
  categories: string[];
  /** Defaults to https://export.arxiv.org/api/query. */
  apiBase?: string;
  signal?: AbortSignal;
  onPage?: (fetched: number, total: number) => void;
}

export async function fetchPastListing(client: ArxivClient, request: PastListingRequest): Promise<Announcement> {
  const { date, categories } = request;
  const window = submissionWindow(date);
  const found = await searchAll(
    client,
    request.apiBase ?? DEFAULT_API_BASE,
    buildSearchQuery({ categories, submittedFrom: window.from, submittedTo: window.to }),
    {
      ...(request.onPage ? { onPage: request.onPage } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    },
  );
  return {
    ...announcementFor(date),
    categories: [...categories],
    papers: found.papers.map((paper) => ({
      ...paper,
      announceType: inCategories([paper.primaryCategory], categories) ? 'new' : 'cross',
    })),
    skipped: found.skipped,
  };
}
