// Translation and summaries in the Obsidian plugin, through the real plugin class in
// the stand-in app: the settings section (off by default, the key picked from secret storage, the
// line older versions see), a fetch that ends once the digest is written and translates after it
// with a progress notice, the cache in the plugin's folder, a second fetch that asks nothing, a
// fetch during translation, and the command that cancels translating.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DropdownComponent, kit, SecretComponent, settingsIn, TextComponent, ToggleComponent, type App, type Setting } from '../stand-ins/obsidian';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { fakeText, fakeTranslation, faults, startLlmServer, type LlmServer } from '../support/llm-server';
import { CONFIG_DIR, fixture, loadPlugin, newApp, notices, runCommand, settle, storedSettings, storeSettings, usePluginTest } from './support/harness';

const SPARSE = 'Sparse Routing for Large Language Model Inference';
const SPARSE_NOTE = `arXiv/Papers/${SPARSE}.md`;
const DIGEST = 'arXiv/Daily/2026-05-29.md';
const CACHE = `${CONFIG_DIR}/plugins/paper-feed/enrich-cache.json`;
const KEY = 'sk-obsidian-5d2c8e1f7a9b3c4d6e0f';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });
let llm: LlmServer;
beforeEach(async () => {
  llm = await startLlmServer();
});
afterEach(async () => {
  await llm.close();
});

function enrichSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    enabled: true,
    baseUrl: llm.baseUrl,
    model: 'qwen2.5:7b',
    targetLanguage: 'zh-CN',
    produce: { title: true, abstract: true, tldr: true },
    ...overrides,
  };
}

async function pluginWith(settings: Record<string, unknown> = {}): Promise<{ app: App; plugin: PaperFeedPlugin }> {
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), ...settings });
  return { app, plugin: await loadPlugin(app) };
}

function openTab(app: App): { containerEl: HTMLElement } {
  const tab = app.settingTabs[0]!;
  tab.open();
  return tab;
}

function setting(tab: { containerEl: HTMLElement }, name: string): Setting {
  const found = settingsIn(tab.containerEl).find((s) => s.nameEl.textContent === name);
  if (!found) throw new Error(`No setting named "${name}".`);
  return found;
}

function control<T>(s: Setting, type: abstract new (...args: never[]) => T): T {
  const found = s.components.find((c) => c instanceof type);
  if (!found) throw new Error(`"${s.nameEl.textContent}" has no ${type.name}.`);
  return found as T;
}

describe('the "Translation and summaries" settings', () => {
  it('are off by default, and a fetch then sends nothing to any endpoint', async () => {
    const { app, plugin } = await pluginWith();
    const tab = openTab(app);
    const headings = settingsIn(tab.containerEl)
      .filter((s) => s.isHeading)
      .map((s) => s.nameEl.textContent);
    expect(headings.at(-1)).toBe('Translation and summaries');
    expect(control(setting(tab, 'Translate and summarise papers'), ToggleComponent).getValue()).toBe(false);
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(llm.requests).toEqual([]);
    expect(app.vault.text(SPARSE_NOTE)).not.toContain('title_translated');
    expect(await app.vault.adapter.exists(CACHE)).toBe(false);
  });

  it('are saved when valid; a missing model is shown beside the field and nothing is saved', async () => {
    const { app, plugin } = await pluginWith();
    const tab = openTab(app);
    await control(setting(tab, 'Endpoint'), TextComponent).simulate(llm.baseUrl);
    await control(setting(tab, 'Translate and summarise papers'), ToggleComponent).simulate(true);
    expect(setting(tab, 'Model').errorEl?.textContent).toBe('This is empty; name the model the endpoint serves, such as "qwen2.5:7b".');
    expect(plugin.settings.enrich.enabled).toBe(false);

    await control(setting(tab, 'Model'), TextComponent).simulate('qwen2.5:7b');
    await control(setting(tab, 'Target language'), TextComponent).simulate('ja');
    await control(setting(tab, 'Summary language'), DropdownComponent).simulate('en');
    await control(setting(tab, 'Requests at once'), TextComponent).simulate('ten');
    expect(setting(tab, 'Requests at once').errorEl?.textContent).toBe('This must be a whole number from 1 to 16; it is "ten".');
    await control(setting(tab, 'Requests at once'), TextComponent).simulate('1');
    expect(setting(tab, 'Model').errorEl).toBeNull();
    expect((await storedSettings(app)).enrich).toMatchObject({
      enabled: true,
      baseUrl: llm.baseUrl,
      model: 'qwen2.5:7b',
      targetLanguage: 'ja',
      tldrLanguage: 'en',
      concurrency: 1,
    });
  });

  it('keep the name of the secret holding the API key, which goes to the endpoint and nowhere else', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings() });
    app.secretStorage.setSecret('paper-feed-llm', KEY);
    const tab = openTab(app);
    await control(setting(tab, 'API key'), SecretComponent).simulate('paper-feed-llm');
    expect((await storedSettings(app)).apiKeySecret).toBe('paper-feed-llm');

    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(llm.requests.map((r) => r.headers.authorization)).toEqual(Array(5).fill(`Bearer ${KEY}`));
    const everything =
      JSON.stringify(app.vault.snapshot()) +
      (await app.vault.adapter.read(`${CONFIG_DIR}/plugins/paper-feed/data.json`)) +
      (await app.vault.adapter.read(CACHE)) +
      notices().join('\n');
    expect(everything).not.toContain(KEY);
  });

  it('tell a person on Obsidian before 1.11.4 why no key can be saved, and keyless endpoints still work', async () => {
    kit.apiVersion = '1.10.3';
    const { app, plugin } = await pluginWith({ enrich: enrichSettings(), apiKeySecret: 'paper-feed-llm' });
    const tab = openTab(app);
    const key = setting(tab, 'API key');
    expect(key.descEl.textContent).toBe('Saving an API key needs Obsidian 1.11.4 or later; endpoints without a key (Ollama, LM Studio, vLLM) still work.');
    expect(key.components).toEqual([]);
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(llm.requests.map((r) => r.headers.authorization)).toEqual(Array(5).fill(undefined));
    expect(app.vault.text(SPARSE_NOTE)).toContain(fakeText(SPARSE, 'zh-CN'));
  });
});

