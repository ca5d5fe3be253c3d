// A past listing rebuilt from the API, against a local stand-in for export.arxiv.org.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submissionWindow } from '../../core/arxiv/calendar';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { fetchPastListing } from '../../core/arxiv/past-listing';
import { createArxivClient } from '../../core/arxiv/polite';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock } from '../support/fake-clock';

let server: ArxivStandIn;
beforeEach(async () => {
  server = await startArxivServer();
});
afterEach(async () => {
  await server.close();
});

function entry(id: string, primary: string): string {
  return `
  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>Paper ${id}</title>
    <summary>About ${id}.</summary>
    <category term="${primary}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-05-29T15:00:00Z</published>
    <updated>2026-05-29T15:00:00Z</updated>
    <arxiv:primary_category term="${primary}"/>
    <author><name>Author of ${id}</name></author>
  </entry>`;
}

const page = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/x</id>
  <title>arXiv Query</title>
  <updated>2026-06-01T00:00:00Z</updated>
  <opensearch:itemsPerPage>2</opensearch:itemsPerPage>
  <opensearch:totalResults>2</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>${entry('2605.30001', 'cs.LG')}${entry('2605.30002', 'math.OC')}
</feed>`;

describe('fetchPastListing', () => {
  it("asks for the listing's submission window and shapes the answer like that evening's announcement", async () => {
    server.reply('/api/query', { body: page });
    const client = createArxivClient({ transport: fetchTransport(), clock: createFakeClock(), random: () => 0.5 });
    const listing = await fetchPastListing(client, { date: '2026-06-01', categories: ['cs.LG'], apiBase: server.url('/api/query') });

    const window = submissionWindow('2026-06-01');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.query.get('search_query')).toContain(`submittedDate:[${window.from} TO ${window.to}]`);
    expect(listing.date).toBe('2026-06-01');
    expect(listing.announcedAt).toBe('2026-05-31T20:00:00-04:00');
    expect(listing.categories).toEqual(['cs.LG']);
    // A paper whose primary category is not followed reached the listing as a cross-list.
    expect(listing.papers.map((p) => [p.id, p.announceType])).toEqual([
      ['2605.30001', 'new'],
      ['2605.30002', 'cross'],
    ]);
    expect(listing.skipped).toEqual([]);
  });
});
