// "Fetch today's papers" through the real plugin class: it loads without touching the network,
// writes the digest and the paper notes through the Vault API, says what it did, and a second run
// writes nothing.
import { describe, expect, it, vi } from 'vitest';
import moment from 'moment';
import { closedPort } from '../support/arxiv-server';
import { kit, Platform } from '../stand-ins/obsidian';
import { CONFIG_DIR, FEED_PATH, fixture, loadPlugin, newApp, notices, runCommand, settle, storeSettings, usePluginTest } from './support/harness';

const FRIDAY_MORNING = new Date('2026-05-29T13:00:00Z');

const host = usePluginTest({ at: FRIDAY_MORNING, feed: 'rss-2026-05-29.xml' });

describe('Fetch today’s papers', () => {
  it('writes the digest and one note per matched paper, then says what it did', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss') });
    const before = host.arxiv.count();
    const plugin = await loadPlugin(app);
    expect(host.arxiv.count()).toBe(before);

    expect(runCommand(app, 'fetch-today')).toBe(true);
    await settle(app, plugin);

    const files = Object.keys(app.vault.snapshot());
    expect(files.filter((f) => f.startsWith('arXiv/Daily/'))).toEqual(['arXiv/Daily/2026-05-29.md']);
    const ids = files.filter((f) => f.startsWith('arXiv/Papers/')).map((f) => /arxiv_id: '([^']+)'/.exec(app.vault.text(f)!)?.[1]);
    expect(ids.sort()).toEqual(['2605.30001', '2605.30002', '2605.30003', '2605.30004', '2605.30007']);
    expect(files).toHaveLength(6);
    const daily = app.vault.text('arXiv/Daily/2026-05-29.md')!;
    expect(daily).toMatch(/^---\ndate: 2026-05-29\n/);
    expect(daily).toContain('[[arXiv/Papers/Sparse Routing for Large Language Model Inference|Sparse Routing for Large Language Model Inference]]');
    const note = app.vault.text('arXiv/Papers/Sparse Routing for Large Language Model Inference.md')!;
    expect(note).toContain("arxiv_id: '2605.30001'");

    const progress = kit.notices[0]!;
    expect(progress.history[0]).toBe("Paper Feed: fetching today's papers from arXiv…");
    expect(progress.history).toContain('Paper Feed: writing notes for 2026-05-29 (6 of 6)…');
    expect(progress.hidden).toBe(true);
    expect(notices().slice(1)).toEqual(['Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated']);

    const status = app.statusBarEl.children[0]!;
    expect(status.textContent).toBe(`Papers: 5 · ${moment(FRIDAY_MORNING).format('HH:mm')}`);
    expect(plugin.device.lastRun).toEqual({ announcement: '2026-05-29', at: FRIDAY_MORNING.getTime(), matched: 5 });
  });

  it('writes nothing the second time for the same announcement', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss') });
    const plugin = await loadPlugin(app);
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    const snapshot = app.vault.snapshot();
    const writes = app.vault.writes;

    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);

    expect(app.vault.writes).toBe(writes);
    expect(app.vault.snapshot()).toEqual(snapshot);
    expect(notices().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 0 new notes · 0 updated');
  });

  it('keeps its settings and state out of the notes and inside the vault’s own config folder', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss') });
    const plugin = await loadPlugin(app);
    await plugin.saveSettings();
    expect(await app.vault.adapter.exists(`${CONFIG_DIR}/plugins/paper-feed/data.json`)).toBe(true);
    expect(await app.vault.adapter.exists('.obsidian/plugins/paper-feed/data.json')).toBe(false);
    expect(app.loadLocalStorage('paper-feed-auto-fetch')).toBeNull();
  });

  it('leaves nothing behind when unloaded: events, commands, the link handler, the ribbon icon and the status bar item', async () => {
    const app = newApp();
    const listeners = () => [app.vault.listenerCount('rename'), app.vault.listenerCount('delete'), app.metadataCache.listenerCount('changed')];
    const before = listeners();
    const plugin = await loadPlugin(app);
    expect(listeners()).toEqual(before.map((n) => n + 1));
    plugin.unload();
    expect(listeners()).toEqual(before);
    expect(app.commands.listCommands()).toEqual([]);
    expect(app.protocolHandlers.size).toBe(0);
    expect([app.ribbonEl.children.length, app.statusBarEl.children.length, app.settingTabs.length]).toEqual([0, 0, 0]);
  });

  it('on a phone, adds no status bar item and leaves the automatic fetch off until asked', async () => {
    Platform.isMobile = true;
    try {
      const app = newApp();
      const plugin = await loadPlugin(app);
      expect(app.statusBarEl.children).toEqual([]);
      expect(plugin.device.autoFetch).toBe(false);
      plugin.device.autoFetch = true;
      expect(plugin.device.autoFetch).toBe(true);
    } finally {
      Platform.isMobile = false;
    }
  });

  it('says once that a run is already going when asked again, and runs only once', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss') });
    const plugin = await loadPlugin(app);
    const requests = host.arxiv.count(FEED_PATH);
    runCommand(app, 'fetch-today');
    runCommand(app, 'fetch-today');
    await settle(app, plugin);
    expect(host.arxiv.count(FEED_PATH)).toBe(requests + 1);
    expect(notices()).toContain("Paper Feed is already fetching today's papers; it will say when it is done.");
  });

  it('on a night without an announcement, says when the next one comes and writes nothing', async () => {
    vi.setSystemTime(new Date('2026-05-30T15:00:00Z'));
    host.arxiv.handle(FEED_PATH, () => ({ body: fixture('rss-empty-2026-05-30.xml') }));
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss') });
    const plugin = await loadPlugin(app);
    const outcome = await plugin.fetcher.fetchToday('command');
    expect(outcome).toEqual({ kind: 'empty', date: '2026-05-30' });
    const sunday = moment(Date.parse('2026-06-01T00:00:00Z')).format('ddd HH:mm');
    expect(notices().at(-1)).toBe(`No arXiv announcement tonight (Saturday); the next is Sunday 20:00 ET (${sunday} your time).`);
    expect(app.vault.snapshot()).toEqual({});
    expect(plugin.device.lastRun).toBeNull();
  });

  it('shows one notice that says what went wrong when arXiv cannot be reached, and writes nothing', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: `http://127.0.0.1:${await closedPort()}/rss` });
    const plugin = await loadPlugin(app);
    await plugin.fetcher.fetchToday('command');
    expect(app.vault.snapshot()).toEqual({});
    expect(notices().slice(1)).toEqual(['arXiv could not be reached (net::ERR_CONNECTION_REFUSED). Check your internet connection and try again.']);
  });
});
