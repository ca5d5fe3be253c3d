// The automatic fetch on a fake clock: never during onload or before the layout is ready, at most
// once per announcement, after the settle time and the person's "fetch after" time, only on the
// device that has it on; a rate limit is retried at the time arXiv gave, with one notice; a
// cancelled one is not tried again before the next announcement.
import { afterEach, describe, expect, it, vi } from 'vitest';
import moment from 'moment';
import type { App } from '../stand-ins/obsidian';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { earliestFetch } from '../../obsidian-plugin/auto-fetch';
import { FEED_PATH, fixture, loadPlugin, newApp, notices, runCommand, settle, storeSettings, usePluginTest } from './support/harness';

/** Thursday 28 May 2026, 20:00 US Eastern: the announcement of the 2026-05-29 listing. */
const ANNOUNCED = Date.parse('2026-05-29T00:00:00Z');
const MINUTE = 60_000;

const host = usePluginTest({ fake: ['setInterval', 'clearInterval'] });
let plugin: PaperFeedPlugin | null = null;
afterEach(async () => {
  plugin?.unload();
  plugin = null;
});

async function start(at: number, settings: Record<string, unknown> = {}, prepare?: (app: App) => void): Promise<App> {
  vi.setSystemTime(at);
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false, ...settings });
  prepare?.(app);
  plugin = await loadPlugin(app, { layoutReady: false });
  return app;
}

/** Lets `minutes` of fake time pass, one interval tick at a time, and waits for any run it started. */
async function pass(app: App, minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i += 1) {
    vi.advanceTimersByTime(MINUTE);
    await settle(app, plugin!);
  }
}

function feedRequests(): number {
  return host.arxiv.count(FEED_PATH);
}

