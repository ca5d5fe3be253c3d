// The palette commands, the ribbon icon and obsidian://paper-feed links, run as a person would.
import { describe, expect, it, vi } from 'vitest';
import { kit, MarkdownView, settingsIn, SuggestModal, TextComponent, ButtonComponent, type App, type Modal } from '../stand-ins/obsidian';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { readProtocolRequest } from '../../obsidian-plugin/protocol';
import { fixture, loadPlugin, newApp, notices, runCommand, settle, storeSettings, usePluginTest } from './support/harness';

const SPARSE = 'arXiv/Papers/Sparse Routing for Large Language Model Inference.md';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });

async function fetched(): Promise<{ app: App; plugin: PaperFeedPlugin }> {
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), apiBase: host.arxiv.url('/api/query'), linkFromDailyNote: false });
  const plugin = await loadPlugin(app);
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  return { app, plugin };
}

async function open(app: App, path: string): Promise<void> {
  await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(path)!);
}

function openPath(app: App): string | undefined {
  return app.workspace.getActiveViewOfType(MarkdownView)?.file?.path;
}

describe('commands', () => {
  it('registers the commands by name, with no default hotkeys', async () => {
    const app = newApp();
    await loadPlugin(app);
    expect(app.commands.listCommands().map((c) => [c.id, c.name, c.hotkeys])).toEqual([
      ['paper-feed:fetch-today', "Paper Feed: Fetch today's papers", undefined],
      ['paper-feed:open-digest', "Paper Feed: Open today's paper digest", undefined],
      ['paper-feed:fetch-range', 'Paper Feed: Fetch papers for a date range…', undefined],
      ['paper-feed:cancel-fetch', 'Paper Feed: Cancel the running fetch', undefined],
      ['paper-feed:check-updates', 'Paper Feed: Check kept papers for updates', undefined],
      ['paper-feed:find-duplicates', 'Paper Feed: Find duplicate paper notes', undefined],
      ['paper-feed:open-on-arxiv', 'Paper Feed: Open this paper on arXiv', undefined],
      ['paper-feed:open-pdf', "Paper Feed: Open this paper's PDF", undefined],
      ['paper-feed:copy-citation', 'Paper Feed: Copy citation…', undefined],
      ['paper-feed:save-to-zotero', 'Paper Feed: Save this paper to Zotero', undefined],
      ['paper-feed:open-in-zotero', 'Paper Feed: Open this paper in Zotero', undefined],
      ['paper-feed:cancel-translation', 'Paper Feed: Cancel translation', undefined],
      ['paper-feed:cancel-update-check', 'Paper Feed: Cancel the update check', undefined],
    ]);
  });

  it('"Find duplicate paper notes" names the copy sync made, and a fetch says so once and never writes into it', async () => {
    const { app, plugin } = await fetched();
    runCommand(app, 'find-duplicates');
    await vi.waitFor(() => expect(notices().at(-1)).toBe('Paper Feed: no duplicate paper notes or digests; every paper and every announcement has one note.'));

    const copy = 'arXiv/Papers/Sparse Routing for Large Language Model Inference.sync-conflict-20260529-101500-ABCDEFG.md';
    const copyText = app.vault.text(SPARSE)!.replace('tags:', 'rating: 4\ntags:');
    await app.vault.create(copy, copyText);
    await app.metadataCache.settled();
    const sentence = `2 notes claim arXiv:2605.30001: ${SPARSE} and ${copy}; Paper Feed keeps ${SPARSE} up to date. Merge or delete ${copy}.`;
    runCommand(app, 'find-duplicates');
    await vi.waitFor(() => expect(notices().at(-1)).toBe(`Paper Feed: ${sentence}`));

    const before = notices().length;
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    const said = notices()
      .slice(before)
      .filter((text) => text.includes('notes claim'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(sentence);
    expect(app.vault.text(copy)).toBe(copyText);
  });

  it('offers the paper commands only while a paper note is in view, and opens its abs page and PDF', async () => {
    const { app } = await fetched();
    await open(app, 'arXiv/Daily/2026-05-29.md');
    expect(app.commands.isVisible('paper-feed:open-on-arxiv')).toBe(false);
    expect(runCommand(app, 'open-pdf')).toBe(false);

    await open(app, SPARSE);
    expect(['open-on-arxiv', 'open-pdf', 'copy-citation'].map((id) => app.commands.isVisible(`paper-feed:${id}`))).toEqual([true, true, true]);
    runCommand(app, 'open-on-arxiv');
    runCommand(app, 'open-pdf');
    expect(kit.openedUrls).toEqual(['https://arxiv.org/abs/2605.30001', 'https://arxiv.org/pdf/2605.30001v1']);
  });

  it('copies the citation chosen from the list, the preferred format first', async () => {
    const { app } = await fetched();
    await open(app, SPARSE);
    runCommand(app, 'copy-citation');
    const modal = kit.modals[0] as SuggestModal<{ format: string }>;
    const choices = await modal.suggestionsFor('');
    expect(choices.map((c) => c.text)).toEqual([
      'Pandoc citation[@feng2026sparse]',
      'Link to the paper note[[Sparse Routing for Large Language Model Inference]]',
      'Markdown link to arXiv[Sparse Routing for Large Language Model Inference](https://arxiv.org/abs/2605.30001)',
      'arXiv identifierarXiv:2605.30001',
      'BibTeX entry@misc{feng2026sparse, …',
    ]);
    expect((await modal.suggestionsFor('bib')).map((c) => c.value.format)).toEqual(['bibtex']);
    modal.selectSuggestion(choices[0]!.value, {} as MouseEvent);
    await vi.waitFor(() => expect(kit.clipboard).toBe('[@feng2026sparse]'));
    expect(notices().at(-1)).toBe('Copied [@feng2026sparse]');
  });

  it('opens today’s digest, or says there is none yet', async () => {
    const empty = newApp();
    await loadPlugin(empty);
    runCommand(empty, 'open-digest');
    await vi.waitFor(() => expect(notices()).toContain("There is no paper digest yet; fetch today's papers first."));

    const { app } = await fetched();
    runCommand(app, 'open-digest');
    await vi.waitFor(() => expect(openPath(app)).toBe('arXiv/Daily/2026-05-29.md'));
  });

  it('fetches and opens the digest from the ribbon icon', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
    const plugin = await loadPlugin(app);
    const ribbon = app.ribbonEl.children[0]!;
    expect(ribbon.getAttr('aria-label')).toBe("Fetch today's papers and open the digest");
    ribbon.click();
    await settle(app, plugin);
    await vi.waitFor(() => expect(openPath(app)).toBe('arXiv/Daily/2026-05-29.md'));
  });

  it('reads the request of a link whether or not Obsidian passes its own "action" key through', () => {
    expect(readProtocolRequest({ action: 'fetch' })).toEqual({ kind: 'fetch' });
    expect(readProtocolRequest({ action: 'paper-feed', fetch: 'true' })).toEqual({ kind: 'fetch' });
    expect(readProtocolRequest({ action: 'paper-feed', digest: 'true' })).toEqual({ kind: 'digest' });
    expect(readProtocolRequest({ action: 'paper-feed', open: 'https://arxiv.org/abs/2605.28828v2' })).toEqual({ kind: 'open', id: '2605.28828' });
    expect(readProtocolRequest({ action: 'paper-feed' }).kind).toBe('invalid');
  });

  it('answers obsidian://paper-feed links: fetch, open a paper, and a clear word for a bad link', async () => {
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
    const plugin = await loadPlugin(app);
    await app.openObsidianUrl('obsidian://paper-feed?fetch');
    await settle(app, plugin);
    expect(app.vault.getFileByPath('arXiv/Daily/2026-05-29.md')).not.toBeNull();

    await app.openObsidianUrl('obsidian://paper-feed?open=arXiv:2605.30001v1');
    await vi.waitFor(() => expect(openPath(app)).toBe(SPARSE));
    await app.openObsidianUrl('obsidian://paper-feed?open=2605.99999');
    await vi.waitFor(() => expect(kit.openedUrls).toEqual(['https://arxiv.org/abs/2605.99999']));
    await app.openObsidianUrl('obsidian://paper-feed?open=not-an-id');
    await vi.waitFor(() => expect(notices().at(-1)).toBe('"not-an-id" is not an arXiv identifier; use a link like obsidian://paper-feed?open=2605.28828.'));
  });

  it('fetches a date range from the API after checking the two dates', async () => {
    host.arxiv.handle('/api/query', (request) => ({
      body: fixture(request.query.get('search_query')!.includes('202605261800') ? 'api-2026-05-28.xml' : 'api-2026-05-29.xml'),
    }));
    const app = newApp();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), apiBase: host.arxiv.url('/api/query'), linkFromDailyNote: false });
    const plugin = await loadPlugin(app);
    runCommand(app, 'fetch-range');
    const modal = kit.modals[0] as Modal;
    const [from, to] = settingsIn(modal.contentEl).filter((s) => s.components[0] instanceof TextComponent);
    const submit = settingsIn(modal.contentEl).at(-1)!.components[0] as ButtonComponent;
    await (from!.components[0] as TextComponent).simulate('2026-05-29');
    await (to!.components[0] as TextComponent).simulate('2026-05-28');
    await submit.simulateClick();
    expect(modal.contentEl.textContent).toContain('The start date 2026-05-29 is after the end date 2026-05-28; swap the two dates.');
    expect(kit.modals).toEqual([modal]);

    await (from!.components[0] as TextComponent).simulate('2026-05-28');
    await (to!.components[0] as TextComponent).simulate('2026-05-29');
    await submit.simulateClick();
    await settle(app, plugin);
    expect(kit.modals).toEqual([]);
    expect(Object.keys(app.vault.snapshot()).filter((p) => p.startsWith('arXiv/Daily/'))).toEqual(['arXiv/Daily/2026-05-28.md', 'arXiv/Daily/2026-05-29.md']);
    expect(app.vault.text('arXiv/Daily/2026-05-29.md')).toContain('Offline Reinforcement Learning from Logged Dialogues');
    expect(notices().at(-1)).toBe('Paper Feed: 2 daily notes from 2026-05-28 to 2026-05-29 · 2 papers · 2 new notes');
    expect(host.arxiv.requests.filter((r) => r.path === '/api/query')).toHaveLength(2);
  });
});
