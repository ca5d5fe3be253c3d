// The settings tab in Obsidian 1.13's settings search, and on older Obsidian: the rows the search
// reads are the rows the tab draws (on 1.13 from its definitions, before that from display()), and
// a value set through setControlValue is checked and saved exactly as one typed into the form.
import { describe, expect, it } from 'vitest';
import {
  ButtonComponent,
  DropdownComponent,
  kit,
  settingSearch,
  settingsIn,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
  type Setting,
} from '../stand-ins/obsidian';
import { storedSettings, storeSettings, usePluginTest } from './support/harness';
import { control, errorOf, loadSettingsTab, setting, type TabUnderTest } from './support/settings-tab';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z') });

const loadTab = (settings: Record<string, unknown> = {}) => loadSettingsTab({ rssBase: host.arxiv.url('/rss'), ...settings });

/** The rows a person sees (headings aside): name and description. */
function drawnRows(tab: TabUnderTest): Array<{ name: string; desc: string }> {
  return settingsIn(tab.containerEl)
    .filter((s) => !s.isHeading)
    .map((s) => ({ name: s.nameEl.textContent ?? '', desc: s.descEl.textContent ?? '' }));
}

/** The rows Obsidian 1.13 reads from the tab's definitions, in order, groups opened. */
function definitionRows(tab: TabUnderTest): Array<{ name: string; desc: string }> {
  return tab.settingItems
    .flatMap((item) => ('type' in item ? (item.type === 'page' ? [] : (item.items ?? [])) : [item]))
    .map((row) => ({ name: row.name, desc: typeof row.desc === 'string' ? row.desc : '' }));
}

/** The drawn row that edits `key`: the field's name, counted among the fields of that name. */
function rowFor(tab: TabUnderTest, key: string): Setting {
  const fields = tab.fields();
  const field = fields.find((f) => f.key === key);
  if (!field) throw new Error(`No field "${key}".`);
  const nth = fields.filter((f) => f.name === field.name).indexOf(field);
  const row = settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === field.name)[nth];
  if (!row) throw new Error(`"${field.name}" (#${nth}) is not drawn.`);
  return row;
}

/** A person types, flips or picks `value` in the row that edits `key`. */
async function typeInto(tab: TabUnderTest, key: string, value: string | boolean): Promise<void> {
  const row = rowFor(tab, key);
  const input = row.components.find(
    (c) => c instanceof TextComponent || c instanceof TextAreaComponent || c instanceof ToggleComponent || c instanceof DropdownComponent,
  );
  if (!input) throw new Error(`"${key}" has no input.`);
  await (input as { simulate(value: string | boolean): Promise<void> }).simulate(value);
}

