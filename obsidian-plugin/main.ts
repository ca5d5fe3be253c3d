// Paper Feed for Obsidian: lifecycle and wiring only. The work lives in the modules imported
// below; nothing here touches the network or the vault during onload.
import { Notice, Platform, Plugin } from 'obsidian';
import { createArxivClient, type ArxivClient } from '../core/arxiv/polite';
import type { PaperFeedError } from '../core/errors';
import { Actions } from './actions';
import { AutoFetch, TICK_MS } from './auto-fetch';
import { registerCommands } from './commands';
import { dailyNoteSettings } from './daily-notes';
import { DeviceState } from './device-state';
import { Enrichment } from './enrichment-host';
import { Fetcher } from './fetcher';
import { requestUrlTransport } from './http';
import { LibraryNotes } from './library-notes';
import { VaultNoteIndex } from './vault-note-index';
import { clock } from './notices';
import { PROTOCOL_ACTION } from './protocol';
import { copy, DEFAULT_SETTINGS, readSettings, type PaperFeedSettings } from './settings';
import { PaperFeedSettingTab, type SettingsHost } from './settings-tab';
import { renderStatus } from './status-bar';
import { ObsidianStore } from './vault-store';
import { UpdateCheck } from './update-check';
import { ZoteroActions } from './zotero';

export default class PaperFeedPlugin extends Plugin implements SettingsHost {
  override settings: PaperFeedSettings = copy(DEFAULT_SETTINGS);
  settingsProblem: PaperFeedError | null = null;
  device!: DeviceState;
  notes!: VaultNoteIndex;
  fetcher!: Fetcher;
  enrichment!: Enrichment;
  library!: LibraryNotes;
  autoFetch!: AutoFetch;
  actions!: Actions;
  zotero!: ZoteroActions;
  updates!: UpdateCheck;
  private statusEl: HTMLElement | null = null;

  override async onload(): Promise<void> {
    await this.loadSettings();
    this.device = new DeviceState(this.app);
    this.notes = new VaultNoteIndex(this.app);
    for (const ref of this.notes.listeners()) this.registerEvent(ref);
    const folder = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
    this.library = new LibraryNotes(this.app, folder, this.notes);
    this.enrichment = new Enrichment({
      app: this.app,
      folder,
      settings: () => this.settings,
      transport: requestUrlTransport,
    });
    // Translation runs on after a fetch; it stops with the plugin (what arrived is in the notes).
    this.register(() => this.enrichment.cancel());
    this.zotero = new ZoteroActions(this.app, folder, this.notes, () => this.settings.config);
    const client = this.arxivClient();
    const store = new ObsidianStore(this.app, this.notes, this.library);
    this.fetcher = new Fetcher({
      app: this.app,
      client,
      store,
      library: this.library.indexCache(),
      zotero: (config) => this.zotero.library(config),
      device: this.device,
      enrichment: this.enrichment,
      settings: () => this.settings,
      settingsProblem: () => this.settingsProblem,
      now: () => new Date(),
      ran: () => this.refreshStatus(),
    });
    this.autoFetch = new AutoFetch({
      now: () => new Date(),
      enabled: () => this.device.autoFetch,
      fetchAfter: () => this.settings.fetchAfter,
      lastRun: () => this.device.lastRun,
      retryAt: () => this.fetcher.retryAt,
      busy: () => this.fetcher.busy,
      fetch: (trigger, loud) => this.fetcher.fetchToday(trigger, loud),
    });
    this.updates = new UpdateCheck({
      client,
      store,
      device: this.device,
      settings: () => this.settings,
      settingsProblem: () => this.settingsProblem,
      now: () => new Date(),
      fetching: () => this.fetcher.busy,
    });
    this.actions = new Actions(this.app, this.fetcher, this.notes, () => this.settings, this.zotero.available ? this.zotero : undefined);

    this.addSettingTab(new PaperFeedSettingTab(this.app, this, this));
    registerCommands(this, this.actions, this.fetcher, this.enrichment, this.zotero, this.updates);
    this.registerObsidianProtocolHandler(PROTOCOL_ACTION, (params) => void this.actions.handleLink(params));
    // Phones and tablets have no status bar.
    if (!Platform.isMobile) {
      this.statusEl = this.addStatusBarItem();
      this.registerDomEvent(this.statusEl, 'click', () => void this.fetcher.cancel());
      this.refreshStatus();
    }
    // The automatic fetch waits for the workspace, and its first tick comes a minute later, so
    // startup stays fast and sync has a moment to bring in notes from other devices.
    this.app.workspace.onLayoutReady(() => {
      // The weekly update check waits its turn behind the day's fetch.
      this.registerInterval(window.setInterval(() => void this.autoFetch.tick().then(() => this.updates.tick()), TICK_MS));
    });
  }

  /** One client for every run, so arXiv's 3-second pacing covers them all. */
  protected arxivClient(): ArxivClient {
    return createArxivClient({ transport: requestUrlTransport, formatTime: clock });
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
    this.autoFetch.reset();
  }

  deviceSettingsChanged(): void {
    this.autoFetch.reset();
  }

  async hasDailyNotes(): Promise<boolean> {
    return (await dailyNoteSettings(this.app)) !== null;
  }

  /** data.json changed on disk (sync): take the new settings without a restart. */
  override async onExternalSettingsChange(): Promise<void> {
    await this.loadSettings();
    this.autoFetch.reset();
  }

  private async loadSettings(): Promise<void> {
    const { settings, problem, enrichProblem } = readSettings(await this.loadData());
    this.settings = settings;
    this.settingsProblem = problem;
    if (problem) new Notice(`${problem.message} Paper Feed will not fetch until it is fixed.`, 15_000);
    if (enrichProblem) new Notice(`${enrichProblem.message} Translation is off until it is fixed.`, 15_000);
  }

  private refreshStatus(): void {
    if (this.statusEl) renderStatus(this.statusEl, this.device.lastRun, new Date(), this.fetcher.cancellable);
  }
}
