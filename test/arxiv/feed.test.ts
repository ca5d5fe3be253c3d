// Fetching today's announcement from a local stand-in for rss.arxiv.org.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchAnnouncement } from '../../core/arxiv/feed';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { createArxivClient } from '../../core/arxiv/polite';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock } from '../support/fake-clock';
import { fixture } from './fixtures';
import { rejectionOf } from '../support/failures';

let server: ArxivStandIn;
beforeEach(async () => {
  server = await startArxivServer();
});
afterEach(async () => {
  await server.close();
});

const client = () => createArxivClient({ transport: fetchTransport(), clock: createFakeClock(), random: () => 0.5 });

describe('fetchAnnouncement', () => {
  it('makes exactly one request for all categories and returns the announcement', async () => {
    server.reply('/rss/cs.LG+hep-th', { body: fixture('rss-two-categories.xml') });
    const announcement = await fetchAnnouncement(client(), { rssBase: server.url('/rss'), categories: ['cs.LG', 'hep-th'] });
    expect(server.requests.map((r) => r.url)).toEqual(['/rss/cs.LG+hep-th']);
    expect(server.requests[0]?.headers.accept).toMatch(/^application\/rss\+xml/);
    expect(announcement.date).toBe('2026-05-28');
    expect(announcement.categories).toEqual(['cs.LG', 'hep-th']);
    expect(announcement.papers).toHaveLength(4);
  });

  it("reports arXiv's own words when it refuses the category list with HTTP 400", async () => {
    server.reply('/rss/cs.LG+cs.XYZ', { status: 400, body: fixture('rss-error.xml') });
    const error = await rejectionOf(fetchAnnouncement(client(), { rssBase: server.url('/rss'), categories: ['cs.LG', 'cs.XYZ'] }));
    expect(server.count()).toBe(1);
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail.arxivMessage).toBe("Bad category 'cs.XYZ'. Valid categories start with an archive name.");
    expect(error.message).toMatch(/^arXiv rejected the category list: Bad category 'cs\.XYZ'\./);
  });

  it('falls back to the HTTP status when a refusal carries no feed', async () => {
    server.reply('/rss/cs.LG', { status: 404, body: fixture('not-a-feed.html') });
    const error = await rejectionOf(fetchAnnouncement(client(), { rssBase: server.url('/rss'), categories: ['cs.LG'] }));
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail.status).toBe(404);
    expect(error.message).toBe('arXiv rejected the request (HTTP 404); check the categories and search terms in your settings.');
  });

  it('says so when a 200 answer is not a feed (a maintenance page)', async () => {
    server.reply('/rss/cs.LG', { body: fixture('not-a-feed.html') });
    const error = await rejectionOf(fetchAnnouncement(client(), { rssBase: server.url('/rss'), categories: ['cs.LG'] }));
    expect(error.kind).toBe('bad-feed');
  });

  it('returns an empty announcement on an empty day', async () => {
    server.reply('/rss/cs.LG', { body: fixture('rss-empty.xml') });
    const announcement = await fetchAnnouncement(client(), { rssBase: server.url('/rss'), categories: ['cs.LG'] });
    expect(announcement.papers).toEqual([]);
    expect(announcement.date).toBe('2026-05-30');
  });

  it('asks for at least one category before making any request', async () => {
    const error = await rejectionOf(fetchAnnouncement(client(), { rssBase: server.url('/rss'), categories: [' ', ''] }));
    expect(error.kind).toBe('bad-config');
    expect(error.message).toBe('No arXiv categories are set; add at least one (e.g. cs.LG) in your settings.');
    expect(server.count()).toBe(0);
  });
});
