// Runs an arXiv API search to the end, page by page (start / max_results), through the polite
// client so pages are spaced as arXiv asks.

import { apiUrl, MAX_PAGE_SIZE, type SortBy, type SortOrder } from './api-query';
import { parseApiFeed } from './api';
import type { Paper, SkippedItem } from './paper';
import type { ArxivClient } from './polite';
import { readFeed } from './read-feed';

/** arXiv serves no result beyond this position, however it is paged. */
export const MAX_TOTAL_RESULTS = 30_000;
const DEFAULT_PAGE_SIZE = 500;

export interface ApiQuery {
  searchQuery?: string;
  idList?: string[];
  sortBy?: SortBy;
  sortOrder?: SortOrder;
}

export interface SearchOptions {
  /** Results per request, at most 2000 (default 500). */
  pageSize?: number;
  /** Stop after this many results. */
  maxResults?: number;
  signal?: AbortSignal;
  /** Called after each page with the papers so far and the number expected. */
  onPage?(fetched: number, total: number): void;
}

export interface SearchResult {
  /** What arXiv reported for the whole query. */
  totalResults: number;
  /** Every paper once, in arXiv's order. */
  papers: Paper[];
  skipped: SkippedItem[];
}

/**
 * Fetches every page of a search. A query string is sorted by submission date so pages do
 * not shift under us while paging. Stops early if arXiv returns an empty page before the
 * announced total (the legacy API counted unknown ids it never returned).
 */
export async function searchAll(client: ArxivClient, base: string, query: string | ApiQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const request: ApiQuery = typeof query === 'string' ? { searchQuery: query } : { ...query };
  if (request.searchQuery && !request.sortBy) {
    request.sortBy = 'submittedDate';
    request.sortOrder ??= 'ascending';
  }
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)));
  const cap = Math.min(options.maxResults ?? MAX_TOTAL_RESULTS, MAX_TOTAL_RESULTS);
  const fetchOptions = { accept: 'application/atom+xml, application/xml;q=0.9, */*;q=0.5', ...(options.signal ? { signal: options.signal } : {}) };

  const seen = new Set<string>();
  const papers: Paper[] = [];
  const skipped: SkippedItem[] = [];
  let totalResults = 0;
  let limit = cap;
  for (let start = 0; start < limit; start += pageSize) {
    const size = Math.min(pageSize, limit - start);
    const page = await readFeed(client, apiUrl(base, { ...request, start, maxResults: size }), fetchOptions, parseApiFeed);
    totalResults = page.totalResults;
    limit = Math.min(cap, totalResults);
    for (const paper of page.papers) {
      if (seen.has(paper.id)) continue;
      seen.add(paper.id);
      papers.push(paper);
    }
    skipped.push(...page.skipped);
    options.onPage?.(papers.length, limit);
    if (page.papers.length + page.skipped.length === 0) break;
  }
  return { totalResults, papers, skipped };
}
