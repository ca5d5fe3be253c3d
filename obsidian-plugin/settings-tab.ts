// The settings tab. The form edits a draft of the config; each change is checked by the core's
// validateConfig and saved (and in effect at once) only when it is valid, otherwise the problem
// is shown beside the field and the last valid settings stay in use.
import { PluginSettingTab, Setting, type App, type Plugin } from 'obsidian';
import { validateConfig } from '../core/config-validate';
import { CITATION_FORMATS, DEFAULT_CONFIG, type CitationFormat, type PaperFeedConfig } from '../core/config';
import { isPaperFeedError, type PaperFeedError } from '../core/errors';
import type { DeviceState } from './device-state';
import { FieldErrors, problemText } from './field-errors';
import { renderEnrichSection } from './settings-enrich';
import { renderGroups } from './settings-groups';
import { renderTopPicksSection } from './settings-top-picks';
import { categoriesToText, copy, isClockTime, textToCategories, type PaperFeedSettings } from './settings';
import { lastRunWording } from '../core/catch-up/state';

/** How the dropdown names each of the core's citation formats. */
const FORMAT_OPTIONS: Record<CitationFormat, string> = {
  pandoc: 'Pandoc [@citekey]',
  wikilink: 'Link to the paper note',
  markdown: 'Markdown link to arXiv',
  arxiv: 'arXiv:ID',
};

export interface SettingsHost {
  settings: PaperFeedSettings;
  device: DeviceState;
  /** Why the stored config was set aside at load, or null. */
  settingsProblem: PaperFeedError | null;
  saveSettings(): Promise<void>;
  /** The device-local automatic fetch toggle changed. */
  deviceSettingsChanged(): void;
  hasDailyNotes(): Promise<boolean>;
}

type IncludedTypes = 'new-cross' | 'new' | 'custom';

export class PaperFeedSettingTab extends PluginSettingTab {
  private draft: PaperFeedConfig | null = null;
  private generalErrorEl: HTMLElement | null = null;
  private groupsEl: HTMLElement | null = null;
  readonly errors = new FieldErrors(() => this.generalErrorEl);

  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  override display(): void {
    const { containerEl } = this;
    this.draft ??= copy(this.host.settings.config);
    containerEl.empty();
    this.errors.clear();
    this.generalErrorEl = containerEl.createDiv({ cls: 'paper-feed-error paper-feed-general-error' });
    this.renderFollowing(containerEl, this.draft);
    this.groupsEl = containerEl.createDiv();
    this.renderGroupList();
    this.renderNotes(containerEl, this.draft);
    renderTopPicksSection(containerEl, this.draft, { edit: (change) => this.edit(change), errors: this.errors });
    this.renderAutomaticFetch(containerEl);
    this.renderDailyNotes(containerEl);
    renderEnrichSection(containerEl, { app: this.app, settings: this.host.settings, saveSettings: () => this.host.saveSettings(), errors: this.errors });
    const valid = this.check();
    const stored = this.host.settingsProblem;
    if (valid && stored)
      this.generalErrorEl.setText(
        `${stored.message} Paper Feed does not fetch until then. The form shows the defaults; changing any setting saves them in place of the stored ones.`,
      );
  }

  override hide(): void {
    // Unsaved (invalid) edits are dropped; the tab opens next time on the settings in use.
    this.draft = null;
    super.hide();
  }

  /** Applies a change to the draft and saves the result when it is valid. */
  async edit(change: (draft: PaperFeedConfig) => void, groupsChanged = false): Promise<void> {
    if (!this.draft) return;
    change(this.draft);
    const valid = this.check();
    if (valid) {
      this.host.settings.config = valid;
      this.host.settingsProblem = null;
      await this.host.saveSettings();
    }
    if (groupsChanged) this.renderGroupList();
  }

  /** Draws the keyword groups again (after one is added or removed), leaving the rest of the tab as it is. */
  private renderGroupList(): void {
    if (!this.groupsEl || !this.draft) return;
    this.errors.forget('groups');
    this.groupsEl.empty();
    renderGroups(this.groupsEl, this.draft, { edit: (change, groupsChanged) => this.edit(change, groupsChanged), errors: this.errors });
    this.check();
  }

  /** Validates the draft and shows its problem, if any; the checked config when it is valid. */
  private check(): PaperFeedConfig | null {
    try {
      const valid = validateConfig(this.draft);
      this.errors.showConfigProblem(null, null);
      return valid;
    } catch (error) {
      if (!isPaperFeedError(error)) throw error;
      this.errors.showConfigProblem(error.detail.key ?? null, problemText(error.message, error.detail.key));
      return null;
    }
  }

  private renderFollowing(el: HTMLElement, draft: PaperFeedConfig): void {
    const categories = new Setting(el)
      .setName('Categories')
      .setDesc('The arXiv categories to read each evening, e.g. "cs.LG, cs.CL, stat.ML", or whole archives such as "cs".')
      .addText((text) => text.setValue(categoriesToText(draft.categories)).onChange((value) => this.edit((d) => (d.categories = textToCategories(value)))));
    this.errors.claim(categories, 'categories');

    const included = includedTypes(draft);
    new Setting(el)
      .setName('Papers to include')
      .setDesc('Replacements (new versions) are handled apart: they update the notes you already have.')
      .addDropdown((dropdown) => {
        dropdown.addOption('new-cross', 'New submissions and cross-lists').addOption('new', 'New submissions only');
        if (included === 'custom') dropdown.addOption('custom', `As in data.json (${draft.announceTypes.join(', ')})`);
        dropdown.setValue(included).onChange((value) => {
          if (value === 'new-cross') return this.edit((d) => (d.announceTypes = ['new', 'cross']));
          if (value === 'new') return this.edit((d) => (d.announceTypes = ['new']));
        });
      });

    new Setting(el)
      .setName('Update notes for new versions')
      .setDesc('When arXiv announces a new version of a paper you have a note for, update its version, dates and abstract, and list it in the digest.')
      .addToggle((toggle) => toggle.setValue(draft.trackUpdates).onChange((value) => this.edit((d) => (d.trackUpdates = value))));
  }

