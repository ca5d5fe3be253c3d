// The settings tab. The form edits a draft of the config; each change is checked by the core's
// validateConfig and saved (and in effect at once) only when it is valid, otherwise the problem
// is shown beside the field and the last valid settings stay in use. The rows are described once
// (setting-rows.ts): Obsidian 1.13+ lists them in its settings search and draws them from
// getSettingDefinitions(); older versions draw the same rows in display().
import { PluginSettingTab, requireApiVersion, type App, type Plugin, type Setting, type SettingDefinitionItem } from 'obsidian';
import { validateConfig } from '../core/config-validate';
import { CITATION_FORMATS, DEFAULT_CONFIG, type CitationFormat, type PaperFeedConfig } from '../core/config';
import { isPaperFeedError, PaperFeedError } from '../core/errors';
import type { DeviceState } from './device-state';
import { FieldErrors, problemText } from './field-errors';
import { drawControl, drawSections, fieldsOf, toDefinitions, type Field, type SettingRow, type SettingSection } from './setting-rows';
import { checkEnrichDraft, enrichSection, type EnrichDraft } from './settings-enrich';
import { groupSections } from './settings-groups';
import { topPicksSection } from './settings-top-picks';
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
  /** The config being edited, from the first change until the tab closes; null shows the config in use. */
  private draft: PaperFeedConfig | null = null;
  private enrichDraft: EnrichDraft | null = null;
  private generalErrorEl: HTMLElement | null = null;
  /** Whether display() drew the tab (Obsidian before 1.13), rather than Obsidian from getSettingDefinitions(). */
  private drawnByHand = false;
  readonly errors = new FieldErrors(() => this.generalErrorEl);

  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  /** Obsidian 1.13+: the rows for its settings search and for drawing the tab. */
  override getSettingDefinitions(): SettingDefinitionItem[] {
    return toDefinitions(this.sections(), (setting, row) => this.draw(setting, row));
  }

  /** Before Obsidian 1.13 (1.13+ draws from getSettingDefinitions() instead). */
  override display(): void {
    this.drawByHand();
  }

  override hide(): void {
    // Unsaved (invalid) edits are dropped; the tab opens next time on the settings in use.
    this.draft = null;
    this.enrichDraft = null;
    super.hide();
  }

  /** The value a row shows, by its key ("categories", "groups[1].include", "enrich.model"). */
  override getControlValue(key: string): unknown {
    return this.field(key)?.read();
  }

  /** A new value for a row, checked and saved exactly as when a person types it into the form. */
  override async setControlValue(key: string, value: unknown): Promise<void> {
    const field = this.field(key);
    if (!field) throw new PaperFeedError('bad-config', `Paper Feed has no setting named "${key}".`);
    if (field.control === 'toggle') {
      if (typeof value === 'boolean') return field.write(value);
    } else if (typeof value === 'string') return field.write(value);
    this.errors.showFieldProblem(key, `This setting takes ${field.control === 'toggle' ? 'on or off' : 'text'}; it was given ${JSON.stringify(value)}.`);
  }

  /** Every row that holds a value, in the order the tab shows them. */
  fields(): Field[] {
    return fieldsOf(this.sections());
  }

  private field(key: string): Field | undefined {
    return this.fields().find((field) => field.key === key);
  }

  private draw(setting: Setting, row: SettingRow): void {
    drawControl(setting, row, this.errors, (key, value) => this.setControlValue(key, value));
  }

  /** The config the rows show: the draft once something was changed, else the one in use. */
  private config(): PaperFeedConfig {
    return this.draft ?? this.host.settings.config;
  }

  private sections(): SettingSection[] {
    const config = this.config();
    const edit = (change: (draft: PaperFeedConfig) => void, groupsChanged?: boolean) => this.edit(change, groupsChanged);
    return [
      { rows: [this.generalRow(), ...this.followingRows(config)] },
      ...groupSections(config, { edit, config: () => this.config() }),
      { heading: 'Notes', rows: this.noteRows() },
      topPicksSection(config, { edit, config: () => this.config() }),
      { heading: 'Automatic fetch', rows: this.automaticFetchRows() },
      { heading: 'Daily notes', rows: this.dailyNoteRows() },
      enrichSection({
        app: this.app,
        settings: this.host.settings,
        saveSettings: () => this.host.saveSettings(),
        errors: this.errors,
        draft: () => (this.enrichDraft ??= { settings: copy(this.host.settings.enrich), shownKey: null }),
      }),
    ];
  }

  /** Applies a change to the draft and saves the result when it is valid; `groupsChanged` draws the tab again. */
  private async edit(change: (draft: PaperFeedConfig) => void, groupsChanged = false): Promise<void> {
    this.draft ??= copy(this.host.settings.config);
    change(this.draft);
    const valid = this.check();
    if (valid) {
      this.host.settings.config = valid;
      this.host.settingsProblem = null;
      await this.host.saveSettings();
    }
    if (groupsChanged) this.redraw();
  }

  /** Draws the tab again the way it was drawn: by hand when display() drew it, else by Obsidian 1.13's update(). */
  private redraw(): void {
    if (this.drawnByHand) this.drawByHand();
    else if (requireApiVersion('1.13.0')) this.update();
    else this.drawByHand();
  }

  private drawByHand(): void {
    this.drawnByHand = true;
    this.containerEl.empty();
    drawSections(this.containerEl, this.sections(), (setting, row) => this.draw(setting, row));
  }

  /** Validates the draft and shows its problem, if any; the checked config when it is valid. */
  private check(): PaperFeedConfig | null {
    try {
      const valid = validateConfig(this.config());
      this.errors.showConfigProblem(null, null);
      return valid;
    } catch (error) {
      if (!isPaperFeedError(error)) throw error;
      this.errors.showConfigProblem(error.detail.key ?? null, problemText(error.message, error.detail.key));
      return null;
    }
  }

  /**
   * The first row of every drawing: a problem that belongs to no field (or why the stored settings
   * were set aside). Drawing starts here, so the fields that follow claim their problems afresh.
   */
  private generalRow(): SettingRow {
    return {
      name: '',
      render: (setting) => {
        this.errors.clear();
        setting.setClass('paper-feed-general-row');
        this.generalErrorEl = setting.infoEl.createDiv({ cls: 'paper-feed-error paper-feed-general-error' });
        const valid = this.check();
        // A translation setting still wrong in the form keeps its problem when the tab is drawn again.
        if (this.enrichDraft) checkEnrichDraft(this.enrichDraft, this.errors);
        const stored = this.host.settingsProblem;
        if (valid && stored)
          this.generalErrorEl.setText(
            `${stored.message} Paper Feed does not fetch until then. The form shows the defaults; changing any setting saves them in place of the stored ones.`,
          );
      },
    };
  }

  private followingRows(config: PaperFeedConfig): SettingRow[] {
    const included = includedTypes(config);
    const papersToInclude: Record<string, string> = { 'new-cross': 'New submissions and cross-lists', new: 'New submissions only' };
    if (included === 'custom') papersToInclude.custom = `As in data.json (${config.announceTypes.join(', ')})`;
    return [
      {
        name: 'Categories',
        desc: 'The arXiv categories to read each evening, e.g. "cs.LG, cs.CL, stat.ML", or whole archives such as "cs".',
        key: 'categories',
        control: 'text',
        read: () => categoriesToText(this.config().categories),
        write: (value) => this.edit((d) => (d.categories = textToCategories(value))),
      },
      {
        name: 'Papers to include',
        desc: 'Replacements (new versions) are handled apart: they update the notes you already have.',
        key: 'announceTypes',
        control: 'dropdown',
        options: papersToInclude,
        read: () => includedTypes(this.config()),
        write: async (value) => {
          if (value === 'new-cross') return this.edit((d) => (d.announceTypes = ['new', 'cross']));
          if (value === 'new') return this.edit((d) => (d.announceTypes = ['new']));
        },
      },
      {
        name: 'Update notes for new versions',
        desc: 'When arXiv announces a new version of a paper you have a note for, update its version, dates and abstract, and list it in the digest.',
        key: 'trackUpdates',
        control: 'toggle',
        read: () => this.config().trackUpdates,
        write: (value) => this.edit((d) => (d.trackUpdates = value)),
      },
    ];
  }

  private noteRows(): SettingRow[] {
    return [
      {
        name: 'Daily note folder',
        desc: "Where each announcement's digest goes, named by its listing date (2026-05-29).",
        key: 'folders.daily',
        control: 'text',
        placeholder: DEFAULT_CONFIG.folders.daily,
        read: () => this.config().folders.daily,
        write: (value) => this.edit((d) => (d.folders.daily = value.trim())),
      },
      {
        name: 'Paper note folder',
        desc: 'Where paper notes are created. Moving or renaming them later is fine: Paper Feed finds them by the arXiv ID in their properties.',
        key: 'folders.papers',
        control: 'text',
        placeholder: DEFAULT_CONFIG.folders.papers,
        read: () => this.config().folders.papers,
        write: (value) => this.edit((d) => (d.folders.papers = value.trim())),
      },
      {
        name: 'Paper note names',
        desc: 'How new paper notes are named; existing notes keep their names.',
        key: 'paperNoteName',
        control: 'dropdown',
        options: { title: 'Title', id: 'arXiv ID', 'id-title': 'arXiv ID and title' },
        read: () => this.config().paperNoteName,
        write: (value) => this.edit((d) => (d.paperNoteName = value as PaperFeedConfig['paperNoteName'])),
      },
      {
        name: 'Citation format',
        desc: 'The format offered first when you copy a citation.',
        key: 'citationFormat',
        control: 'dropdown',
        options: Object.fromEntries(CITATION_FORMATS.map((format) => [format, FORMAT_OPTIONS[format]])),
        read: () => this.config().citationFormat,
        write: (value) => this.edit((d) => (d.citationFormat = value as PaperFeedConfig['citationFormat'])),
      },
    ];
  }

  private automaticFetchRows(): SettingRow[] {
    const { settings, device } = this.host;
    return [
      {
        name: 'Fetch automatically on this device',
        desc: `Once per announcement, while Obsidian is open; and once a week, your kept and recent papers are checked on arXiv for new versions, journal references and withdrawals (last checked on this device: ${lastRunWording(device.catchUp.lastRun, new Date())}). This choice stays on this device; if your vault syncs, turn it on for one device only.`,
        key: 'autoFetch',
        control: 'toggle',
        read: () => device.autoFetch,
        write: async (value) => {
          device.autoFetch = value;
          this.host.deviceSettingsChanged();
        },
      },
      {
        name: 'Fetch after',
        desc: 'Local time in hours and minutes, for example 07:30. Leave empty to fetch soon after arXiv announces (20:00 US Eastern).',
        key: 'fetchAfter',
        control: 'text',
        placeholder: '07:30',
        read: () => settings.fetchAfter,
        write: async (value) => {
          const time = value.trim();
          if (time !== '' && !isClockTime(time)) {
            this.errors.showFieldProblem('fetchAfter', `"${time}" is not a time; write it as HH:MM, e.g. 07:30, or leave it empty.`);
            return;
          }
          this.errors.showFieldProblem('fetchAfter', null);
          settings.fetchAfter = time;
          await this.host.saveSettings();
        },
      },
    ];
  }

  private dailyNoteRows(): SettingRow[] {
    const { settings } = this.host;
    return [
      {
        name: "Link from today's daily note",
        desc: "After a fetch, add a link to the digest in today's daily note, in the folder and format your daily notes use.",
        key: 'linkFromDailyNote',
        control: 'toggle',
        read: () => settings.linkFromDailyNote,
        write: async (value) => {
          settings.linkFromDailyNote = value;
          await this.host.saveSettings();
        },
        decorate: (link) =>
          void this.host.hasDailyNotes().then((available) => {
            if (!available)
              link.descEl.createDiv({ cls: 'paper-feed-hint', text: 'Neither Daily notes nor Periodic Notes is turned on, so no link is added.' });
          }),
      },
      {
        name: 'Heading in the daily note',
        desc: 'The link goes at the end of this section; the section is added when the note has none.',
        key: 'dailyNoteHeading',
        control: 'text',
        read: () => settings.dailyNoteHeading,
        write: async (value) => {
          if (value.trim() === '') {
            this.errors.showFieldProblem('dailyNoteHeading', 'The heading is empty; write one, e.g. Papers.');
            return;
          }
          this.errors.showFieldProblem('dailyNoteHeading', null);
          settings.dailyNoteHeading = value.trim();
          await this.host.saveSettings();
        },
      },
    ];
  }
}

function includedTypes(config: PaperFeedConfig): IncludedTypes {
  const types = [...config.announceTypes].sort().join(',');
  if (types === 'cross,new') return 'new-cross';
  if (types === 'new') return 'new';
  return 'custom';
}
