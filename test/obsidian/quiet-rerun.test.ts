// A second fetch of an unchanged announcement: it reads only what it must and writes no
// file at all, the plugin's caches and the person's journal note included, so sync has nothing to
// carry and no device sees a new modified time. Every read and write is counted.
import { describe, expect, it, vi } from 'vitest';
import type { App } from '../stand-ins/obsidian';
import { loadPlugin, newApp, settle, storeSettings, usePluginTest } from './support/harness';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });

/** Counts every note read and every file write (notes, plugin files) from here on. */
function countIo(app: App) {
  const spies = {
    read: vi.spyOn(app.vault, 'read'),
    cachedRead: vi.spyOn(app.vault, 'cachedRead'),
    adapterRead: vi.spyOn(app.vault.adapter, 'read'),
    adapterWrite: vi.spyOn(app.vault.adapter, 'write'),
    adapterAppend: vi.spyOn(app.vault.adapter, 'append'),
  };
  const notesWritten = app.vault.writes;
  return () => ({
    notesRead: spies.read.mock.calls.length + spies.cachedRead.mock.calls.length,
    filesRead: spies.adapterRead.mock.calls.map(([path]) => path),
    notesWritten: app.vault.writes - notesWritten,
    filesWritten: [...spies.adapterWrite.mock.calls, ...spies.adapterAppend.mock.calls].map(([path]) => path),
  });
}

describe('fetching the same announcement again', () => {
  it('writes no file at all and reads only the notes of the papers it lists, with the Daily notes link on', async () => {
    const app = newApp();
    app.internalPlugins.plugins['daily-notes'] = { enabled: true, instance: { options: { folder: 'Journal', format: 'YYYY-MM-DD', template: '' } } };
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: true });
    const plugin = await loadPlugin(app);
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    const first = app.vault.snapshot();
    const papers = Object.keys(first).filter((path) => path.startsWith('arXiv/Papers/')).length;

    const io = countIo(app);
    const outcome = await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(outcome.kind === 'written' && [outcome.report.created.length, outcome.report.updated.length, outcome.report.dailyNoteChange]).toEqual([
      0,
      0,
      'unchanged',
    ]);
    expect(app.vault.snapshot()).toEqual(first);
    const counted = io();
    expect({ notesWritten: counted.notesWritten, filesWritten: counted.filesWritten }).toEqual({ notesWritten: 0, filesWritten: [] });
    // Each paper note and the digest once (to plan), the journal note once (to look for the link).
    expect(counted.notesRead).toBe(papers + 2);
    expect(papers).toBe(5);
  });
});