  private renderNotes(el: HTMLElement, draft: PaperFeedConfig): void {
    new Setting(el).setName('Notes').setHeading();
    const daily = new Setting(el)
      .setName('Daily note folder')
      .setDesc("Where each announcement's digest goes, named by its listing date (2026-05-29).")
      .addText((text) =>
        text
          .setPlaceholder(DEFAULT_CONFIG.folders.daily)
          .setValue(draft.folders.daily)
          .onChange((value) => this.edit((d) => (d.folders.daily = value.trim()))),
      );
    this.errors.claim(daily, 'folders.daily');
    const papers = new Setting(el)
      .setName('Paper note folder')
      .setDesc('Where paper notes are created. Moving or renaming them later is fine: Paper Feed finds them by the arXiv ID in their properties.')
      .addText((text) =>
        text
          .setPlaceholder(DEFAULT_CONFIG.folders.papers)
          .setValue(draft.folders.papers)
          .onChange((value) => this.edit((d) => (d.folders.papers = value.trim()))),
      );
    this.errors.claim(papers, 'folders.papers');
    new Setting(el)
      .setName('Paper note names')
      .setDesc('How new paper notes are named; existing notes keep their names.')
      .addDropdown((dropdown) =>
        dropdown
          .addOption('title', 'Title')
          .addOption('id', 'arXiv ID')
          .addOption('id-title', 'arXiv ID and title')
          .setValue(draft.paperNoteName)
          .onChange((value) => this.edit((d) => (d.paperNoteName = value as PaperFeedConfig['paperNoteName']))),
      );
    new Setting(el)
      .setName('Citation format')
      .setDesc('The format offered first when you copy a citation.')
      .addDropdown((dropdown) =>
        dropdown
          .addOptions(Object.fromEntries(CITATION_FORMATS.map((format) => [format, FORMAT_OPTIONS[format]])))
          .setValue(draft.citationFormat)
          .onChange((value) => this.edit((d) => (d.citationFormat = value as PaperFeedConfig['citationFormat']))),
      );
  }

  private renderAutomaticFetch(el: HTMLElement): void {
    const { settings, device } = this.host;
    new Setting(el).setName('Automatic fetch').setHeading();
    new Setting(el)
      .setName('Fetch automatically on this device')
      .setDesc(
        `Once per announcement, while Obsidian is open; and once a week, your kept and recent papers are checked on arXiv for new versions, journal references and withdrawals (last checked on this device: ${lastRunWording(device.catchUp.lastRun, new Date())}). This choice stays on this device; if your vault syncs, turn it on for one device only.`,
      )
      .addToggle((toggle) =>
        toggle.setValue(device.autoFetch).onChange((value) => {
          device.autoFetch = value;
          this.host.deviceSettingsChanged();
        }),
      );
    const after = new Setting(el)
      .setName('Fetch after')
      .setDesc('Local time in hours and minutes, for example 07:30. Leave empty to fetch soon after arXiv announces (20:00 US Eastern).')
      .addText((text) =>
        text
          .setPlaceholder('07:30')
          .setValue(settings.fetchAfter)
          .onChange(async (value) => {
            const time = value.trim();
            if (time !== '' && !isClockTime(time)) {
              this.errors.showFieldProblem('fetchAfter', `"${time}" is not a time; write it as HH:MM, e.g. 07:30, or leave it empty.`);
              return;
            }
            this.errors.showFieldProblem('fetchAfter', null);
            settings.fetchAfter = time;
            await this.host.saveSettings();
          }),
      );
    this.errors.claim(after, 'fetchAfter');
  }

  private renderDailyNotes(el: HTMLElement): void {
    const { settings } = this.host;
    new Setting(el).setName('Daily notes').setHeading();
    const link = new Setting(el)
      .setName("Link from today's daily note")
      .setDesc("After a fetch, add a link to the digest in today's daily note, in the folder and format your daily notes use.")
      .addToggle((toggle) =>
        toggle.setValue(settings.linkFromDailyNote).onChange(async (value) => {
          settings.linkFromDailyNote = value;
          await this.host.saveSettings();
        }),
      );
    void this.host.hasDailyNotes().then((available) => {
      if (!available) link.descEl.createDiv({ cls: 'paper-feed-hint', text: 'Neither Daily notes nor Periodic Notes is turned on, so no link is added.' });
    });
    const heading = new Setting(el)
      .setName('Heading in the daily note')
      .setDesc('The link goes at the end of this section; the section is added when the note has none.')
      .addText((text) =>
        text.setValue(settings.dailyNoteHeading).onChange(async (value) => {
          if (value.trim() === '') {
            this.errors.showFieldProblem('dailyNoteHeading', 'The heading is empty; write one, e.g. Papers.');
            return;
          }
          this.errors.showFieldProblem('dailyNoteHeading', null);
          settings.dailyNoteHeading = value.trim();
          await this.host.saveSettings();
        }),
      );
    this.errors.claim(heading, 'dailyNoteHeading');
  }
}

function includedTypes(config: PaperFeedConfig): IncludedTypes {
  const types = [...config.announceTypes].sort().join(',');
  if (types === 'cross,new') return 'new-cross';
  if (types === 'new') return 'new';
  return 'custom';
}