describe('a fetch with translation on', () => {
  it('translates with a progress notice, keeps the cache in the plugin folder, and a second fetch asks and writes nothing', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings() });
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);

    const note = app.vault.text(SPARSE_NOTE)!;
    expect(note).toContain(`# ${SPARSE}\n\n${fakeText(SPARSE, 'zh-CN')}\n\n**TL;DR:** `);
    expect(note).toContain(`title_translated: ${fakeText(SPARSE, 'zh-CN')}\n`);
    expect(app.vault.text(DIGEST)).toContain(`|${SPARSE}]]\n${fakeText(SPARSE, 'zh-CN')}\n`);
    // The digest is written before the first question to the model.
    expect(kit.notices[0]!.history).toContain('Paper Feed: 2026-05-29 written · Translating 0/5…');
    expect(kit.notices[0]!.history).toContain('Paper Feed: 2026-05-29 written · Translating 5/5…');
    expect(notices().slice(-2)).toEqual(['Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated', 'Paper Feed: 2026-05-29 · 5 translated']);
    const cache = JSON.parse(await app.vault.adapter.read(CACHE)) as { entries: Record<string, string> };
    expect(Object.keys(cache.entries)).toHaveLength(15);

    const writes = app.vault.writes;
    const snapshot = app.vault.snapshot();
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(llm.requests).toHaveLength(5);
    expect(app.vault.writes).toBe(writes);
    expect(app.vault.snapshot()).toEqual(snapshot);
    // The cache answered everything: nothing to say about translation.
    expect(notices().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 0 new notes · 0 updated');
  });

  it('writes the digest and every paper note before the first question to the model', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings({ concurrency: 1 }) });
    const seen: Array<{ digest: boolean; pending: boolean }> = [];
    llm.respond((r) => {
      seen.push({ digest: app.vault.text(DIGEST) !== undefined, pending: app.vault.text(SPARSE_NOTE)?.includes('*Translation pending') ?? false });
      return faults.slow(20, fakeTranslation(r));
    });
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(seen[0]).toEqual({ digest: true, pending: true });
    expect(app.vault.text(SPARSE_NOTE)).toContain(`title_translated: ${fakeText(SPARSE, 'zh-CN')}\n`);
    expect(app.vault.text(SPARSE_NOTE)).not.toContain('pending');
  });

  it('frees the fetch once the digest is written: a second fetch during translation runs at once, and translation goes on after it', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings({ concurrency: 1 }) });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    llm.respond(async (r) => {
      if (r.n === 2) await held;
      return fakeTranslation(r);
    });
    const first = await plugin.fetcher.fetchToday('command');
    expect(first.kind).toBe('written');
    await vi.waitFor(() => expect(llm.requests).toHaveLength(2), { timeout: 5000, interval: 5 });
    // The model holds the second answer; the first reaches its note (written while the second is asked).
    const [answered] = llm.requests.map((r) => r.paper!.title);
    await vi.waitFor(() => expect(app.vault.text(`arXiv/Papers/${answered}.md`)).toContain(`title_translated: ${fakeText(answered!, 'zh-CN')}\n`), {
      timeout: 5000,
      interval: 5,
    });
    expect(app.commands.isVisible('paper-feed:cancel-translation')).toBe(true);

    const second = await plugin.fetcher.fetchToday('command');
    expect(second.kind).toBe('written');
    expect(notices().filter((n) => n.includes('already fetching'))).toEqual([]);
    release();
    await settle(app, plugin);
    // The older translation stopped for the new fetch, which asked for the rest (the held paper again).
    expect(llm.requests).toHaveLength(2 + 4);
    expect(llm.requests[2]!.paper!.title).toBe(llm.requests[1]!.paper!.title);
    const notes = Object.entries(app.vault.snapshot()).filter(([path]) => path.startsWith('arXiv/Papers/'));
    expect(notes).toHaveLength(5);
    expect(notes.filter(([, text]) => !text.includes('title_translated: '))).toEqual([]);
    expect(notes.filter(([, text]) => text.includes('pending'))).toEqual([]);
    expect(notices().at(-1)).toBe('Paper Feed: 2026-05-29 · 5 translated');
  });

  it('frees a range once every day is written: the range returns while the model still answers, and a fetch of today runs at once', async () => {
    host.arxiv.handle('/api/query', (request) => ({
      body: fixture(request.query.get('search_query')!.includes('202605261800') ? 'api-2026-05-28.xml' : 'api-2026-05-29.xml'),
    }));
    const { app, plugin } = await pluginWith({ apiBase: host.arxiv.url('/api/query'), linkFromDailyNote: false, enrich: enrichSettings({ concurrency: 1 }) });
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    llm.respond(async (r) => {
      if (r.n === 2) await held;
      return fakeTranslation(r);
    });
    const range = plugin.fetcher.fetchRange('2026-05-28', '2026-05-29');
    await vi.waitFor(() => expect(llm.requests).toHaveLength(2), { timeout: 5000, interval: 5 });
    const returned = await Promise.race([range.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000))]);
    expect(returned).toBe(true);
    expect(notices()).toContain('Paper Feed: 2 daily notes from 2026-05-28 to 2026-05-29 · 2 papers · 2 new notes');

    const today = await plugin.fetcher.fetchToday('command');
    release();
    expect(today.kind).toBe('written');
    await settle(app, plugin);
    expect(notices().filter((n) => n.includes('already fetching') || n.includes('when the current fetch is done'))).toEqual([]);
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/Daily/'))).toEqual([
      'arXiv/Daily/2026-05-28.md',
      'arXiv/Daily/2026-05-29.md',
    ]);
  });

  it('says once that the key was rejected and still writes every note, marked pending', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings() });
    llm.respond(() => faults.unauthorized());
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(notices().slice(-2)).toEqual([
      'Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated',
      `Paper Feed: 2026-05-29 · 0 translated. ${llm.host} asks for an API key and none is set. Add one in the enrichment settings; translation continues on the next run.`,
    ]);
    expect(app.vault.text(SPARSE_NOTE)).toContain('*Translation pending — the next run fills it in.*');
  });

  it('can be cancelled from the palette: the notes are written, the rest is left for the next fetch', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings({ concurrency: 1 }) });
    expect(app.commands.isVisible('paper-feed:cancel-translation')).toBe(false);
    let cancelled = false;
    llm.respond((r) => {
      if (r.n === 3 && !cancelled) {
        cancelled = true;
        expect(runCommand(app, 'cancel-translation')).toBe(true);
      }
      return r.n >= 3 ? faults.slow(5000, fakeTranslation(r)) : fakeTranslation(r);
    });
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(notices().at(-1)).toBe('Paper Feed: 2026-05-29 · 2 translated. Cancelled after 2 of 5 papers; the next run continues with the rest.');
    const notes = Object.entries(app.vault.snapshot()).filter(([path]) => path.startsWith('arXiv/Papers/'));
    expect(notes).toHaveLength(5);
    expect(notes.filter(([, text]) => text.includes('*Translation pending — the next run fills it in.*'))).toHaveLength(3);
    expect(app.commands.isVisible('paper-feed:cancel-translation')).toBe(false);

    llm.respond(fakeTranslation);
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(llm.requests).toHaveLength(3 + 3);
    expect(notices().slice(-2)).toEqual(['Paper Feed: 5 papers for 2026-05-29 · 0 new notes · 0 updated', 'Paper Feed: 2026-05-29 · 5 translated']);
  });

  it('"Cancel the running fetch" during translation stops translating and keeps the written digest', async () => {
    const { app, plugin } = await pluginWith({ enrich: enrichSettings({ concurrency: 1 }) });
    llm.respond((r) => {
      if (r.n === 3) expect(runCommand(app, 'cancel-fetch')).toBe(true);
      return r.n >= 3 ? faults.slow(5000, fakeTranslation(r)) : fakeTranslation(r);
    });
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(notices().slice(-2)).toEqual([
      'Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated',
      'Paper Feed: 2026-05-29 · 2 translated. Cancelled after 2 of 5 papers; the next run continues with the rest.',
    ]);
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/'))).toHaveLength(6);
    expect(plugin.device.lastRun?.matched).toBe(5);
  });
});
