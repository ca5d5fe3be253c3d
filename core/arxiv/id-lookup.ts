// Looks papers up by identifier through the API's `id_list`, many ids per request, one request
// at a time through the polite client (so the 3 s gap and Retry-After hold here too). An id arXiv
// does not return (the current API drops unknown ids; the legacy one sent an empty entry) is
// reported as missing, never taken for a withdrawal.

import { apiUrl } from './api-query';
import { parseApiFeed } from './api';
import type { Paper, SkippedItem } from './paper';
import type { ArxivClient } from './polite';
import { readFeed } from './read-feed';

/**
 * Ids per request. 100 ids of the longest form ("cond-mat/0603029", 16 characters, plus a comma)
 * keep the URL under 2 KB, far below the 8 KB many servers and proxies accept; arXiv's answer
 * for 100 entries is about 300 KB; and a failed request costs one batch, not the run.
 */
export const IDS_PER_REQUEST = 100;

export interface IdLookup {
  /** Found papers by id (without version). */
  papers: Map<string, Paper>;
  /** Ids asked for that arXiv did not return. */
  missing: string[];
  /** Entries arXiv returned that could not be read. */
  skipped: SkippedItem[];
  /** Requests sent. */
  requests: number;
}

export interface IdLookupOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /** After each request: ids looked up so far, of all. */
  onBatch?(done: number, total: number): void;
}

export async function lookUpIds(client: ArxivClient, base: string, ids: readonly string[], options: IdLookupOptions = {}): Promise<IdLookup> {
  const size = Math.max(1, Math.min(IDS_PER_REQUEST, Math.floor(options.batchSize ?? IDS_PER_REQUEST)));
  const unique = [...new Set(ids)];
  const result: IdLookup = { papers: new Map(), missing: [], skipped: [], requests: 0 };
  const fetchOptions = { accept: 'application/atom+xml, application/xml;q=0.9, */*;q=0.5', ...(options.signal ? { signal: options.signal } : {}) };
  for (let start = 0; start < unique.length; start += size) {
    const batch = unique.slice(start, start + size);
    // max_results must cover the batch: arXiv's default is 10 results.
    const page = await readFeed(client, apiUrl(base, { idList: batch, start: 0, maxResults: batch.length }), fetchOptions, parseApiFeed);
    result.requests += 1;
    for (const paper of page.papers) result.papers.set(paper.id, paper);
    result.skipped.push(...page.skipped);
    const unread = new Set(page.skipped.map((s) => s.ref));
    for (const id of batch) if (!result.papers.has(id) && !unread.has(id)) result.missing.push(id);
    options.onBatch?.(Math.min(start + size, unique.length), unique.length);
  }
  return result;
}
