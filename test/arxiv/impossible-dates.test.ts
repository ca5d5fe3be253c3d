// A date that names no real day is refused wherever arXiv's dates are read,
// never rolled over into the next month ("Mon, 31 Jun 2026" is not 1 July).
import { describe, expect, it } from 'vitest';
import { parseApiFeed } from '../../core/arxiv/api';
import { parseRss } from '../../core/arxiv/rss';
import { readIsoTimestamp, readRfc822 } from '../../core/date-text';
import { PaperFeedError } from '../../core/errors';
import { failureOf } from '../support/failures';
import { rssFeed, rssItem, sampleItems } from '../support/fault-feeds';
import { fixture } from './fixtures';

describe('impossible dates', () => {
  it('an RSS feed dated "Mon, 31 Jun 2026" is a bad feed, quoting arXiv’s text', () => {
    const error = failureOf(() => parseRss(rssFeed(sampleItems('Mon, 31 Jun 2026 00:00:00 -0400'), 'Mon, 31 Jun 2026 00:00:00 -0400'), ['cs.LG']));
    expect(error).toEqual(
      new PaperFeedError(
        'bad-feed',
        'arXiv\'s feed gives "Mon, 31 Jun 2026 00:00:00 -0400" as its announcement date, which is not a real date (Jun 2026 has 30 days); nothing was written. Try again later, and report it if it keeps happening.',
        { arxivMessage: 'Mon, 31 Jun 2026 00:00:00 -0400' },
      ),
    );
  });

  it('a feed whose weekday does not fit its date is a bad feed too', () => {
    const error = failureOf(() => parseRss(rssFeed(sampleItems(), 'Mon, 28 May 2026 00:00:00 -0400'), ['cs.LG']));
    expect(error.message).toBe(
      'arXiv\'s feed gives "Mon, 28 May 2026 00:00:00 -0400" as its announcement date, which names the wrong weekday (that day is a Thursday); nothing was written. Try again later, and report it if it keeps happening.',
    );
  });

  it('an item with an impossible date is skipped and named, the others are read', () => {
    const items = [
      ...sampleItems(),
      rssItem({
        id: '2605.99010',
        title: 'On the Thirty-First of June',
        abstract: 'x',
        authors: 'A B',
        categories: ['cs.LG'],
        pubDate: 'Tue, 30 Feb 2026 00:00:00 -0500',
      }),
    ];
    const announcement = parseRss(rssFeed(items), ['cs.LG']);
    expect(announcement.date).toBe('2026-05-28');
    expect(announcement.skipped).toEqual([{ ref: '2605.99010', reason: 'date "Tue, 30 Feb 2026 00:00:00 -0500" is not a real date (Feb 2026 has 28 days)' }]);
  });

  it('an API entry published on 2026-06-31 is skipped and named, not dated 1 July', () => {
    const xml = fixture('api-current.xml').replace(/<published>[^<]*<\/published>/, '<published>2026-06-31T12:00:00Z</published>');
    const { papers, skipped } = parseApiFeed(xml);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toBe('date "2026-06-31T12:00:00Z" is not a real date (Jun 2026 has 30 days)');
    expect(papers.every((p) => p.published !== '2026-07-01')).toBe(true);
  });

  it('every reader refuses hours, minutes and days that do not exist, and keeps real ones', () => {
    expect(readRfc822('Thu, 28 May 2026 24:00:00 -0400')).toEqual({ problem: 'is not a real time of day' });
    expect(readRfc822('Sun, 29 Feb 2026 00:00:00 GMT')).toEqual({ problem: 'is not a real date (Feb 2026 has 28 days)' });
    expect(readRfc822('Tue, 29 Feb 2028 00:00:00 GMT')).toEqual({ instant: Date.parse('2028-02-29T00:00:00Z') });
    expect(readIsoTimestamp('2026-02-30T10:00:00-05:00')).toEqual({ problem: 'is not a real date (Feb 2026 has 28 days)' });
    expect(readIsoTimestamp('2026-06-30T23:60:00Z')).toEqual({ problem: 'is not a real time of day' });
    expect(readIsoTimestamp('2026-05-28T20:00:00-04:00')).toEqual({ instant: Date.parse('2026-05-29T00:00:00Z') });
    expect(readIsoTimestamp('2008-04-14')).toEqual({ instant: Date.parse('2008-04-14T00:00:00Z') });
  });
});
