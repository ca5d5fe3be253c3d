// Zotero in Obsidian, through the real plugin and a Zotero stand-in on 127.0.0.1 that
// answers from the recorded samples: the library feeds Top picks; "Save to Zotero" from a paper
// note, from the paper under the cursor in the daily note and from an obsidian:// link saves once
// and records `zotero: KEY`; "Open in Zotero"; one notice per failure; nothing on phones.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DropdownComponent, kit, MarkdownView, Platform, settingsIn, TextComponent, type App, type Setting } from '../stand-ins/obsidian';
import { readFrontmatter } from '../../core/notes/frontmatter';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { startZoteroStandIn, type ZoteroStandIn, type ZoteroStandInOptions } from '../support/zotero-stand-in';
import { KEPT_PAPERS } from '../notes/kept-notes';
import { CONFIG_DIR, loadPlugin, MANIFEST, newApp, notices, runCommand, settle, storedSettings, storeSettings, usePluginTest } from './support/harness';

const DAILY = 'arXiv/Daily/2026-05-29.md';
const SPARSE = 'arXiv/Papers/Sparse Routing for Large Language Model Inference.md';
const LOCAL_API_OFF =
  'Zotero\'s local API is off; in Zotero turn on Settings → Advanced → "Allow other applications on this computer to communicate with Zotero", then try again.';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });
let zotero: ZoteroStandIn | undefined;
afterEach(async () => {
  await zotero?.close();
  zotero = undefined;
  Platform.isDesktopApp = true;
  Platform.isMobileApp = false;
});

async function withZotero(options: ZoteroStandInOptions = {}): Promise<{ app: App; plugin: PaperFeedPlugin; z: ZoteroStandIn }> {
  const z = (zotero = await startZoteroStandIn(options));
  for (const kept of KEPT_PAPERS) z.add({ itemType: 'preprint', title: kept.title, abstractNote: kept.abstract, archiveID: `arXiv:${kept.id}` });
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false, config: { library: { source: 'zotero', zoteroPort: z.port } } });
  const plugin = await loadPlugin(app);
  const outcome = await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  if (outcome.kind !== 'written') throw new Error(`the fetch did not write: ${outcome.kind}`);
  kit.reset();
  return { app, plugin, z };
}

async function open(app: App, path: string, cursorLine?: number): Promise<void> {
  await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(path)!);
  if (cursorLine !== undefined) app.workspace.getActiveViewOfType(MarkdownView)!.editor.setCursor(cursorLine, 0);
}

/** Waits for the next notice (saving runs after the command returns). */
async function nextNotice(count = 1): Promise<string[]> {
  await vi.waitFor(() => expect(notices().length).toBeGreaterThanOrEqual(count), { timeout: 5000 });
  return notices();
}

// The papers the same six kept papers pick as notes (top-picks.test.ts), now read from Zotero; the
// recorded items (management, software architecture) pull none of them and change the order a little.
const PICKS = ['2605.30001', '2605.30003', '2605.30004', '2605.30002', '2605.30007'];

