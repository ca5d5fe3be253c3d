import { describe, expect, it } from 'vitest';
import { parseRss, rfc822Instant, rssUrl } from '../../core/arxiv/rss';
import { fixture } from './fixtures';
import { failureOf } from '../support/failures';

describe('rssUrl', () => {
  it('joins several categories with + into one feed address', () => {
    expect(rssUrl('https://rss.arxiv.org/rss', ['cs.LG', 'cs.CL', 'stat.ML'])).toBe('https://rss.arxiv.org/rss/cs.LG+cs.CL+stat.ML');
  });

  it('uses rss.arxiv.org by default and tolerates a trailing slash on a custom base', () => {
    expect(rssUrl(undefined, ['hep-th'])).toBe('https://rss.arxiv.org/rss/hep-th');
    expect(rssUrl('http://127.0.0.1:8080/rss/', [' cs.AI '])).toBe('http://127.0.0.1:8080/rss/cs.AI');
  });
});

describe('parseRss: a normal announcement', () => {
  const announcement = parseRss(fixture('rss-two-categories.xml'), ['cs.LG', 'hep-th']);

  it('dates the announcement by the channel pubDate in US Eastern, announced the evening before', () => {
    expect(announcement.date).toBe('2026-05-28');
    expect(announcement.announcedAt).toBe('2026-05-27T20:00:00-04:00');
    expect(announcement.categories).toEqual(['cs.LG', 'hep-th']);
    expect(announcement.skipped).toEqual([]);
  });

  it('reads every item with its announce type', () => {
    expect(announcement.papers.map((p) => [p.id, p.version, p.announceType])).toEqual([
      ['2605.01234', 1, 'new'],
      ['2604.05678', 2, 'cross'],
      ['hep-th/9901001', 3, 'replace'],
      ['2510.00042', 4, 'replace-cross'],
    ]);
  });

  it('fills a paper completely, with whitespace collapsed and TeX in names resolved', () => {
    expect(announcement.papers[0]).toEqual({
      id: '2605.01234',
      version: 1,
      title: 'Teaching Small Models to Count Sheep',
      authors: [
        { name: 'Renée Dupré', affiliations: ['Lab A (Paris), Univ. B'] },
        { name: 'Bjørn Nilsen', affiliations: [] },
        { name: 'Jörg Müller', affiliations: ['Uni C'] },
      ],
      abstract: 'We count sheep with $O(n)$ effort & less.',
      categories: ['cs.LG', 'stat.ML'],
      primaryCategory: 'cs.LG',
      announceType: 'new',
      published: announcement.date,
      updated: announcement.date,
      license: 'http://creativecommons.org/licenses/by/4.0/',
      doi: '10.1234/sheep.2026.7',
      journalRef: 'J. Ovine Learn. 3 (2026) 1-9',
      absUrl: 'https://arxiv.org/abs/2605.01234',
      pdfUrl: 'https://arxiv.org/pdf/2605.01234v1',
    });
  });

  it('keeps the first category as primary and old-style ids intact', () => {
    const cross = announcement.papers[1]!;
    expect(cross.primaryCategory).toBe('math-ph');
    expect(cross.categories).toEqual(['math-ph', 'hep-th', 'math.MP']);
    const old = announcement.papers[2]!;
    expect(old.absUrl).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(old.pdfUrl).toBe('https://arxiv.org/pdf/hep-th/9901001v3');
    expect(old.authors.map((a) => a.name)).toEqual(['P. Old', 'Q. Older']);
    expect(old.doi).toBeUndefined();
    // A v3 replacement: the listing date is when v3 appeared, not when v1 was submitted.
    expect(old.updated).toBe(announcement.date);
    expect(old.published).toBeUndefined();
    expect(old.journalRef).toBeUndefined();
  });
});

describe('parseRss: namespaces', () => {
  it('finds arXiv and Dublin Core elements by namespace URI, whatever their prefix', () => {
    const announcement = parseRss(fixture('rss-other-prefixes.xml'), ['cs.CL']);
    const [paper] = announcement.papers;
    expect(paper?.announceType).toBe('new');
    expect(paper?.doi).toBe('10.5555/real.1');
    expect(paper?.authors).toEqual([{ name: 'Uma Prefix', affiliations: [] }]);
  });

  it('uses the winter offset for a listing in December', () => {
    const announcement = parseRss(fixture('rss-other-prefixes.xml'), ['cs.CL']);
    expect(announcement.date).toBe('2026-12-07');
    // A Monday listing is announced on Sunday evening.
    expect(announcement.announcedAt).toBe('2026-12-06T20:00:00-05:00');
  });
});

