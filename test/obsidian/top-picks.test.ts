// "Top picks" in Obsidian, through the real plugin: the library from the vault's kept
// notes (keys and tags from the metadata cache, text read only for changed notes), cached in the
// plugin's folder, and the settings section that edits it.
import { describe, expect, it, vi } from 'vitest';
import { settingsIn, TextAreaComponent, TextComponent, ToggleComponent, type App, type Setting } from '../stand-ins/obsidian';
import { readFrontmatter } from '../../core/notes/frontmatter';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { LIBRARY_INDEX_FILE } from '../../obsidian-plugin/library-notes';
import { LIBRARY_NOTES_FILE } from '../../obsidian-plugin/library-notes-file';
import { KEPT_PAPERS, keptNote, keptNotes } from '../notes/kept-notes';
import { CONFIG_DIR, loadPlugin, MANIFEST, newApp, notices, settle, storedSettings, storeSettings, usePluginTest } from './support/harness';

const DAILY = 'arXiv/Daily/2026-05-29.md';
const PLUGIN_FOLDER = `${CONFIG_DIR}/plugins/${MANIFEST.id}`;

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });

async function vaultWith(notes: Record<string, string>): Promise<{ app: App; plugin: PaperFeedPlugin }> {
  const app = newApp();
  for (const [path, text] of Object.entries(notes)) await app.vault.seed(path, text);
  await app.metadataCache.settled();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: false });
  const plugin = await loadPlugin(app);
  return { app, plugin };
}

async function fetchToday(app: App, plugin: PaperFeedPlugin) {
  const outcome = await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  if (outcome.kind !== 'written') throw new Error(`The fetch did not write: ${outcome.kind}`);
  return outcome.report;
}

function topPicks(daily: string): string[] {
  const lines = daily.split('\n');
  const start = lines.indexOf('## Top picks');
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end).filter((line) => line !== '');
}

