// Every network and feed fault through the Obsidian plugin (the real plugin class in the obsidian
// stand-in, real HTTP to the fault-injecting arXiv stand-in): one notice saying what happened and
// what to do, retries only on 429, 5xx and the network, each at arXiv's 3-second pacing, and a
// vault whose notes are exactly as they were.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import moment from 'moment';
import { kit, type App } from '../stand-ins/obsidian';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { FAULT_CASES, HANG_CASE, type FaultCase } from '../support/fault-cases';
import { EMPTY_FEED, GOOD_FEED_MATCHES, feedWithBadItems, hugeFeed, rssFeed, sampleItems } from '../support/fault-feeds';
import { loadPlugin, newApp, PLUGIN_TIMEOUT_MS, settle, shownNotices, type ReliabilityPlugin } from './obsidian-host';

const FEED_PATH = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';
const THURSDAY = new Date('2026-05-28T13:00:00Z');
const PREVIOUS_DAY = 'Wed, 27 May 2026 00:00:00 -0400';
const EDITED_NOTE = 'arXiv/Papers/Score-Based Generative Modeling on Compact Lie Groups.md';

let server: ArxivStandIn;
beforeAll(async () => {
  server = await startArxivServer({ maxRequests: 300, maxRequestMs: 5_000, lifetimeMs: 600_000 });
  server.reply(`/base${FEED_PATH}`, { body: rssFeed(sampleItems(PREVIOUS_DAY), PREVIOUS_DAY) });
});
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(THURSDAY);
  kit.reset();
});
afterEach(() => {
  vi.useRealTimers();
  kit.reset();
});

/** A vault with the previous day's notes and a person's edit, and the plugin then pointed at `slug`. */
async function vaultThenFault(slug: string, timeoutMs?: number): Promise<{ app: App; plugin: ReliabilityPlugin }> {
  const app = newApp();
  const plugin = await loadPlugin(app, { rssBase: server.url('/base/rss') }, timeoutMs);
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  expect(kit.messages().at(-1)).toBe(`Paper Feed: ${GOOD_FEED_MATCHES} papers for 2026-05-27 · ${GOOD_FEED_MATCHES} new notes · 0 updated`);
  const note = app.vault.getFileByPath(EDITED_NOTE)!;
  await app.vault.process(note, (text) => `${text.replace('---\n', '---\nrating: 5\n')}My own notes: check the heat kernel bound.\n`);
  await settle(app, plugin);
  plugin.settings.rssBase = server.url(`/f/${slug}/rss`);
  kit.reset();
  // The fault run comes a while after the first run, so arXiv's pacing has nothing to wait for.
  plugin.waits.advance(60_000);
  plugin.waits.sleeps.length = 0;
  return { app, plugin };
}

/** Runs "Fetch today's papers" once and returns what changed and what was shown. */
async function fetchOnce(app: App, plugin: ReliabilityPlugin) {
  const before = app.vault.snapshot();
  const writes = app.vault.writes;
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  return { before, after: app.vault.snapshot(), writes: app.vault.writes - writes, notices: shownNotices() };
}

/** The waits the client asked for before a retry: 3 s from the end of one request to the next. */
function expectedWaits(fault: { slug: string; requests: number }): number[] {
  if (fault.requests === 1) return [];
  // A 1 s Retry-After, topped up to 3 s; otherwise 2 s of backoff (jitter factor 1), topped up.
  return fault.slug === 'http-429' ? [1000, 2000] : [2000, 1000];
}

describe('Fetch today’s papers against a failing arXiv', () => {
  const cases = [...FAULT_CASES, { ...HANG_CASE, obsidian: HANG_CASE.message(String(PLUGIN_TIMEOUT_MS / 1000)) }];
  it.each(cases.map((c) => [c.label, c] as const))(
    '%s: one notice, the right retries, the notes untouched',
    async (_label, fault: Pick<FaultCase, 'slug' | 'replies' | 'requests' | 'obsidian'>) => {
      server.reply(`/f/${fault.slug}${FEED_PATH}`, ...fault.replies);
      const { app, plugin } = await vaultThenFault(fault.slug);
      const { before, after, writes, notices } = await fetchOnce(app, plugin);

      expect(notices).toHaveLength(2);
      expect(notices[0]).toEqual({ message: "Paper Feed: fetching today's papers from arXiv…", hidden: true });
      expect(notices[1]!.message).toMatch(new RegExp(`^${fault.obsidian}$`));
      expect(server.count(`/f/${fault.slug}${FEED_PATH}`)).toBe(fault.requests);
      expect(server.refused).toBe(0);
      expect(plugin.waits.sleeps).toEqual(expectedWaits(fault));
      expect(writes).toBe(0);
      expect(after).toEqual(before);
    },
  );

  it('says there is nothing to write for an empty feed, and writes nothing', async () => {
    server.reply(`/f/empty${FEED_PATH}`, { body: EMPTY_FEED });
    const { app, plugin } = await vaultThenFault('empty');
    const { before, after, writes, notices } = await fetchOnce(app, plugin);
    const next = moment(Date.parse('2026-05-28T20:00:00-04:00')).format('ddd HH:mm');
    expect(notices.slice(1)).toEqual([
      {
        message: `arXiv's feed for 2026-05-28 lists no papers in your categories yet; Paper Feed will look again after the next announcement at ${next}.`,
        hidden: false,
      },
    ]);
    expect(writes).toBe(0);
    expect(after).toEqual(before);
  });

  it('reads a 20 MB feed and writes what matched', async () => {
    server.reply(`/f/huge${FEED_PATH}`, { body: hugeFeed().xml });
    // 20 MB through local HTTP takes longer than the hang tests' 0.4 s on a loaded machine.
    const { app, plugin } = await vaultThenFault('huge', 20_000);
    const { after, notices } = await fetchOnce(app, plugin);
    expect(notices.at(-1)!.message).toBe(`Paper Feed: ${GOOD_FEED_MATCHES} papers for 2026-05-28 · 0 new notes · ${GOOD_FEED_MATCHES} updated`);
    expect(Object.keys(after).filter((p) => p.startsWith('arXiv/Daily/'))).toEqual(['arXiv/Daily/2026-05-27.md', 'arXiv/Daily/2026-05-28.md']);
    expect(after[EDITED_NOTE]).toContain('My own notes: check the heat kernel bound.\n');
  }, 60_000);

  it('writes the good items of a feed with a few bad ones and names the bad ones', async () => {
    server.reply(`/f/bad-items${FEED_PATH}`, { body: feedWithBadItems() });
    const { app, plugin } = await vaultThenFault('bad-items');
    const { after, notices } = await fetchOnce(app, plugin);
    expect(Object.values(after).join('\n')).not.toMatch(/2605\.9900[123]|Without an Identity|With a Broken Date/);
    const summary = notices.at(-1)!.message;
    expect(summary).toMatch(new RegExp(`^Paper Feed: ${GOOD_FEED_MATCHES} papers for 2026-05-28 · 0 new notes · ${GOOD_FEED_MATCHES} updated · 3 skipped`));
    // The person can only look into what was skipped if the notice says which items they were.
    for (const ref of ['item 4', '2605.99002', '2605.99003']) expect(summary).toContain(ref);
  });
});
