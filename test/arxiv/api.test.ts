import { describe, expect, it } from 'vitest';
import { parseApiFeed } from '../../core/arxiv/api';
import { apiUrl, buildSearchQuery } from '../../core/arxiv/api-query';
import { fixture } from './fixtures';
import { failureOf } from '../support/failures';

describe('buildSearchQuery', () => {
  it('ORs categories, ORs phrases and authors, and ANDs the groups with the date range', () => {
    expect(
      buildSearchQuery({
        categories: ['cs.LG', 'cs.CL'],
        phrases: ['diffusion policy', 'RLHF'],
        authors: ['Del Maestro'],
        submittedFrom: '202605271800',
        submittedTo: '202605281800',
      }),
    ).toBe(
      '(cat:cs.LG OR cat:cs.CL) AND (ti:"diffusion policy" OR abs:"diffusion policy" OR ti:"RLHF" OR abs:"RLHF" OR au:"Del Maestro") AND submittedDate:[202605271800 TO 202605281800]',
    );
  });

  it('leaves a single term unparenthesised', () => {
    expect(buildSearchQuery({ categories: ['hep-th'] })).toBe('cat:hep-th');
    expect(buildSearchQuery({ authors: ['Ng'] })).toBe('au:"Ng"');
  });

  it('keeps hyphens inside quotes and drops characters arXiv cannot escape', () => {
    expect(buildSearchQuery({ phrases: ['score-based', 'say "hi" (twice)'] })).toBe(
      '(ti:"score-based" OR abs:"score-based" OR ti:"say hi twice" OR abs:"say hi twice")',
    );
  });

  it('fills an open end of the date range', () => {
    expect(buildSearchQuery({ categories: ['cs.AI'], submittedFrom: '202601010000' })).toBe('cat:cs.AI AND submittedDate:[202601010000 TO 299912312359]');
  });

  it('refuses a malformed date and an empty search', () => {
    const badDate = failureOf(() => buildSearchQuery({ submittedFrom: '2026-05-28' }));
    expect(badDate.kind).toBe('bad-config');
    expect(badDate.message).toBe('The submission date "2026-05-28" is not in arXiv\'s YYYYMMDDHHMM form; use e.g. 202605281400.');
    const empty = failureOf(() => buildSearchQuery({ categories: [' '], phrases: [] }));
    expect(empty.kind).toBe('bad-config');
    expect(empty.message).toBe('A search needs at least one category, phrase, author or date range; add one and try again.');
  });
});

describe('apiUrl', () => {
  it('puts the parameters in arXiv order with readable encoding', () => {
    expect(
      apiUrl('https://export.arxiv.org/api/query', {
        searchQuery: '(cat:cs.LG OR cat:cs.CL) AND ti:"a b"',
        start: 2000,
        maxResults: 2000,
        sortBy: 'submittedDate',
        sortOrder: 'ascending',
      }),
    ).toBe(
      'https://export.arxiv.org/api/query?search_query=%28cat:cs.LG+OR+cat:cs.CL%29+AND+ti:%22a+b%22&start=2000&max_results=2000&sortBy=submittedDate&sortOrder=ascending',
    );
  });

  it('asks for ids with id_list and defaults to export.arxiv.org', () => {
    expect(apiUrl(undefined, { idList: ['2605.01234v2', 'hep-th/9901001'], start: 0, maxResults: 2 })).toBe(
      'https://export.arxiv.org/api/query?id_list=2605.01234v2,hep-th/9901001&start=0&max_results=2',
    );
  });

  it('refuses pages arXiv would refuse', () => {
    expect(() => apiUrl(undefined, { searchQuery: 'cat:cs.LG', start: 0, maxResults: 2001 })).toThrow(RangeError);
    expect(() => apiUrl(undefined, { searchQuery: 'cat:cs.LG', start: -1, maxResults: 10 })).toThrow(RangeError);
  });
});

describe('parseApiFeed: the current shape', () => {
  const page = parseApiFeed(fixture('api-current.xml'));

  it('reads the paging numbers', () => {
    expect([page.totalResults, page.startIndex, page.itemsPerPage]).toEqual([57, 20, 2]);
    expect(page.skipped).toEqual([]);
  });

  it('fills a paper from an entry, dropping MSC and ACM codes from the categories', () => {
    expect(page.papers[0]).toEqual({
      id: '2605.04321',
      version: 2,
      title: 'Sparse Attention for Sheep Counting',
      authors: [
        { name: 'Zoë Müller', affiliations: ['ETH Zürich', 'Sheep Institute'] },
        { name: 'Sam Lee', affiliations: [] },
      ],
      abstract: 'We attend to sheep & goats, $a<b$.',
      categories: ['cs.LG', 'cs.CV'],
      primaryCategory: 'cs.LG',
      published: '2026-05-02',
      updated: '2026-05-20',
      comment: '12 pages, 3 figures',
      journalRef: 'Proc. Sheep Conf. 2026, 1-12',
      doi: '10.4242/sheep.2026.12',
      absUrl: 'https://arxiv.org/abs/2605.04321',
      pdfUrl: 'https://arxiv.org/pdf/2605.04321v2',
    });
  });

  it("keeps old-style ids and ignores arXiv's own DOI", () => {
    const old = page.papers[1]!;
    expect([old.id, old.version, old.primaryCategory]).toEqual(['cond-mat/0603029', 1, 'cond-mat.str-el']);
    expect(old.pdfUrl).toBe('https://arxiv.org/pdf/cond-mat/0603029v1');
    expect(old.doi).toBeUndefined();
  });
});

