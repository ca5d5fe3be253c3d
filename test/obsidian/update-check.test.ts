// "Paper Feed: Check kept papers for updates" and the weekly background check, run in
// the obsidian stand-in against the arXiv stand-in serving recorded API entries.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../stand-ins/obsidian';
import { parseApiFeed } from '../../core/arxiv/api';
import { renderPaperNote } from '../../core/notes/paper-note';
import { readFrontmatter } from '../../core/notes/frontmatter';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { feedOf, recordedEntries, serveIdLookups } from '../catch-up/api-entries';
import { loadPlugin, newApp, notices, runCommand, settle, storeSettings, usePluginTest } from './support/harness';

const NOTE = 'arXiv/Papers/Attainable forms of Assouad spectra.md';
const recorded = recordedEntries();

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });
beforeEach(async () => {
  serveIdLookups(host.arxiv, recorded);
});

function keptV1Note(): string {
  const paper = parseApiFeed(feedOf([recorded.get('2206.06921')!])).papers[0]!;
  const { journalRef: _j, doi: _d, ...rest } = paper;
  const v1 = { ...rest, version: 1, updated: paper.published!, comment: '25 pages', pdfUrl: 'https://arxiv.org/pdf/2206.06921v1' };
  return renderPaperNote(v1, { citekey: 'kept2022', keywords: [], digests: [] }).replace('---\n', '---\nrating: 5\n') + 'My notes.\n';
}

async function vault(): Promise<{ app: App; plugin: PaperFeedPlugin }> {
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), apiBase: host.arxiv.url('/api/query'), linkFromDailyNote: false });
  await app.vault.createFolder('arXiv');
  await app.vault.createFolder('arXiv/Papers');
  await app.vault.create(NOTE, keptV1Note());
  const plugin = await loadPlugin(app);
  await app.metadataCache.settled();
  return { app, plugin };
}

const lookups = () => host.arxiv.requests.filter((r) => r.path === '/api/query').length;

describe('checking kept papers for updates in Obsidian', () => {
  it('the command brings a kept note to v3 with its journal DOI, says so, and the next digest lists it', async () => {
    const { app, plugin } = await vault();
    expect(runCommand(app, 'check-updates')).toBe(true);
    await vi.waitFor(() => expect(notices().at(-1)).toBe('Paper Feed: 1 paper checked on arXiv · 1 published or updated; the next digest lists them.'));
    expect(notices()).toContain('Paper Feed: checking your papers on arXiv for updates (1 of 1; last checked never)… Run "Cancel the update check" to stop.');
    const note = app.vault.text(NOTE)!;
    expect(readFrontmatter(note)).toMatchObject({ version: 3, doi: '10.1512/iumj.2024.73.9928', citekey: 'kept2022', rating: 5 });
    expect(note.endsWith('My notes.\n')).toBe(true);
    expect(plugin.device.catchUp.lastRun).toMatch(/^2026-05-29T13:00:0/);
    expect(plugin.updates.lastChecked()).toBe('less than a day ago');

    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    const digest = app.vault.text('arXiv/Daily/2026-05-29.md')!;
    expect(digest).toContain('## Published and updated (1)');
    expect(digest).toContain('- [[arXiv/Papers/Attainable forms of Assouad spectra|Attainable forms of Assouad spectra]] — v1 → v3 · published:');
  });

  it('runs in the background at most once a week, only where automatic fetching is on', async () => {
    const { plugin } = await vault();
    plugin.device.autoFetch = false;
    expect(await plugin.updates.tick()).toBeNull();
    expect(lookups()).toBe(0);

    plugin.device.autoFetch = true;
    const first = await plugin.updates.tick();
    expect(first?.updates.map((u) => u.id)).toEqual(['2206.06921']);
    expect(lookups()).toBe(1);
    // Quiet when nothing is asked: the one notice says what changed.
    expect(notices().filter((n) => n.includes('checking your papers'))).toEqual([]);

    vi.setSystemTime(new Date('2026-06-04T13:00:00Z'));
    expect(await plugin.updates.tick()).toBeNull();
    expect(lookups()).toBe(1);
    vi.setSystemTime(new Date('2026-06-05T13:00:01Z'));
    expect((await plugin.updates.tick())?.checked).toBe(1);
    expect(lookups()).toBe(2);
  });

  it('can be cancelled, and says so', async () => {
    host.arxiv.handle('/api/query', () => ({ delayMs: 2000, body: feedOf([]) }));
    const { app, plugin } = await vault();
    expect(runCommand(app, 'cancel-update-check')).toBe(false);
    const running = plugin.updates.run();
    await vi.waitFor(() => expect(host.arxiv.requests.some((r) => r.path === '/api/query')).toBe(true));
    expect(runCommand(app, 'cancel-update-check')).toBe(true);
    expect(await running).toBeNull();
    expect(notices().at(-1)).toBe('Paper Feed: the update check was cancelled; notes already brought up to date stay so.');
    expect(plugin.device.catchUp.lastRun).toBeUndefined();
    expect(readFrontmatter(app.vault.text(NOTE)!).version).toBe(1);
  });
});
