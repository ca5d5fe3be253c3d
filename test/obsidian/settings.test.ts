// The settings tab, operated like a person would: a change is saved and in effect at once; a wrong
// category or regex is shown beside its field and nothing is saved; device-only choices stay on
// the device.
import { describe, expect, it } from 'vitest';
import {
  ButtonComponent,
  DropdownComponent,
  ExtraButtonComponent,
  FakeElement,
  kit,
  settingsIn,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
  type App,
} from '../stand-ins/obsidian';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { fixture, notices, settle, storedSettings, storeSettings, usePluginTest } from './support/harness';
import { control, errorOf, loadSettingsTab, setting, type TabUnderTest } from './support/settings-tab';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z') });

async function openTab(settings: Record<string, unknown> = {}): Promise<{ app: App; plugin: PaperFeedPlugin; tab: TabUnderTest }> {
  const loaded = await loadSettingsTab({ rssBase: host.arxiv.url('/rss'), ...settings });
  loaded.tab.open();
  return loaded;
}

describe('settings tab', () => {
  it('is laid out with headings in sentence case, none of them saying "settings"', async () => {
    const { tab } = await openTab();
    const headings = settingsIn(tab.containerEl)
      .filter((s) => s.isHeading)
      .map((s) => s.nameEl.textContent);
    expect(headings).toEqual(['Keyword groups', 'Notes', 'Top picks', 'Automatic fetch', 'Daily notes', 'Translation and summaries']);
    expect(settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === 'Group name')).toHaveLength(3);
  });

  it('saves a category change and uses it on the next fetch, without a restart', async () => {
    const { app, plugin, tab } = await openTab();
    await control(setting(tab, 'Categories'), TextComponent).simulate('cs.RO, eess.SY');
    expect((await storedSettings(app)).config).toMatchObject({ categories: ['cs.RO', 'eess.SY'] });
    expect(errorOf(setting(tab, 'Categories'))).toBeNull();

    host.arxiv.reply('/rss/cs.RO+eess.SY', { body: fixture('rss-2026-05-29.xml') });
    await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(host.arxiv.requests.map((r) => r.path)).toEqual(['/rss/cs.RO+eess.SY']);
  });

  it('shows a wrong category beside the field and keeps the settings in use', async () => {
    const { app, plugin, tab } = await openTab();
    await control(setting(tab, 'Categories'), TextComponent).simulate('cs.LG, machine learning!');
    expect(errorOf(setting(tab, 'Categories'))).toBe(
      '"learning!" is not an arXiv category; write an archive ("cs", "math-ph") or archive.CLASS ("cs.LG", "q-bio.NC").',
    );
    expect(plugin.settings.config.categories).toEqual(['cs.LG', 'cs.CL', 'cs.AI', 'cs.CV', 'stat.ML']);
    expect((await storedSettings(app)).config).toBeUndefined();
  });

  it('shows a broken regex beside that group’s rules until it is fixed, then saves', async () => {
    const { app, plugin, tab } = await openTab();
    const include = setting(tab, 'Include', 1);
    await control(include, TextAreaComponent).simulate('policy optimization\ntitle: /(offline|batch RL/i');
    expect(errorOf(include)).toMatch(/regular expression/i);
    expect(errorOf(setting(tab, 'Include', 0))).toBeNull();
    expect(plugin.settings.config.groups[1]!.include).toEqual(['reinforcement learning', 'policy optimization', 'RLHF']);

    await control(include, TextAreaComponent).simulate('policy optimization\ntitle: /(offline|batch) RL/i');
    expect(errorOf(include)).toBeNull();
    expect(plugin.settings.config.groups[1]!.include).toEqual(['policy optimization', { match: '/(offline|batch) RL/i', in: ['title'] }]);
    expect((await storedSettings(app)).config).toMatchObject({
      groups: [{}, { include: ['policy optimization', { match: '/(offline|batch) RL/i', in: ['title'] }] }, {}],
    });
  });

  it('shows a catastrophic regex (nested repetition) beside that group’s rules, naming it, and keeps the rules in use', async () => {
    const { app, plugin, tab } = await openTab();
    const include = setting(tab, 'Include', 1);
    await control(include, TextAreaComponent).simulate('policy optimization\n/(\\w+\\s?)+$/');
    expect(errorOf(include)).toContain(
      '"/(\\\\w+\\\\s?)+$/" repeats a group that itself repeats (like "(a+)+"), which can make matching a long abstract take hours',
    );
    expect(plugin.settings.config.groups[1]!.include).toEqual(['reinforcement learning', 'policy optimization', 'RLHF']);
    expect((await storedSettings(app)).config).toBeUndefined();
  });

  it('adds a group that is saved once it has a rule, and removes one', async () => {
    const { plugin, tab } = await openTab();
    await control(
      settingsIn(tab.containerEl).find((s) => s.components.some((c) => c instanceof ButtonComponent && !(c instanceof ExtraButtonComponent)))!,
      ButtonComponent,
    ).simulateClick();
    const include = setting(tab, 'Include', 3);
    expect(errorOf(include)).toBe('group "Group 4" has no include rules, authors or categories, so it can never match; add one of them.');
    expect(plugin.settings.config.groups).toHaveLength(3);

    await control(setting(tab, 'Followed authors', 3), TextAreaComponent).simulate('Ada Kowalski\n');
    expect(plugin.settings.config.groups[3]).toEqual({ name: 'Group 4', include: [], authors: ['Ada Kowalski'] });

    await control(setting(tab, 'Group name', 0), ExtraButtonComponent).simulateClick();
    expect(plugin.settings.config.groups.map((g) => g.name)).toEqual(['Reinforcement learning', 'Diffusion', 'Group 4']);
    expect(settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === 'Group name')).toHaveLength(3);
  });

  it('shows problems under the description on Obsidian versions without setting error messages', async () => {
    kit.apiVersion = '1.8.7';
    const { tab } = await openTab();
    const papers = setting(tab, 'Paper note folder');
    await control(papers, TextComponent).simulate('../outside');
    expect(papers.errorEl).toBeNull();
    expect(errorOf(papers)).toBe('"../outside" climbs out of the vault with ".."; use a folder inside the vault.');
    await control(papers, TextComponent).simulate('Library/Papers');
    expect(errorOf(papers)).toBeNull();
  });

  it('keeps the automatic-fetch switch on this device and checks the time', async () => {
    const { app, plugin, tab } = await openTab();
    await control(setting(tab, 'Fetch automatically on this device'), ToggleComponent).simulate(false);
    expect(app.loadLocalStorage('paper-feed-auto-fetch')).toBe(false);
    expect(await storedSettings(app)).not.toHaveProperty('autoFetch');

    const after = setting(tab, 'Fetch after');
    await control(after, TextComponent).simulate('7.30');
    expect(errorOf(after)).toBe('"7.30" is not a time; write it as HH:MM, e.g. 07:30, or leave it empty.');
    await control(after, TextComponent).simulate('07:30');
    expect(errorOf(after)).toBeNull();
    expect(plugin.settings.fetchAfter).toBe('07:30');
    expect((await storedSettings(app)).fetchAfter).toBe('07:30');
  });

  it('offers new-only papers and the note-name and citation choices', async () => {
    const { plugin, tab } = await openTab();
    await control(setting(tab, 'Papers to include'), DropdownComponent).simulate('new');
    await control(setting(tab, 'Paper note names'), DropdownComponent).simulate('id-title');
    await control(setting(tab, 'Citation format'), DropdownComponent).simulate('wikilink');
    expect(plugin.settings.config).toMatchObject({ announceTypes: ['new'], paperNoteName: 'id-title', citationFormat: 'wikilink' });
  });

  it('takes settings that sync changed on disk without a restart', async () => {
    const { app, plugin } = await openTab();
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), fetchAfter: '06:45', config: { categories: ['hep-th'] } });
    await plugin.onExternalSettingsChange();
    expect([plugin.settings.fetchAfter, plugin.settings.config.categories]).toEqual(['06:45', ['hep-th']]);
  });

  it('sets aside a broken stored config, says so, and refuses to fetch with it', async () => {
    const { plugin, tab } = await openTab({ config: { categories: ['cs.LG'], groups: 'Diffusion' } });
    const problem = 'groups: must be a list of groups like {"name": "Diffusion", "include": ["diffusion model"]}. Fix it in the Paper Feed settings.';
    expect(notices()[0]).toBe(`${problem} Paper Feed will not fetch until it is fixed.`);
    expect((tab.containerEl as unknown as FakeElement).find('paper-feed-general-error')?.textContent).toContain(problem);
    const outcome = await plugin.fetcher.fetchToday('command');
    expect(outcome.kind).toBe('failed');
    expect(host.arxiv.requests).toEqual([]);
    expect(notices().at(-1)).toBe(problem);
  });
});
