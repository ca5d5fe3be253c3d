// The plugin in a living vault: notes found by frontmatter after renames and folder moves, a second
// synced device that must not duplicate what the first wrote (even before its metadata cache has
// caught up), and a note open in the editor while Paper Feed updates it.
import { describe, expect, it, vi } from 'vitest';
import { MarkdownView, TFile, type App } from '../stand-ins/obsidian';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { FEED_PATH, fixture, loadPlugin, newApp, notices, settle, storeSettings, usePluginTest } from './support/harness';

const FRIDAY = new Date('2026-05-29T13:00:00Z');
const MONDAY = new Date('2026-06-01T13:00:00Z');
const SPARSE = 'arXiv/Papers/Sparse Routing for Large Language Model Inference.md';

const host = usePluginTest({ at: FRIDAY });

async function deviceWithFriday(): Promise<{ app: App; plugin: PaperFeedPlugin }> {
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
  const plugin = await loadPlugin(app);
  host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  return { app, plugin };
}

async function fetchMonday(app: App, plugin: PaperFeedPlugin): Promise<void> {
  vi.setSystemTime(MONDAY);
  host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-06-01.xml') });
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
}

function pathsWithId(app: App, id: string): string[] {
  return Object.entries(app.vault.snapshot())
    .filter(([, text]) => text.includes(`arxiv_id: '${id}'`))
    .map(([path]) => path);
}

describe('Paper Feed in a living vault', () => {
  it('updates a renamed and moved paper note instead of writing a second one, keeping the person’s words', async () => {
    const { app, plugin } = await deviceWithFriday();
    const file = app.vault.getFileByPath(SPARSE)!;
    await app.vault.process(file, (text) => `${text}I should try this on our cluster.\n`);
    await app.vault.createFolder('Reading');
    await app.fileManager.renameFile(file, 'Reading/Routing paper (to read).md');

    await fetchMonday(app, plugin);

    expect(pathsWithId(app, '2605.30001')).toEqual(['Reading/Routing paper (to read).md']);
    const text = app.vault.text('Reading/Routing paper (to read).md')!;
    expect(text).toContain('version: 2');
    expect(text).toContain('Version 2 adds a latency study');
    expect(text).toContain("- '[[arXiv/Daily/2026-06-01|2026-06-01]]'");
    expect(text.endsWith('I should try this on our cluster.\n')).toBe(true);
    expect(app.vault.text('arXiv/Daily/2026-06-01.md')).toContain('Reading/Routing paper (to read)');
  });

  it('follows a whole folder that was moved', async () => {
    const { app, plugin } = await deviceWithFriday();
    await app.vault.createFolder('Library');
    await app.vault.rename(app.vault.getFolderByPath('arXiv/Papers')!, 'Library/Papers');

    await fetchMonday(app, plugin);

    expect(pathsWithId(app, '2605.30001')).toEqual(['Library/Papers/Sparse Routing for Large Language Model Inference.md']);
    expect(app.vault.text('Library/Papers/Sparse Routing for Large Language Model Inference.md')).toContain('version: 2');
  });

  it('on a second synced device, finds the digest the first one moved and writes nothing new', async () => {
    const first = await deviceWithFriday();
    const moved = first.app.vault.getFileByPath('arXiv/Daily/2026-05-29.md')!;
    await first.app.vault.createFolder('Journal/arXiv');
    await first.app.fileManager.renameFile(moved, 'Journal/arXiv/2026-05-29.md');

    // The second device has the synced files but has not indexed them yet.
    const second = newApp();
    second.metadataCache.hold();
    for (const [path, text] of Object.entries(first.app.vault.snapshot())) await second.vault.seed(path, text);
    await storeSettings(second, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
    const plugin = await loadPlugin(second);
    expect(plugin.device.lastRun).toBeNull();
    const writes = second.vault.writes;

    await plugin.fetcher.fetchToday('automatic');

    expect(second.vault.writes).toBe(writes);
    expect(second.vault.getFileByPath('arXiv/Daily/2026-05-29.md')).toBeNull();
    expect(Object.keys(second.vault.snapshot()).filter((p) => p.startsWith('arXiv/Papers/'))).toHaveLength(5);
    expect(plugin.device.lastRun?.announcement).toBe('2026-05-29');
    second.metadataCache.release();
  });

  it('keeps an edit the editor saves while Paper Feed is updating the same note', async () => {
    const { app, plugin } = await deviceWithFriday();
    const file = app.vault.getFileByPath(SPARSE)!;
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(file);
    const view = app.workspace.getActiveViewOfType(MarkdownView)!;
    view.editor.setValue(`${view.editor.getValue()}Typed while the fetch ran.\n`);

    // The editor's autosave lands just after Paper Feed has read the note and before it writes.
    const read = app.vault.read.bind(app.vault);
    let saved = false;
    app.vault.read = async (target: TFile) => {
      const text = await read(target);
      if (!saved && target === file) {
        saved = true;
        await view.editor.save();
      }
      return text;
    };
    await fetchMonday(app, plugin);

    const text = app.vault.text(SPARSE)!;
    expect(saved).toBe(true);
    expect(text).toContain('version: 2');
    expect(text).toContain('Typed while the fetch ran.\n');
    expect(view.editor.getValue()).toBe(text);
    expect(notices().at(-1)).toBe('Paper Feed: 1 papers for 2026-06-01 · 1 new notes · 1 updated · 1 new versions'.replace('1 papers', '1 paper'));
  });
});