describe('settings search (Obsidian 1.13+) and the older settings tab', () => {
  it('gives settings search the rows at load, and the open tab draws exactly those rows', async () => {
    const { tab } = await loadTab();
    // Read at load for the search, before anyone opens the tab.
    const searched = definitionRows(tab);
    expect(searched.map((r) => r.name)).toContain('Paper note folder');
    tab.open();
    expect(drawnRows(tab)).toEqual(searched);
    expect(definitionRows(tab)).toEqual(searched);
    // Every row a person can change is a named, described row of the search.
    for (const field of tab.fields()) {
      expect(field.name).not.toBe('');
      expect(searched).toContainEqual({ name: field.name, desc: field.desc ?? '' });
    }
  });

  it('draws the same rows with display() on Obsidian before 1.13', async () => {
    const modern = (await loadTab()).tab;
    modern.open();
    kit.apiVersion = '1.12.7';
    const { tab } = await loadTab();
    tab.open();
    // The hint under "Link from today's daily note" waits for the daily-notes check on both.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(tab.settingItems).toEqual([]);
    // Before 1.13 the section descriptions sit on their headings; the secret picker needs 1.11.4, so both have it.
    expect(drawnRows(tab).filter((r) => r.name !== '')).toEqual(drawnRows(modern).filter((r) => r.name !== ''));
  });

  it('sends every control a person can change through setControlValue', async () => {
    const { tab } = await loadTab();
    tab.open();
    const inputs = settingsIn(tab.containerEl).filter((s) =>
      s.components.some((c) => c instanceof TextComponent || c instanceof TextAreaComponent || c instanceof ToggleComponent || c instanceof DropdownComponent),
    );
    const fieldNames = tab.fields().map((f) => f.name);
    expect(inputs.map((s) => s.nameEl.textContent)).toEqual(fieldNames);
    expect(fieldNames).toEqual(
      expect.arrayContaining(['Categories', 'Group name', 'Number of top picks', 'Fetch after', 'Model', 'Minutes of translating per fetch']),
    );
  });

  it('finds a setting by a word of its name or description', async () => {
    const { tab } = await loadTab();
    expect(settingSearch(tab, 'folder')).toEqual(['Daily note folder', 'Paper note folder', "Link from today's daily note"]);
    expect(settingSearch(tab, 'ZOTERO')).toEqual(['Library source']);
    // Words of a section's description lead to no nameless row; every hit is a setting with a name.
    expect(settingSearch(tab, 'belongs to a group')).toEqual([]);
    expect(settingSearch(tab, '')).not.toContain('');
    expect(settingSearch(tab, 'summar')).toEqual(['Translate and summarise papers', 'One-line summaries', 'Summary language']);
  });

  // Each value goes once through the form and once through setControlValue, each into a fresh plugin.
  const cases: Array<[string, string | boolean]> = [
    ['categories', 'cs.RO, eess.SY'],
    ['categories', 'cs.LG, machine learning!'],
    ['groups[1].include', 'policy optimization\ntitle: /(offline|batch RL/i'],
    ['groups[2].authors', 'Ada Kowalski\nLeCun, Yann'],
    ['groups[0].exclude', ''],
    ['folders.papers', '../outside'],
    ['folders.daily', ' Journal/arXiv '],
    ['trackUpdates', false],
    ['announceTypes', 'new'],
    ['topPicks', 'ten'],
    ['topPicks', '3'],
    ['library.source', 'file'],
    ['library.file', 'References/library.bib'],
    ['fetchAfter', '25:00'],
    ['fetchAfter', '06:30'],
    ['dailyNoteHeading', '  '],
    ['enrich.model', ''],
    ['enrich.budget', 'many'],
    ['enrich.timeoutMs', '90'],
    ['enrich.tldrLanguage', 'en'],
  ];
  it.each(cases)('setControlValue("%s", %j) checks and saves exactly as the form does', async (key, value) => {
    const typed = await loadTab();
    typed.tab.open();
    await typeInto(typed.tab, key, value);

    const set = await loadTab();
    set.tab.open();
    await set.tab.setControlValue(key, value);

    expect(await storedSettings(set.app)).toEqual(await storedSettings(typed.app));
    expect(set.plugin.settings).toEqual(typed.plugin.settings);
    expect(errorOf(rowFor(set.tab, key))).toBe(errorOf(rowFor(typed.tab, key)));
    expect(set.tab.getControlValue(key)).toEqual(typed.tab.getControlValue(key));
  });

  it('refuses a wrong value with the sentence the form shows, and saves nothing', async () => {
    const { app, plugin, tab } = await loadTab();
    tab.open();
    await tab.setControlValue('categories', 'cs.LG, machine learning!');
    expect(errorOf(rowFor(tab, 'categories'))).toBe(
      '"learning!" is not an arXiv category; write an archive ("cs", "math-ph") or archive.CLASS ("cs.LG", "q-bio.NC").',
    );
    await tab.setControlValue('fetchAfter', '7.30');
    expect(errorOf(rowFor(tab, 'fetchAfter'))).toBe('"7.30" is not a time; write it as HH:MM, e.g. 07:30, or leave it empty.');
    await tab.setControlValue('trackUpdates', 'yes');
    expect(errorOf(rowFor(tab, 'trackUpdates'))).toBe('This setting takes on or off; it was given "yes".');
    expect(plugin.settings.config.categories).toEqual(['cs.LG', 'cs.CL', 'cs.AI', 'cs.CV', 'stat.ML']);
    expect(plugin.settings.config.trackUpdates).toBe(true);
    expect(plugin.settings.fetchAfter).toBe('');
    expect(await storedSettings(app)).toEqual({ rssBase: host.arxiv.url('/rss') });
    await expect(tab.setControlValue('autoFetchEverySecond', true)).rejects.toThrow('Paper Feed has no setting named "autoFetchEverySecond".');
  });

  it('reads each value as the form shows it, the unsaved draft included', async () => {
    const { tab } = await loadTab();
    tab.open();
    expect(tab.getControlValue('categories')).toBe('cs.LG, cs.CL, cs.AI, cs.CV, stat.ML');
    expect(tab.getControlValue('enrich.timeBudgetMs')).toBe('10');
    await tab.setControlValue('folders.papers', '../outside');
    expect(tab.getControlValue('folders.papers')).toBe('../outside');
    tab.hide();
    expect(tab.getControlValue('folders.papers')).toBe('arXiv/Papers');
  });

  it('shows settings that sync changed after load, not the ones read for the search', async () => {
    const { app, plugin, tab } = await loadTab({ config: { categories: ['cs.LG'] } });
    await storeSettings(app, { rssBase: host.arxiv.url('/rss'), config: { categories: ['hep-th'] } });
    await plugin.onExternalSettingsChange();
    tab.open();
    expect(
      rowFor(tab, 'categories')
        .components.find((c) => c instanceof TextComponent)
        ?.getValue(),
    ).toBe('hep-th');
  });

  it('draws the tab again after a group is added, on 1.13 through update()', async () => {
    const { tab } = await loadTab();
    tab.open();
    const before = definitionRows(tab).filter((r) => r.name === 'Group name');
    const add = settingsIn(tab.containerEl).find((s) => s.nameEl.textContent === 'Add a group')!.components[0];
    expect(add).toBeInstanceOf(ButtonComponent);
    await (add as ButtonComponent).simulateClick();
    expect(definitionRows(tab).filter((r) => r.name === 'Group name')).toHaveLength(before.length + 1);
    expect(settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === 'Group name')).toHaveLength(before.length + 1);
  });

  it('draws the tab again by hand after a group is added, when display() drew it (a host that does not draw from definitions)', async () => {
    const { tab } = await loadTab();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- a host drawing the tab itself, as Obsidian before 1.13 does
    tab.display();
    const before = settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === 'Group name').length;
    expect(before).toBeGreaterThan(0);
    await control(setting(tab, 'Add a group'), ButtonComponent).simulateClick();
    expect(settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === 'Group name')).toHaveLength(before + 1);
  });

  it('keeps each unsaved wrong value and its problem when the tab is drawn again', async () => {
    for (const version of ['1.13.1', '1.12.7']) {
      kit.apiVersion = version;
      const { tab } = await loadTab();
      tab.open();
      await typeInto(tab, 'enrich.budget', 'many');
      await typeInto(tab, 'groups[0].include', '/(unclosed/');
      await typeInto(tab, 'fetchAfter', 'noon');
      const include = errorOf(rowFor(tab, 'groups[0].include'));
      expect(include).toMatch(/regular expression/i);
      const budget = errorOf(rowFor(tab, 'enrich.budget'));
      expect(budget).toMatch(/^This .*"many"/);
      await control(setting(tab, 'Add a group'), ButtonComponent).simulateClick();
      expect([version, errorOf(rowFor(tab, 'enrich.budget'))]).toEqual([version, budget]);
      expect(control(rowFor(tab, 'enrich.budget'), TextComponent).getValue()).toBe('many');
      expect(errorOf(rowFor(tab, 'groups[0].include'))).toBe(include);
      // The time was never taken: the row shows the one in use again, without a problem.
      expect(control(rowFor(tab, 'fetchAfter'), TextComponent).getValue()).toBe('');
      expect(errorOf(rowFor(tab, 'fetchAfter'))).toBeNull();
    }
  });
});
