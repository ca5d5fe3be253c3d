// Notices, modals, suggestion modals and setting tabs. Notices are recorded in the kit; a modal's
// onOpen runs on open() so tests can read and operate what it rendered.
import type { App } from './app';
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

export abstract class SettingTab {
  app: App;
  containerEl: HTMLElement;
  icon = 'settings';
  constructor(app: App) {
    this.app = app;
    this.containerEl = asHTMLElement(new FakeElement('div'));
  }
  abstract display(): void;
  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab {
  plugin: unknown;
  constructor(app: App, plugin: unknown) {
    super(app);
    this.plugin = plugin;
  }
}
