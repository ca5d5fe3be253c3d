// App and Plugin. The App wires vault, metadata cache, file manager and workspace, keeps per-vault
// local storage (device-local, never synced), a command registry that honours checkCallback, the
// protocol handlers, and the internal/community plugin registries that some plugins peek into.
import { requireVersion } from './components';
import { asHTMLElement, FakeElement } from './dom';
import { Component, Events } from './events';
import { FileManager, MetadataCache } from './metadata';
import type { PluginSettingTab } from './ui';
import { Vault } from './vault';
import { Workspace } from './workspace';

export interface Command {
  id: string;
  name: string;
  icon?: string;
  hotkeys?: unknown[];
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description: string;
  author: string;
  isDesktopOnly?: boolean;
  dir?: string;
}

export type ProtocolHandler = (params: Record<string, string>) => unknown;

class CommandRegistry {
  readonly commands = new Map<string, Command>();
  /** Runs a command the way the palette does; false when it is hidden right now. */
  executeCommandById(id: string): boolean {
    const command = this.commands.get(id);
    if (!command) return false;
    if (command.checkCallback) return command.checkCallback(false) !== false;
    if (command.callback) {
      void command.callback();
      return true;
    }
    return false;
  }
  /** Whether the palette would list the command right now. */
  isVisible(id: string): boolean {
    const command = this.commands.get(id);
    if (!command) return false;
    return command.checkCallback ? command.checkCallback(true) === true : true;
  }
  listCommands(): Command[] {
    return [...this.commands.values()];
  }
}

/** The shape the Daily Notes core plugin and Periodic Notes present to peeking plugins. */
export interface InternalPlugin {
  enabled: boolean;
  instance: { options?: Record<string, unknown> };
}

/** The app's keychain (since 1.11.4): secrets by lower-case id, kept on this device only. */
export class SecretStorage extends Events {
  private readonly secrets = new Map<string, string>();
  setSecret(id: string, secret: string): void {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`Invalid secret ID: ${id}`);
    this.secrets.set(id, secret);
  }
  getSecret(id: string): string | null {
    return this.secrets.get(id) ?? null;
  }
  listSecrets(): string[] {
    return [...this.secrets.keys()];
  }
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  workspace: Workspace;
  commands = new CommandRegistry();
  internalPlugins = {
    plugins: {} as Record<string, InternalPlugin>,
    getPluginById: (id: string): InternalPlugin | null => this.internalPlugins.plugins[id] ?? null,
  };
  plugins = {
    plugins: {} as Record<string, { settings?: unknown }>,
    enabledPlugins: new Set<string>(),
    getPlugin: (id: string) => (this.plugins.enabledPlugins.has(id) ? (this.plugins.plugins[id] ?? null) : null),
  };
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  readonly settingTabs: PluginSettingTab[] = [];
  readonly ribbonEl = new FakeElement('div');
  readonly statusBarEl = new FakeElement('div');
  private readonly localStorage = new Map<string, string>();
  private readonly keychain = new SecretStorage();

  /** Missing (undefined) before 1.11.4, as on an older app. */
  get secretStorage(): SecretStorage {
    return (requireVersion('1.11.4') ? this.keychain : undefined)!;
  }

  constructor(options: { vault?: Vault } = {}) {
    this.vault = options.vault ?? new Vault();
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this.vault, this.metadataCache);
    this.workspace = new Workspace(this.vault, this.metadataCache);
  }

  loadLocalStorage(key: string): unknown {
    const raw = this.localStorage.get(key);
    return raw === undefined ? null : (JSON.parse(raw) as unknown);
  }
  saveLocalStorage(key: string, data: unknown): void {
    if (data === null || data === undefined) this.localStorage.delete(key);
    else this.localStorage.set(key, JSON.stringify(data));
  }

  /**
   * Test aid: what the OS hands Obsidian for `obsidian://action?query`. Query keys become string
   * parameters ("true" when bare); the handler's own `action` is never replaced by a query key.
   */
  async openObsidianUrl(url: string): Promise<void> {
    const parsed = new URL(url);
    const action = decodeURIComponent(parsed.host || parsed.pathname.replace(/^\/+/, ''));
    const params: Record<string, string> = { action };
    for (const [key, value] of parsed.searchParams) if (key !== 'action') params[key] = value === '' ? 'true' : value;
    const handler = this.protocolHandlers.get(action);
    if (!handler) throw new Error(`Stand-in: no handler for obsidian://${action}`);
    await handler(params);
  }
}

export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;
  private readonly ownCommands: string[] = [];
  private readonly ownProtocolActions: string[] = [];
  private readonly ownElements: FakeElement[] = [];

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}`, name: `${this.manifest.name}: ${command.name}` };
    this.app.commands.commands.set(full.id, full);
    this.ownCommands.push(full.id);
    return full;
  }
  removeCommand(commandId: string): void {
    this.app.commands.commands.delete(`${this.manifest.id}:${commandId}`);
  }
  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonEl.createDiv({ cls: 'side-dock-ribbon-action', attr: { 'aria-label': title, 'data-icon': icon } });
    el.addEventListener('click', (event) => callback(event as unknown as MouseEvent));
    this.ownElements.push(el);
    return asHTMLElement(el);
  }
  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv({ cls: ['status-bar-item', `plugin-${this.manifest.id}`] });
    this.ownElements.push(el);
    return asHTMLElement(el);
  }
  addSettingTab(settingTab: PluginSettingTab): void {
    this.app.settingTabs.push(settingTab);
    // From 1.13 the tab's rows are read once here, for settings search.
    if (requireVersion('1.13.0')) settingTab.update();
    this.register(() => this.app.settingTabs.splice(this.app.settingTabs.indexOf(settingTab), 1));
  }
  registerObsidianProtocolHandler(action: string, handler: ProtocolHandler): void {
    this.app.protocolHandlers.set(action, handler);
    this.ownProtocolActions.push(action);
  }
  async loadData(): Promise<unknown> {
    const path = this.dataPath();
    if (!(await this.app.vault.adapter.exists(path))) return null;
    return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
  }
  async saveData(data: unknown): Promise<void> {
    await this.app.vault.adapter.write(this.dataPath(), JSON.stringify(data, null, 2));
  }
  onExternalSettingsChange?(): unknown;

  /** The app awaits an async onload before it calls the plugin loaded. */
  async loadAsync(): Promise<void> {
    if (!this.markLoaded()) return;
    await this.onload();
  }
  override load(): void {
    void this.loadAsync();
  }
  override unload(): void {
    super.unload();
    for (const id of this.ownCommands.splice(0)) this.app.commands.commands.delete(id);
    for (const action of this.ownProtocolActions.splice(0)) this.app.protocolHandlers.delete(action);
    for (const el of this.ownElements.splice(0)) el.detach();
  }

  private dataPath(): string {
    return `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`;
  }
}