describe('Top picks in the daily note', () => {
  it('ranks the announcement by the kept notes and says why, in the note and the closing notice', async () => {
    const { app, plugin } = await vaultWith(keptNotes());
    const report = await fetchToday(app, plugin);
    expect(report.topPicks).toEqual({
      coldStart: false,
      librarySize: 6,
      picks: ['2605.30001', '2605.30004', '2605.30003', '2605.30002', '2605.30007'],
      beyondGroups: 0,
    });
    expect(topPicks(app.vault.text(DAILY)!)).toEqual([
      'Ranked against the 6 papers in your library (scores from 0 to 1):',
      '- [[arXiv/Papers/Sparse Routing for Large Language Model Inference|Sparse Routing for Large Language Model Inference]] · 0.21 — close to [[Reading/Speculative sampling|Speculative sampling]]; shares *large language model*',
      '- [[arXiv/Papers/RLHF for Language Model Alignment under Distribution Shift|RLHF for Language Model Alignment under Distribution Shift]] · 0.19 — close to [[Reading/Speculative sampling|Speculative sampling]] and [[Reading/Reward hacking|Reward hacking]]; shares *reward model*, *language model*, *distribution*',
      '- [[arXiv/Papers/Score-Based Diffusion Models for Tabular Data|Score-Based Diffusion Models for Tabular Data]] · 0.19 — close to [[Reading/Riemannian score models|Riemannian score models]]; shares *score*, *generative*, *data*',
      '- [[arXiv/Papers/Policy Optimization with Learned Critics - A Reinforcement Learning View|Policy Optimization with Learned Critics: A Reinforcement Learning View]] · 0.19 — close to [[Reading/Conservative Q-learning|Conservative Q-learning]]; shares *reinforcement learning*, *policy*',
      `- [[arXiv/Papers/Why 'Attention' Isn't 1 - Probing a Language Model with alpha-Divergences|Why "Attention" Isn't #1: Probing a Language Model with $\\alpha$-Divergences]] · 0.14 — close to [[Reading/Speculative sampling|Speculative sampling]]; shares *language model*`,
    ]);
    expect(readFrontmatter(app.vault.text('arXiv/Papers/RLHF for Language Model Alignment under Distribution Shift.md')!).score).toBe(0.193);
    expect(notices().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated · 5 top picks');
  });

  it('keeps its caches in the plugin folder, and reads no note again while nothing changed', async () => {
    const { app, plugin } = await vaultWith(keptNotes());
    await fetchToday(app, plugin);
    expect(plugin.library.lastReads).toBe(6);
    // The five notes this run created were read once, at its end, so the next run reads none.
    await fetchToday(app, plugin);
    expect(plugin.library.lastReads).toBe(0);
    const cached = JSON.parse(await app.vault.adapter.read(`${PLUGIN_FOLDER}/${LIBRARY_NOTES_FILE}`)) as { paths: string[] };
    expect(cached.paths.filter((path) => path.startsWith('Reading/')).sort()).toEqual(KEPT_PAPERS.map((p) => `Reading/${p.name}.md`).sort());
    expect(JSON.parse(await app.vault.adapter.read(`${PLUGIN_FOLDER}/${LIBRARY_INDEX_FILE}`)).docs).toHaveLength(6);
    const writes = app.vault.writes;
    const cachedRead = vi.spyOn(app.vault, 'cachedRead');
    await fetchToday(app, plugin);
    expect(plugin.library.lastReads).toBe(0);
    expect(cachedRead).not.toHaveBeenCalled();
    expect(app.vault.writes).toBe(writes);
  });

  it('adds a note to the library once the person writes in it, reading only that note', async () => {
    const untouched = keptNote(KEPT_PAPERS[0]!).replace('Read it twice; the key idea is in section 3.\n', '');
    const { app, plugin } = await vaultWith({ ...keptNotes(), 'Reading/Conformal GNN.md': untouched });
    expect((await fetchToday(app, plugin)).topPicks?.librarySize).toBe(5);
    await fetchToday(app, plugin);
    const file = app.vault.getFileByPath('Reading/Conformal GNN.md')!;
    await app.vault.modify(file, `${untouched}Coverage holds even without exchangeability.\n`);
    await app.metadataCache.settled();
    expect((await fetchToday(app, plugin)).topPicks?.librarySize).toBe(6);
    expect(plugin.library.lastReads).toBe(1);
  });

  it('adds a note the person marks with a keep property', async () => {
    const untouched = keptNote(KEPT_PAPERS[0]!).replace('Read it twice; the key idea is in section 3.\n', '');
    const { app, plugin } = await vaultWith({ ...keptNotes(), 'Reading/Conformal GNN.md': untouched });
    await fetchToday(app, plugin);
    await app.fileManager.processFrontMatter(app.vault.getFileByPath('Reading/Conformal GNN.md')!, (fm: Record<string, unknown>) => {
      fm.status = 'read';
    });
    await app.metadataCache.settled();
    expect((await fetchToday(app, plugin)).topPicks?.librarySize).toBe(6);
  });

  it('says so in a cold start, with fewer than five kept notes', async () => {
    const three = Object.fromEntries(Object.entries(keptNotes()).slice(0, 3));
    const { app, plugin } = await vaultWith(three);
    const report = await fetchToday(app, plugin);
    expect(report.topPicks).toEqual({ coldStart: true, librarySize: 3, picks: [], beyondGroups: 0 });
    expect(topPicks(app.vault.text(DAILY)!)).toEqual([
      'Top picks start when your library has 5 papers (it has 3): keep the paper notes you have read, or name a .bib or CSL-JSON file in the settings. Until then papers are listed in keyword order.',
    ]);
    expect(notices().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated');
  });
});

describe('the Top picks settings', () => {
  function setting(app: App, name: string): Setting {
    const found = settingsIn(app.settingTabs[0]!.containerEl).find((s) => s.nameEl.textContent === name);
    if (!found) throw new Error(`No setting named "${name}".`);
    return found;
  }
  function control<T>(s: Setting, type: abstract new (...args: never[]) => T): T {
    return s.components.find((c) => c instanceof type) as T;
  }
  const errorOf = (s: Setting) => s.errorEl?.textContent ?? null;

  it('saves the number of picks, relevance order, keep keys and the library file', async () => {
    const { app } = await vaultWith({});
    app.settingTabs[0]!.open();
    await control(setting(app, 'Number of top picks'), TextComponent).simulate('5');
    await control(setting(app, 'Order groups by relevance'), ToggleComponent).simulate(true);
    await control(setting(app, 'Kept notes'), TextAreaComponent).simulate('rating\nstatus: done\n\ntag: to-cite\n');
    await control(setting(app, 'Library file'), TextComponent).simulate('References/library.bib');
    expect((await storedSettings(app)).config as Record<string, unknown>).toMatchObject({
      topPicks: 5,
      orderGroupsByRelevance: true,
      library: { keepKeys: ['rating', 'status: done', 'tag: to-cite'], file: 'References/library.bib' },
    });
    await control(setting(app, 'Library file'), TextComponent).simulate('');
    expect(((await storedSettings(app)).config as { library: Record<string, unknown> }).library).toEqual({
      keepKeys: ['rating', 'status: done', 'tag: to-cite'],
    });
  });

  it('shows a wrong value beside its field and keeps the last valid settings', async () => {
    const { app, plugin } = await vaultWith({});
    app.settingTabs[0]!.open();
    await control(setting(app, 'Number of top picks'), TextComponent).simulate('many');
    expect(errorOf(setting(app, 'Number of top picks'))).toBe('"many" is not a whole number from 0 (off) to 100.');
    await control(setting(app, 'Number of top picks'), TextComponent).simulate('7');
    await control(setting(app, 'Library file'), TextComponent).simulate('library.txt');
    expect(errorOf(setting(app, 'Library file'))).toBe(
      '"library.txt" is not a .bib or .json file; export your library from Zotero as BibTeX or CSL JSON and name that file.',
    );
    expect(plugin.settings.config.topPicks).toBe(7);
    expect(plugin.settings.config.library.file).toBeUndefined();
  });
});
