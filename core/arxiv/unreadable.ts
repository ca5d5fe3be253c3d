// The one sentence a person sees when arXiv answers with something that is not the feed we
// asked for: an HTML page, a cut-off download, plain text.

import { PaperFeedError } from '../errors';

/** arXiv's throttling answer, sent as plain text instead of a feed. */
export function isRateExceeded(body: string): boolean {
  return body.trim() === 'Rate exceeded.';
}

export function rateExceededError(): PaperFeedError {
  return new PaperFeedError('rate-limited', 'arXiv is rate-limiting requests ("Rate exceeded."); wait a few minutes and try again.', {
    status: 429,
    arxivMessage: 'Rate exceeded.',
  });
}

/**
 * A 'bad-feed' error naming what arrived instead of the expected feed. `root` is the root element
 * of a body that parsed as XML; a well-formed HTML page is still "a web page" to a person.
 */
export function notAFeed(expected: 'an RSS feed' | 'an Atom feed', body: string, root?: string): PaperFeedError {
  const what = root === undefined || root.toLowerCase() === 'html' ? describe(body) : `an XML document with root <${root}>`;
  return new PaperFeedError('bad-feed', `arXiv sent ${what} instead of ${expected}; try again later, and report it if it keeps happening.`);
}

function describe(body: string): string {
  const start = body.trimStart().slice(0, 512).toLowerCase();
  if (start.length === 0) return 'an empty response';
  if (start.startsWith('<!doctype html') || start.includes('<html')) return 'a web page';
  if (start.startsWith('<')) return 'broken or cut-off XML';
  return 'plain text';
}
