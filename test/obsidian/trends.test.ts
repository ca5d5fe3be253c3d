// The daily note's trends in Obsidian come from the plugin's note index (kept from the
// notes it writes and from metadata-cache events), on the same device right after the earlier
// fetch and on a second device that only has the synced files; a second fetch writes nothing.
import { describe, expect, it, vi } from 'vitest';
import type { App } from '../stand-ins/obsidian';
import { FEED_PATH, fixture, loadPlugin, newApp, settle, storeSettings, usePluginTest } from './support/harness';

const host = usePluginTest();

async function fetchOn(app: App, plugin: Awaited<ReturnType<typeof loadPlugin>>, now: string, feed: string): Promise<void> {
  vi.setSystemTime(new Date(now));
  host.arxiv.reply(FEED_PATH, { body: fixture(feed) });
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
}

function trendsOf(text: string): string {
  return text.slice(text.indexOf('## Trends'), text.indexOf('\n## ', text.indexOf('## Trends') + 1));
}

describe('trends in Obsidian', () => {
  it('count Friday’s digest in Monday’s, and a second fetch changes nothing', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
    const plugin = await loadPlugin(app);
    await fetchOn(app, plugin, '2026-05-29T13:00:00Z', 'rss-2026-05-29.xml');
    const friday = app.vault.text('arXiv/Daily/2026-05-29.md')!;
    expect(friday).not.toContain('## Trends');
    expect(friday).toContain("matches:\n  - 'Language models: 3'\n  - 'Reinforcement learning: 2'\n  - 'Diffusion: 1'\n");

    await fetchOn(app, plugin, '2026-06-01T13:00:00Z', 'rss-2026-06-01.xml');
    const monday = app.vault.text('arXiv/Daily/2026-06-01.md')!;
    expect(trendsOf(monday)).toBe(
      [
        '## Trends',
        '',
        '| Group | Today | Last 7 | Last 30 |',
        '| --- | ---: | ---: | ---: |',
        '| Language models | 1 | 4 | 4 |',
        '| Reinforcement learning | 0 | 2 | 2 |',
        '| Diffusion | 0 | 1 | 1 |',
        '',
        "Matches over the announcements with a digest in this vault: 2 of the last 7, 2 of the last 30, today's included.",
        '',
      ].join('\n'),
    );

    const writes = app.vault.writes;
    await fetchOn(app, plugin, '2026-06-01T14:00:00Z', 'rss-2026-06-01.xml');
    expect(app.vault.writes).toBe(writes);

    // A second device with the synced files reads the same tallies from its own index.
    const other = newApp();
    for (const [path, text] of Object.entries(app.vault.snapshot())) await other.vault.seed(path, text);
    await storeSettings(other, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
    const second = await loadPlugin(other);
    await other.metadataCache.settled();
    await fetchOn(other, second, '2026-06-01T15:00:00Z', 'rss-2026-06-01.xml');
    expect(other.vault.text('arXiv/Daily/2026-06-01.md')).toBe(monday);
  });
});