describe('Zotero in Obsidian', () => {
  it('ranks the daily note by the library in Zotero, asked with the header its browser guard wants', async () => {
    const { app, plugin, z } = await withZotero();
    const report = await (async () => {
      const outcome = await plugin.fetcher.fetchToday('command');
      await settle(app, plugin);
      return outcome.kind === 'written' ? outcome.report : undefined;
    })();
    // The 6 recorded items with an abstract and the 6 kept papers, with no note kept in the vault.
    expect(report?.topPicks?.librarySize).toBe(12);
    expect(report?.topPicks?.picks).toEqual(PICKS);
    expect(await app.vault.adapter.exists(`${CONFIG_DIR}/plugins/${MANIFEST.id}/zotero-library.json`)).toBe(true);
    // Obsidian's requests carry Electron's browser User-Agent; the header gets them past the guard.
    expect(z.requests[0]!.headers['user-agent']).toMatch(/^Mozilla\/5\.0 .*Electron/);
    expect(z.requests.every((r) => r.headers['zotero-allowed-request'] === '1')).toBe(true);
    // The second fetch asked only whether anything changed.
    expect(z.requests.at(-1)!.headers['if-modified-since-version']).toBe(String(z.libraryVersion));
  });

  it('saves the paper note in view once, records `zotero: KEY`, and opens it in Zotero', async () => {
    const { app, z } = await withZotero();
    await open(app, SPARSE);
    expect(app.commands.isVisible('paper-feed:open-in-zotero')).toBe(false);
    expect(runCommand(app, 'save-to-zotero')).toBe(true);
    expect(await nextNotice()).toEqual(['Saved to Zotero: Sparse Routing for Large Language Model Inference.']);
    const saved = z.items.at(-1)!;
    expect([saved.data.archiveID, saved.data.DOI, saved.data.title]).toEqual([
      'arXiv:2605.30001',
      '10.48550/arXiv.2605.30001',
      'Sparse Routing for Large Language Model Inference',
    ]);
    expect(String(saved.data.abstractNote)).toMatch(/^\S.{40,}\.$/);
    await vi.waitFor(() => expect(readFrontmatter(app.vault.text(SPARSE)!).zotero).toBe(saved.key));
    runCommand(app, 'save-to-zotero');
    expect((await nextNotice(2))[1]).toBe('Already in Zotero: Sparse Routing for Large Language Model Inference.');
    expect(z.requests.filter((r) => r.path === '/connector/saveItems')).toHaveLength(1);
    await app.metadataCache.settled();
    expect(runCommand(app, 'open-in-zotero')).toBe(true);
    expect(kit.openedUrls).toEqual([`zotero://select/library/items/${saved.key}`]);
  });

  it('keeps `zotero: KEY` through later runs, beside the rest of the note', async () => {
    const { app, plugin } = await withZotero();
    await open(app, SPARSE);
    runCommand(app, 'save-to-zotero');
    await vi.waitFor(() => expect(readFrontmatter(app.vault.text(SPARSE)!).zotero).toMatch(/^[A-Z0-9]{8}$/));
    const saved = app.vault.text(SPARSE)!;
    await app.metadataCache.settled();
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    // The saved paper is in the Zotero library now, which moves the scores a little; the rest,
    // `zotero` included, stays byte for byte.
    const withoutScore = (text: string) => text.replace(/^score: .*$/m, 'score: …');
    expect(withoutScore(app.vault.text(SPARSE)!)).toBe(withoutScore(saved));
    expect(app.vault.text(SPARSE)).not.toBe(saved);
  });

  it('offers the library source in the settings, and the running Zotero only on the desktop', async () => {
    const { app } = await withZotero();
    const setting = (name: string): Setting | undefined => settingsIn(app.settingTabs[0]!.containerEl).find((s) => s.nameEl.textContent === name);
    app.settingTabs[0]!.open();
    const source = setting('Library source')!.components.find((c) => c instanceof DropdownComponent)!;
    expect([...source.options.keys()]).toEqual(['off', 'file', 'zotero']);
    expect(source.getValue()).toBe('zotero');
    await setting('Zotero port')!
      .components.find((c) => c instanceof TextComponent)!
      .simulate('24119');
    await source.simulate('off');
    expect(((await storedSettings(app)).config as { library: unknown }).library).toMatchObject({ source: 'off', zoteroPort: 24119 });
    Platform.isDesktopApp = false;
    app.settingTabs[0]!.open();
    const onPhone = setting('Library source')!.components.find((c) => c instanceof DropdownComponent)!;
    expect([...onPhone.options.keys()]).toEqual(['off', 'file']);
    expect(setting('Zotero port')).toBeUndefined();
  });

  it('saves the paper under the cursor in the daily note, and the one an obsidian:// link names', async () => {
    const { app, plugin, z } = await withZotero();
    const lines = app.vault.text(DAILY)!.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('### ') && line.includes('Sparse Routing'));
    // On the abstract, two lines below the paper's heading.
    await open(app, DAILY, heading + 3);
    expect(runCommand(app, 'save-to-zotero')).toBe(true);
    expect(await nextNotice()).toEqual(['Saved to Zotero: Sparse Routing for Large Language Model Inference.']);
    await open(app, DAILY, 0);
    expect(app.commands.isVisible('paper-feed:save-to-zotero')).toBe(false);
    const id = '2605.30002';
    await plugin.actions.handleLink({ action: 'paper-feed', zotero: id });
    expect((await nextNotice(2))[1]).toMatch(/^Saved to Zotero: .+\.$/);
    expect(z.items.at(-1)!.data.archiveID).toBe(`arXiv:${id}`);
  });

  it('says in one notice when the local API is off, when Zotero is busy and when it is not running', async () => {
    const { app, z } = await withZotero();
    await open(app, SPARSE);
    z.options.localApi = false;
    runCommand(app, 'save-to-zotero');
    expect(await nextNotice()).toEqual([LOCAL_API_OFF]);
    z.options.localApi = true;
    z.busyOnce();
    runCommand(app, 'save-to-zotero');
    expect((await nextNotice(2))[1]).toBe('Zotero is still busy with an earlier save from Paper Feed (409 SESSION_EXISTS); wait a moment and try again.');
    const port = z.port;
    await z.close();
    zotero = undefined;
    runCommand(app, 'save-to-zotero');
    expect((await nextNotice(3))[2]).toBe(`Zotero is not running (nothing answered on 127.0.0.1:${port}); start Zotero and try again.`);
  });

  it('on phones offers no Zotero command and asks Zotero nothing', async () => {
    Platform.isDesktopApp = false;
    Platform.isMobileApp = true;
    const { app, plugin, z } = await withZotero();
    expect(
      app.commands
        .listCommands()
        .map((c) => c.id)
        .filter((id) => id.includes('zotero')),
    ).toEqual([]);
    await plugin.actions.handleLink({ action: 'paper-feed', zotero: '2605.30001' });
    expect(notices()).toEqual(['Saving to Zotero works in Obsidian on the desktop, where Zotero runs.']);
    expect(z.requests).toEqual([]);
  });
});
