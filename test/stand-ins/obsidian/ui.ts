// Notices, modals, suggestion modals and setting tabs. Notices are recorded in the kit; a modal's
// onOpen runs on open() so tests can read and operate what it rendered.
import type { SettingDefinition, SettingDefinitionItem } from 'obsidian';
import type { App } from './app';
import { requireVersion, Setting } from './components';
import { asHTMLElement, FakeElement } from './dom';
import { kit, type NoticeRecord } from './kit';

export class Notice {
  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  private readonly record: NoticeRecord;
  constructor(message: string | DocumentFragment, duration?: number) {
    const container = new FakeElement('div');
    container.addClass('notice-container');
    this.containerEl = asHTMLElement(container);
    this.messageEl = asHTMLElement(container.createDiv({ cls: 'notice-message' }));
    this.noticeEl = this.messageEl;
    const text = textOf(message);
    this.messageEl.setText(text);
    this.record = { message: text, history: [text], duration, hidden: false };
    kit.notices.push(this.record);
  }
  setMessage(message: string | DocumentFragment): this {
    const text = textOf(message);
    this.messageEl.setText(text);
    this.record.message = text;
    this.record.history.push(text);
    return this;
  }
  hide(): void {
    this.record.hidden = true;
  }
}

function textOf(message: string | DocumentFragment): string {
  return typeof message === 'string' ? message : ((message as unknown as FakeElement).textContent ?? '');
}

export class Modal {
  app: App;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  scope = {};
  shouldRestoreSelection = false;
  isOpen = false;
  constructor(app: App) {
    this.app = app;
    const container = new FakeElement('div');
    container.addClass('modal-container');
    const modal = container.createDiv({ cls: 'modal' });
    this.containerEl = asHTMLElement(container);
    this.modalEl = asHTMLElement(modal);
    this.titleEl = asHTMLElement(modal.createDiv({ cls: 'modal-title' }));
    this.contentEl = asHTMLElement(modal.createDiv({ cls: 'modal-content' }));
  }
  open(): void {
    this.isOpen = true;
    kit.modals.push(this);
    void this.onOpen();
  }
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    kit.modals = kit.modals.filter((m) => m !== this);
    this.onClose();
  }
  onOpen(): Promise<void> | void {}
  onClose(): void {}
  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }
  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(textOf(content));
    return this;
  }
}

export interface Instruction {
  command: string;
  purpose: string;
}

export abstract class SuggestModal<T> extends Modal {
  limit = 100;
  emptyStateText = 'No results found.';
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  placeholder = '';
  instructions: Instruction[] = [];
  constructor(app: App) {
    super(app);
    this.inputEl = (this.modalEl as unknown as FakeElement).createEl('input', { cls: 'prompt-input' }) as unknown as HTMLInputElement;
    this.resultContainerEl = asHTMLElement((this.modalEl as unknown as FakeElement).createDiv({ cls: 'prompt-results' }));
  }
  setPlaceholder(placeholder: string): void {
    this.placeholder = placeholder;
  }
  setInstructions(instructions: Instruction[]): void {
    this.instructions = instructions;
  }
  onNoSuggestion(): void {}
  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }
  /** Test aid: the suggestions for a query, each with the text it rendered. */
  async suggestionsFor(query: string): Promise<Array<{ value: T; text: string }>> {
    const values = (await this.getSuggestions(query)).slice(0, this.limit);
    return values.map((value) => {
      const el = new FakeElement('div');
      this.renderSuggestion(value, asHTMLElement(el));
      return { value, text: el.textContent };
    });
  }
  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/**
 * A settings tab as the settings window treats it. From 1.13 a tab whose getSettingDefinitions()
 * returns rows is drawn from them (display() is not called) and its rows are what settings
 * search finds; before 1.13 only display() exists. The stand-in draws `render` rows, groups and
 * description-only rows; it refuses the kinds it does not draw rather than pretend.
 */
export abstract class SettingTab {
  app: App;
  containerEl: HTMLElement;
  icon = 'settings';
  settingItems: SettingDefinitionItem[] = [];
  /** Test aid: whether the settings window shows this tab now. */
  shown = false;
  constructor(app: App) {
    this.app = app;
    this.containerEl = asHTMLElement(new FakeElement('div'));
  }
  abstract display(): void;
  getSettingDefinitions(): SettingDefinitionItem[] {
    return [];
  }
  update(): void {
    if (!requireVersion('1.13.0')) throw new TypeError('this.update is not a function');
    this.settingItems = this.getSettingDefinitions();
    if (this.shown && this.settingItems.length) this.drawDefinitions();
  }
  hide(): void {
    this.shown = false;
    this.containerEl.empty();
  }
  /** Test aid: a person opens this tab in the settings window of Obsidian `kit.apiVersion`. */
  open(): void {
    this.shown = true;
    if (requireVersion('1.13.0')) {
      this.settingItems = this.getSettingDefinitions();
      if (this.settingItems.length) return this.drawDefinitions();
    }
    this.display();
  }
  private drawDefinitions(): void {
    this.containerEl.empty();
    for (const item of this.settingItems) {
      if (!('type' in item) || item.type === undefined) {
        drawDefinition(this.containerEl, item);
        continue;
      }
      if (item.type === 'page') throw new Error('Stand-in: setting pages are not drawn.');
      const groupEl = (this.containerEl as unknown as FakeElement).createDiv({ cls: ['setting-group', ...(item.cls ? [item.cls] : [])] });
      if (item.heading) new Setting(asHTMLElement(groupEl)).setName(item.heading).setHeading();
      for (const child of item.items ?? []) {
        if ('type' in child && child.type === 'page') throw new Error('Stand-in: setting pages are not drawn.');
        drawDefinition(asHTMLElement(groupEl), child);
      }
    }
  }
}

function drawDefinition(el: HTMLElement, definition: SettingDefinition): void {
  if (definition.control || definition.action) throw new Error(`Stand-in: "${definition.name}" is a control or action row, which the stand-in does not draw.`);
  const setting = new Setting(el).setName(definition.name);
  if (definition.desc) setting.setDesc(textOf(definition.desc));
  definition.render?.(setting as never, {} as never);
}

/**
 * Test aid: what Obsidian's settings search finds in a tab (1.13+): every row of its definitions
 * whose name, description or aliases hold the query, case aside. Headings are not rows.
 */
export function settingSearch(tab: SettingTab, query: string): string[] {
  const wanted = query.toLowerCase();
  const rows = tab.settingItems.flatMap((item) => ('type' in item && item.type !== undefined ? ('items' in item ? (item.items ?? []) : []) : [item]));
  return rows
    .filter((row): row is SettingDefinition => !('type' in row && row.type === 'page'))
    .filter((row) => (typeof row.searchable === 'function' ? row.searchable() : row.searchable) !== false)
    .filter((row) => [row.name, row.desc ? textOf(row.desc) : '', ...(row.aliases ?? [])].some((text) => text.toLowerCase().includes(wanted)))
    .map((row) => row.name);
}

export abstract class PluginSettingTab extends SettingTab {
  plugin: unknown;
  constructor(app: App, plugin: unknown) {
    super(app);
    this.plugin = plugin;
  }
}