describe('automatic fetch', () => {
  it('never runs during onload or before the layout is ready, then runs once for the announcement', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    const before = feedRequests();
    const app = await start(ANNOUNCED + 13 * 60 * MINUTE);
    await pass(app, 3);
    expect(feedRequests()).toBe(before);

    app.workspace.markLayoutReady();
    expect(feedRequests()).toBe(before);
    await pass(app, 1);
    expect(feedRequests()).toBe(before + 1);
    expect(app.vault.text('arXiv/Daily/2026-05-29.md')).toContain('date: 2026-05-29');

    await pass(app, 30);
    expect(feedRequests()).toBe(before + 1);
  });

  it('waits until half an hour after the announcement', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    const app = await start(ANNOUNCED - 10 * MINUTE, {}, (a) =>
      a.saveLocalStorage('paper-feed-last-run', { announcement: '2026-05-28', at: ANNOUNCED - 86_400_000, matched: 3 }),
    );
    app.workspace.markLayoutReady();
    const before = feedRequests();
    await pass(app, 39);
    expect(feedRequests()).toBe(before);
    await pass(app, 1);
    expect(feedRequests()).toBe(before + 1);
    expect(plugin!.device.lastRun?.announcement).toBe('2026-05-29');
  });

  it('waits for the local "fetch after" time', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    const after = moment(ANNOUNCED + 3 * 60 * MINUTE);
    const app = await start(ANNOUNCED + 60 * MINUTE, { fetchAfter: after.format('HH:mm') });
    app.workspace.markLayoutReady();
    const before = feedRequests();
    await pass(app, 119);
    expect(feedRequests()).toBe(before);
    await pass(app, 1);
    expect(feedRequests()).toBe(before + 1);
    expect(earliestFetch(ANNOUNCED, after.format('HH:mm'))).toBe(after.valueOf());
  });

  it('leaves the vault alone when another device fetched first and sync brought its digest in', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    vi.setSystemTime(ANNOUNCED + 60 * MINUTE);
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
    const digest = '---\ndate: 2026-05-29\nannounced: 2026-05-28T20:00:00-04:00\npapers: 3\ntags:\n  - paper-feed/daily\n---\n# From the laptop\n';
    await app.vault.seed('arXiv/Daily/2026-05-29.md', digest);
    await app.metadataCache.settled();
    plugin = await loadPlugin(app, { layoutReady: false });
    app.workspace.markLayoutReady();
    const before = feedRequests();
    const writes = app.vault.writes;
    await pass(app, 10);
    expect(feedRequests()).toBe(before);
    expect(app.vault.writes).toBe(writes);
    expect(app.vault.text('arXiv/Daily/2026-05-29.md')).toBe(digest);
    expect(plugin.device.lastRun).toEqual({ announcement: '2026-05-29', at: ANNOUNCED + 61 * MINUTE, matched: 3 });
    expect(notices()).toEqual([]);
  });

  it('does nothing on a device where it is turned off', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    const app = await start(ANNOUNCED + 60 * MINUTE, {}, (a) => a.saveLocalStorage('paper-feed-auto-fetch', false));
    app.workspace.markLayoutReady();
    const before = feedRequests();
    await pass(app, 10);
    expect(feedRequests()).toBe(before);
    expect(app.vault.snapshot()).toEqual({});
  });

  it('retries a rate-limited run at the time arXiv gave, with one notice saying when', async () => {
    host.arxiv.reply(FEED_PATH, { status: 429, headers: { 'Retry-After': '300' }, body: 'Rate exceeded.' }, { body: fixture('rss-2026-05-29.xml') });
    const start_ = ANNOUNCED + 60 * MINUTE;
    const app = await start(start_);
    app.workspace.markLayoutReady();
    await pass(app, 1);
    const retryAt = moment(start_ + MINUTE + 300_000).format('HH:mm');
    expect(notices()).toContain(`arXiv is rate-limiting requests; Paper Feed will try again at ${retryAt}.`);
    expect(app.vault.snapshot()).toEqual({});

    await pass(app, 4);
    expect(app.vault.snapshot()).toEqual({});
    await pass(app, 1);
    expect(app.vault.text('arXiv/Daily/2026-05-29.md')).toContain('papers: 5');
    expect(notices().filter((n) => n.startsWith('arXiv is rate-limiting'))).toHaveLength(1);
  });

  it('after an empty feed for the latest announcement, waits for the next announcement instead of asking every minute', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-empty-2026-05-30.xml') });
    // Saturday noon in New York: the latest announcement is Thursday's; this device has not fetched it.
    const app = await start(Date.parse('2026-05-30T16:00:00Z'));
    app.workspace.markLayoutReady();
    await pass(app, 1);
    expect(feedRequests()).toBe(1);
    await pass(app, 60);
    expect(feedRequests()).toBe(1);
    expect(plugin!.autoFetch.dueAt(new Date())).toBe(Date.parse('2026-06-01T00:00:00Z'));
  });

  it('tells once when arXiv keeps failing, then keeps trying quietly', async () => {
    host.arxiv.reply(FEED_PATH, { status: 503, body: 'down' });
    const app = await start(ANNOUNCED + 60 * MINUTE);
    app.workspace.markLayoutReady();
    await pass(app, 1);
    const failures = () => notices().filter((n) => n.startsWith('arXiv is having trouble'));
    expect(failures()).toEqual(['arXiv is having trouble (HTTP 503) and did not recover after 4 tries; try again in a few minutes.']);
    const before = feedRequests();
    await pass(app, 31);
    expect(feedRequests()).toBe(before + 4);
    expect(failures()).toHaveLength(1);
  });

  it('does not try again before the next announcement once the person cancelled it', async () => {
    host.arxiv.reply(FEED_PATH, { hang: true });
    const app = await start(ANNOUNCED + 60 * MINUTE);
    app.workspace.markLayoutReady();
    const before = feedRequests();
    vi.advanceTimersByTime(MINUTE);
    await vi.waitFor(() => expect(feedRequests()).toBe(before + 1));
    runCommand(app, 'cancel-fetch');
    await settle(app, plugin!);
    expect(notices().slice(1)).toEqual(['Fetch cancelled.']);

    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    // Past the half hour after which a failed automatic fetch is tried again.
    await pass(app, 120);
    expect(feedRequests()).toBe(before + 1);
    expect(plugin!.device.lastRun).toBeNull();
    // arXiv next announces on Sunday 31 May, 20:00 US Eastern (none on Friday or Saturday).
    expect(plugin!.autoFetch.dueAt(new Date())).toBe(Date.parse('2026-06-01T00:00:00Z'));
  });
});
