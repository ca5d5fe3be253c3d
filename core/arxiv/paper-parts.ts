// Small pieces every reader uses to fill a Paper the same way: category order, dates and DOIs
// (its links come from links.ts).

import { readIsoTimestamp } from '../date-text';

const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/;

/** True for arXiv categories ("cs.LG", "cond-mat.str-el", "hep-th"); false for MSC/ACM codes. */
export function isArxivCategory(term: string): boolean {
  return ARXIV_CATEGORY.test(term);
}

/** Primary first, then the rest in the order given, without duplicates or blanks. */
export function orderCategories(primary: string, categories: string[]): string[] {
  return [...new Set([primary, ...categories].map((c) => c.trim()).filter((c) => c.length > 0))];
}

const PLAIN_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/** YYYY-MM-DD (UTC) of an ISO 8601 timestamp, or undefined when it is not one or names no real moment. */
export function utcDay(timestamp: string | undefined): string | undefined {
  if (timestamp === undefined) return undefined;
  const text = timestamp.trim();
  // arXiv's own form, a UTC time on a day every month has, needs no date arithmetic.
  if (PLAIN_UTC.test(text)) return text.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const read = readIsoTimestamp(text);
  return 'instant' in read ? new Date(read.instant).toISOString().slice(0, 10) : undefined;
}

// arXiv's own DOIs (10.48550/arXiv.…) name the preprint, not a journal version.
const ARXIV_DOI = /^10\.48550\//i;

/**
 * A journal DOI from arXiv's DOI field or a doi.org link: the first DOI when several are
 * listed, undefined for arXiv's own DOIs and blanks.
 */
export function journalDoi(text: string | undefined): string | undefined {
  const first = text
    ?.trim()
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')
    .split(/\s+/)[0];
  if (!first || !first.startsWith('10.') || ARXIV_DOI.test(first)) return undefined;
  return first;
}
