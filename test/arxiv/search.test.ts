// Paging through an API search against a local stand-in for export.arxiv.org.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { createArxivClient } from '../../core/arxiv/polite';
import { searchAll } from '../../core/arxiv/search';
import { PaperFeedError } from '../../core/errors';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { fixture } from './fixtures';

let server: ArxivStandIn;
let clock: FakeClock;
beforeEach(async () => {
  server = await startArxivServer();
  clock = createFakeClock();
});
afterEach(async () => {
  await server.close();
});

const client = () => createArxivClient({ transport: fetchTransport(), clock, random: () => 0.5 });

/** A small current-style Atom page holding the given ids. */
function atomPage(total: number, start: number, ids: string[]): string {
  const entries = ids.map(
    (id) => `
  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>Paper ${id}</title>
    <summary>About ${id}.</summary>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-05-01T10:00:00Z</published>
    <updated>2026-05-01T10:00:00Z</updated>
    <arxiv:primary_category term="cs.LG"/>
    <author><name>Author of ${id}</name></author>
  </entry>`,
  );
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <opensearch:itemsPerPage>${ids.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>${start}</opensearch:startIndex>${entries.join('')}
</feed>`;
}

/** Serves `all` ids page by page, as arXiv would. */
function serveIds(all: string[], total = all.length): void {
  server.handle('/api/query', (request) => {
    const start = Number(request.query.get('start'));
    const max = Number(request.query.get('max_results'));
    return { body: atomPage(total, start, all.slice(start, start + max)) };
  });
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `2605.${String(10001 + i)}`);
const pageParams = () => server.requests.map((r) => [r.query.get('start'), r.query.get('max_results')]);

describe('searchAll', () => {
  it('pages with start and max_results until totalResults, reporting progress', async () => {
    serveIds(ids(5));
    const progress: Array<[number, number]> = [];
    const result = await searchAll(client(), server.url('/api/query'), 'cat:cs.LG', {
      pageSize: 2,
      onPage: (fetched, total) => progress.push([fetched, total]),
    });
    expect(pageParams()).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '1'],
    ]);
    expect(result.totalResults).toBe(5);
    expect(result.papers.map((p) => p.id)).toEqual(ids(5));
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('sorts by submission date so pages stay stable, and spaces pages 3 s apart', async () => {
    serveIds(ids(3));
    await searchAll(client(), server.url('/api/query'), 'cat:cs.LG AND ti:"sheep"', { pageSize: 2 });
    expect(server.requests[0]?.query.get('search_query')).toBe('cat:cs.LG AND ti:"sheep"');
    expect(server.requests[0]?.query.get('sortBy')).toBe('submittedDate');
    expect(server.requests[0]?.query.get('sortOrder')).toBe('ascending');
    expect(clock.sleeps).toEqual([3000]);
  });

  it('stops at maxResults', async () => {
    serveIds(ids(10));
    const result = await searchAll(client(), server.url('/api/query'), 'cat:cs.LG', { pageSize: 2, maxResults: 3 });
    expect(pageParams()).toEqual([
      ['0', '2'],
      ['2', '1'],
    ]);
    expect(result.papers).toHaveLength(3);
    expect(result.totalResults).toBe(10);
  });

  it('never asks for more than 2000 a page', async () => {
    serveIds(ids(1));
    await searchAll(client(), server.url('/api/query'), 'cat:cs.LG', { pageSize: 5000 });
    expect(pageParams()).toEqual([['0', '2000']]);
  });

  it('stops when a page comes back empty before the announced total', async () => {
    serveIds(ids(2), 40);
    const result = await searchAll(client(), server.url('/api/query'), 'cat:cs.LG', { pageSize: 2 });
    expect(pageParams()).toEqual([
      ['0', '2'],
      ['2', '2'],
    ]);
    expect(result.papers).toHaveLength(2);
  });

  it('looks papers up by id without a search query or sort order', async () => {
    server.reply('/api/query', { body: fixture('api-current.xml') });
    const result = await searchAll(client(), server.url('/api/query'), { idList: ['2605.04321', 'cond-mat/0603029'] }, { maxResults: 2 });
    expect(server.requests[0]?.url).toBe('/api/query?id_list=2605.04321,cond-mat/0603029&start=0&max_results=2');
    expect(result.papers.map((p) => p.id)).toEqual(['2605.04321', 'cond-mat/0603029']);
  });

  it('keeps each paper once when pages overlap', async () => {
    server.handle('/api/query', (request) => {
      const start = Number(request.query.get('start'));
      return { body: atomPage(4, start, start === 0 ? ['2605.00001', '2605.00002'] : ['2605.00002', '2605.00003']) };
    });
    const result = await searchAll(client(), server.url('/api/query'), 'cat:cs.LG', { pageSize: 2 });
    expect(result.papers.map((p) => p.id)).toEqual(['2605.00001', '2605.00002', '2605.00003']);
  });

  it("reports arXiv's message when it rejects the query with HTTP 400", async () => {
    server.reply('/api/query', { status: 400, body: fixture('api-error.xml') });
    const failure = await searchAll(client(), server.url('/api/query'), { idList: ['9999.zz'] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PaperFeedError);
    expect((failure as PaperFeedError).kind).toBe('arxiv-rejected');
    expect((failure as PaperFeedError).detail.arxivMessage).toBe('incorrect id format for 9999.zz');
    expect(server.count()).toBe(1);
  });
});
