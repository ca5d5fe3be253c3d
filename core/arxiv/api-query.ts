// Builds requests for the arXiv API (export.arxiv.org/api/query): the `search_query` text from
// what a person follows, and the full URL with paging and sort order.

import { PaperFeedError } from '../errors';

export const DEFAULT_API_BASE = 'https://export.arxiv.org/api/query';
/** arXiv serves at most this many results per request. */
export const MAX_PAGE_SIZE = 2000;

export interface SearchTerms {
  /** Categories or whole archives: "cs.LG", "hep-th". Any of them matches. */
  categories?: string[];
  /** Phrases looked for in the title or abstract. Any of them matches. */
  phrases?: string[];
  /** Author names ("Del Maestro"). A followed author matches like a phrase does. */
  authors?: string[];
  /** Submitted from / to, YYYYMMDDHHMM in GMT (see calendar.submissionWindow). */
  submittedFrom?: string;
  submittedTo?: string;
}

export type SortBy = 'relevance' | 'lastUpdatedDate' | 'submittedDate';
export type SortOrder = 'ascending' | 'descending';

export interface ApiRequest {
  searchQuery?: string;
  /** Identifiers, with or without version. */
  idList?: string[];
  start: number;
  maxResults: number;
  sortBy?: SortBy;
  sortOrder?: SortOrder;
}

const API_TIMESTAMP = /^\d{12}$/;

/**
 * `(cat:A OR cat:B) AND (ti:"p" OR abs:"p" OR au:"N") AND submittedDate:[FROM TO TO]`: the
 * categories narrow, phrases and authors each qualify a paper, the dates narrow again.
 */
export function buildSearchQuery(terms: SearchTerms): string {
  const categories = (terms.categories ?? [])
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => `cat:${c}`);
  const topics = [
    ...(terms.phrases ?? [])
      .map(quoted)
      .filter(Boolean)
      .flatMap((p) => [`ti:${p}`, `abs:${p}`]),
    ...(terms.authors ?? [])
      .map(quoted)
      .filter(Boolean)
      .map((a) => `au:${a}`),
  ];
  const parts = [anyOf(categories), anyOf(topics)].filter((part) => part.length > 0);
  if (terms.submittedFrom !== undefined || terms.submittedTo !== undefined) {
    const from = terms.submittedFrom ?? '199107010000';
    const to = terms.submittedTo ?? '299912312359';
    for (const stamp of [from, to]) {
      if (!API_TIMESTAMP.test(stamp)) {
        throw new PaperFeedError('bad-config', `The submission date "${stamp}" is not in arXiv's YYYYMMDDHHMM form; use e.g. 202605281400.`);
      }
    }
    parts.push(`submittedDate:[${from} TO ${to}]`);
  }
  if (parts.length === 0) {
    throw new PaperFeedError('bad-config', 'A search needs at least one category, phrase, author or date range; add one and try again.');
  }
  return parts.join(' AND ');
}

/** The request URL, parameters in arXiv's canonical order. */
export function apiUrl(base: string = DEFAULT_API_BASE, request: ApiRequest): string {
  const { start, maxResults } = request;
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_PAGE_SIZE) {
    throw new RangeError(`arXiv paging needs 0 <= start and 0 <= maxResults <= ${MAX_PAGE_SIZE} (got ${start}, ${maxResults})`);
  }
  const params: string[] = [];
  if (request.searchQuery) params.push(`search_query=${encodeValue(request.searchQuery)}`);
  if (request.idList && request.idList.length > 0) params.push(`id_list=${encodeValue(request.idList.map((id) => id.trim()).join(','))}`);
  params.push(`start=${start}`, `max_results=${maxResults}`);
  if (request.sortBy) params.push(`sortBy=${request.sortBy}`);
  if (request.sortOrder) params.push(`sortOrder=${request.sortOrder}`);
  return `${base}?${params.join('&')}`;
}

function anyOf(terms: string[]): string {
  if (terms.length <= 1) return terms[0] ?? '';
  return `(${terms.join(' OR ')})`;
}

// Always quoted, so hyphens and spaces stay inside the term; quotes inside are dropped
// because arXiv's query language cannot escape them.
function quoted(text: string): string {
  const inner = text.replace(/["()]/g, ' ').replace(/\s+/g, ' ').trim();
  return inner ? `"${inner}"` : '';
}

// arXiv's manual writes spaces as "+" and parentheses as %28 %29, and keeps ":" "," "/".
function encodeValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%2F/gi, '/')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29');
}