describe('parseApiFeed: the legacy shape', () => {
  const page = parseApiFeed(fixture('api-legacy.xml'));

  it('drops the empty entry that stands for an unknown id', () => {
    expect(page.totalResults).toBe(2);
    expect(page.papers.map((p) => p.id)).toEqual(['2201.00001']);
    expect(page.skipped).toEqual([]);
  });

  it('unwraps hard-wrapped text, keeping paragraph breaks', () => {
    const [paper] = page.papers;
    expect(paper?.title).toBe('A Long Title That arXiv Wrapped Across Two Lines');
    expect(paper?.abstract).toBe('The first paragraph is wrapped at about eighty columns, like the legacy API did.\n\nSecond paragraph.');
    expect(paper?.journalRef).toBe('Wrap. J. 1 (2022) 2-3');
  });

  it('tells links apart by address, taking the version from them when the id has none', () => {
    const [paper] = page.papers;
    expect(paper?.version).toBe(3);
    expect(paper?.pdfUrl).toBe('https://arxiv.org/pdf/2201.00001v3');
    expect(paper?.doi).toBe('10.7777/wrap.2022.1');
  });

  it('reads per-element namespaces, UTC dates from offsets, and TeX in names', () => {
    const [paper] = page.papers;
    expect(paper?.categories).toEqual(['math.CA', 'math.DS']);
    expect(paper?.published).toBe('2022-01-02');
    expect(paper?.updated).toBe('2022-03-01');
    expect(paper?.comment).toBe('20 pages');
    expect(paper?.authors).toEqual([
      { name: 'Erdős Pál', affiliations: [] },
      { name: 'François Garçon', affiliations: ['Université de Nulle Part'] },
    ]);
  });
});

describe('parseApiFeed: errors and empty results', () => {
  it("turns the error entry into 'arxiv-rejected' with arXiv's message", () => {
    const error = failureOf(() => parseApiFeed(fixture('api-error.xml')));
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail.arxivMessage).toBe('incorrect id format for 9999.zz');
    expect(error.message).toBe('arXiv rejected the search (incorrect id format for 9999.zz); check the search terms and identifiers you gave.');
  });

  it("turns plain-text 'Rate exceeded.' into 'rate-limited'", () => {
    const error = failureOf(() => parseApiFeed('Rate exceeded.\n'));
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toBe('arXiv is rate-limiting requests ("Rate exceeded."); wait a few minutes and try again.');
  });

  it('reads an empty result as zero papers', () => {
    expect(parseApiFeed(fixture('api-empty.xml'))).toEqual({ totalResults: 0, startIndex: 0, itemsPerPage: 10, papers: [], skipped: [] });
  });

  it("says an RSS feed or a web page is not the API's Atom", () => {
    expect(failureOf(() => parseApiFeed(fixture('rss-empty.xml'))).message).toBe(
      'arXiv sent an XML document with root <rss> instead of an Atom feed; try again later, and report it if it keeps happening.',
    );
    expect(failureOf(() => parseApiFeed(fixture('not-a-feed.html'))).kind).toBe('bad-feed');
  });

  it('reports an entry without an arXiv id or category instead of dropping it silently', () => {
    const broken = fixture('api-current.xml')
      .replace('<id>http://arxiv.org/abs/2605.04321v2</id>', '<id>http://example.org/nothing</id>')
      .replace(/<link href="https:\/\/arxiv.org\/abs\/2605.04321v2"[^>]*\/>/, '')
      .replace(/<category term="cond-mat[^>]*\/>/g, '')
      .replace('<arxiv:primary_category term="cond-mat.str-el"/>', '');
    const page = parseApiFeed(broken);
    expect(page.papers).toEqual([]);
    expect(page.skipped).toEqual([
      { ref: 'entry 1', reason: 'no arXiv identifier in "http://example.org/nothing"' },
      { ref: 'cond-mat/0603029', reason: 'no arXiv category' },
    ]);
  });
});