describe('parseRss: days without papers and refusals', () => {
  it('reads an empty feed as an announcement with no papers', () => {
    const announcement = parseRss(fixture('rss-empty.xml'), ['cs.LG']);
    expect(announcement).toEqual({
      date: '2026-05-30',
      announcedAt: '2026-05-29T20:00:00-04:00',
      categories: ['cs.LG'],
      papers: [],
      skipped: [],
    });
  });

  it("turns arXiv's error feed into 'arxiv-rejected' carrying arXiv's own words", () => {
    const error = failureOf(() => parseRss(fixture('rss-error.xml'), ['cs.LG', 'cs.XYZ']));
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail.arxivMessage).toBe("Bad category 'cs.XYZ'. Valid categories start with an archive name.");
    expect(error.message).toBe(
      "arXiv rejected the category list: Bad category 'cs.XYZ'. Valid categories start with an archive name. Check the categories in your settings.",
    );
  });

  it("says a web page is not a feed ('bad-feed')", () => {
    const error = failureOf(() => parseRss(fixture('not-a-feed.html'), ['cs.LG']));
    expect(error.kind).toBe('bad-feed');
    expect(error.message).toBe('arXiv sent a web page instead of an RSS feed; try again later, and report it if it keeps happening.');
  });

  it("says a cut-off download is not a feed ('bad-feed')", () => {
    const whole = fixture('rss-two-categories.xml');
    const error = failureOf(() => parseRss(whole.slice(0, Math.floor(whole.length / 2)), ['cs.LG']));
    expect(error.kind).toBe('bad-feed');
    expect(error.message).toBe('arXiv sent broken or cut-off XML instead of an RSS feed; try again later, and report it if it keeps happening.');
  });

  it('names other answers that are not a feed', () => {
    expect(failureOf(() => parseRss('', ['cs.LG'])).message).toMatch(/^arXiv sent an empty response instead of an RSS feed/);
    expect(failureOf(() => parseRss('Service Unavailable', ['cs.LG'])).message).toMatch(/^arXiv sent plain text instead/);
    expect(failureOf(() => parseRss(fixture('api-empty.xml'), ['cs.LG'])).message).toMatch(
      /^arXiv sent an XML document with root <feed> instead of an RSS feed/,
    );
  });

  it('refuses a feed without a readable announcement date', () => {
    const noDate = fixture('rss-empty.xml').replace(/<pubDate>.*<\/pubDate>/, '');
    const error = failureOf(() => parseRss(noDate, ['cs.LG']));
    expect(error.kind).toBe('bad-feed');
    expect(error.message).toBe("arXiv's feed has no readable announcement date; try again later, and report it if it keeps happening.");
  });
});

describe('parseRss: broken items', () => {
  it('reports unreadable items by id or position and still reads the rest', () => {
    const announcement = parseRss(fixture('rss-malformed-items.xml'), ['cs.AI']);
    expect(announcement.papers.map((p) => `${p.id}v${p.version}`)).toEqual(['2606.00004v2']);
    expect(announcement.skipped).toEqual([
      { ref: 'item 1', reason: 'no arXiv identifier in guid, description or link' },
      { ref: '2606.00002', reason: 'unreadable date "the second of June"' },
      { ref: '2606.00003', reason: 'empty title' },
    ]);
  });
});

describe('parseRss: the legacy RSS 1.0 feed', () => {
  const announcement = parseRss(fixture('rss1-legacy.xml'), ['hep-ex']);

  it('dates the listing the day after the evening it was stamped', () => {
    expect(announcement.date).toBe('2023-03-16');
    expect(announcement.announcedAt).toBe('2023-03-15T20:00:00-04:00');
  });

  it('reads id, version, type and primary category from the title', () => {
    expect(announcement.papers.map((p) => [p.id, p.version, p.announceType, p.primaryCategory, p.title])).toEqual([
      ['2303.01111', 1, 'new', 'hep-ex', 'Muons Are Heavy'],
      ['2302.02222', 3, 'cross', 'hep-ph', 'Why Neutrinos?'],
      ['hep-ex/0601002', 2, 'replace', 'hep-ex', 'An Old Measurement Revisited'],
    ]);
  });

  it('strips the HTML from the abstract and the author links, dropping "et al."', () => {
    const [first] = announcement.papers;
    expect(first?.abstract).toBe('We weigh muons with $m<1$ precision. Twice.');
    expect(first?.authors).toEqual([
      { name: 'Anna Kovács', affiliations: ['CERN'] },
      { name: 'Ola Berg', affiliations: [] },
    ]);
  });
});

describe('rfc822Instant', () => {
  it('reads the offsets arXiv uses', () => {
    expect(rfc822Instant('Thu, 28 Nov 2024 00:00:00 -0500')).toBe(Date.parse('2024-11-28T05:00:00Z'));
    expect(rfc822Instant('Fri, 23 Aug 2024 00:00:00 -0400')).toBe(Date.parse('2024-08-23T04:00:00Z'));
    expect(rfc822Instant('Thu, 28 Nov 2024 14:47:20 +0000')).toBe(Date.parse('2024-11-28T14:47:20Z'));
    expect(rfc822Instant('28 Nov 2024 14:47 GMT')).toBe(Date.parse('2024-11-28T14:47:00Z'));
  });

  it('returns undefined for anything else', () => {
    expect(rfc822Instant('2024-11-28')).toBeUndefined();
    expect(rfc822Instant('Thu, 28 Nov 2024')).toBeUndefined();
    expect(rfc822Instant('Thu, 28 Foo 2024 00:00:00 -0500')).toBeUndefined();
    expect(rfc822Instant(undefined)).toBeUndefined();
  });
});
