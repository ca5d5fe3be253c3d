// The dates in arXiv's feeds, read strictly (core/date-text.ts): a feed whose announcement date
// names no real day is a bad feed, quoted back to the person; an item with such a date is
// skipped and named.

import { readRfc822, type DateRead } from '../date-text';
import { PaperFeedError } from '../errors';
import { collapseWhitespace } from './text';

export { readIsoTimestamp, readRfc822, rfc822Instant } from '../date-text';

/** The announcement's instant from the feed's own date; throws 'bad-feed' quoting arXiv's text. */
export function announcementInstant(text: string | undefined, read: (text: string) => DateRead = readRfc822): number {
  const shown = collapseWhitespace(text ?? '');
  if (!shown) {
    throw new PaperFeedError('bad-feed', "arXiv's feed has no readable announcement date; try again later, and report it if it keeps happening.");
  }
  const date = read(shown);
  if ('instant' in date) return date.instant;
  throw new PaperFeedError(
    'bad-feed',
    `arXiv's feed gives ${quoted(shown)} as its announcement date, which ${date.problem}; nothing was written. Try again later, and report it if it keeps happening.`,
    { arxivMessage: shown },
  );
}

/** Why an item's date makes it unusable ("unreadable date …", "date … is not a real date …"), or undefined. */
export function itemDateProblem(text: string, read: (text: string) => DateRead): string | undefined {
  const shown = collapseWhitespace(text);
  const date = read(shown);
  if ('instant' in date) return undefined;
  return date.problem.startsWith('is not a date in the form') ? `unreadable date ${quoted(shown)}` : `date ${quoted(shown)} ${date.problem}`;
}

function quoted(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(short);
}
