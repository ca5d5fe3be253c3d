// Setting rows and their controls (text, text area, toggle, dropdown, buttons) over fake elements.
// Each control keeps its callbacks so a test can act like a person: type, flip, pick, click.
import { asHTMLElement, FakeElement } from './dom';
import { kit } from './kit';

type ChangeCallback<T> = (value: T) => unknown;

export abstract class BaseComponent {
  disabled = false;
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

abstract class ValueComponent<T> extends BaseComponent {
  protected changeCallbacks: Array<ChangeCallback<T>> = [];
  abstract getValue(): T;
  abstract setValue(value: T): this;
  onChange(callback: ChangeCallback<T>): this {
    this.changeCallbacks.push(callback);
    return this;
  }
  /** Test aid: what a person's edit does — the value changes, then the change callbacks run. */
  async simulate(value: T): Promise<void> {
    this.setValue(value);
    for (const callback of this.changeCallbacks) await callback(value);
  }
}

export class AbstractTextComponent extends ValueComponent<string> {
  inputEl: HTMLInputElement;
  constructor(containerEl: HTMLElement, tag: 'input' | 'textarea') {
    super();
    this.inputEl = (containerEl as unknown as FakeElement).createEl(tag) as unknown as HTMLInputElement;
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }
  onChanged(): void {
    for (const callback of this.changeCallbacks) void callback(this.getValue());
  }
}

export class TextComponent extends AbstractTextComponent {
  constructor(containerEl: HTMLElement) {
    super(containerEl, 'input');
  }
}

export class TextAreaComponent extends AbstractTextComponent {
  constructor(containerEl: HTMLElement) {
    super(containerEl, 'textarea');
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private on = false;
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = asHTMLElement((containerEl as unknown as FakeElement).createDiv({ cls: 'checkbox-container' }));
  }
  getValue(): boolean {
    return this.on;
  }
  setValue(on: boolean): this {
    this.on = on;
    this.toggleEl.toggleClass('is-enabled', on);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.toggleEl.setAttr('aria-label', tooltip);
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  readonly options = new Map<string, string>();
  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = (containerEl as unknown as FakeElement).createEl('select') as unknown as HTMLSelectElement;
  }
  addOption(value: string, display: string): this {
    this.options.set(value, display);
    if (this.options.size === 1) this.selectEl.value = value;
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
  override async simulate(value: string): Promise<void> {
    if (!this.options.has(value)) throw new Error(`Stand-in: the dropdown has no option "${value}".`);
    await super.simulate(value);
  }
}

export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;
  private clickCallbacks: Array<(evt: MouseEvent) => unknown> = [];
  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = (containerEl as unknown as FakeElement).createEl('button') as unknown as HTMLButtonElement;
  }
  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }
  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }
  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }
  setIcon(icon: string): this {
    this.buttonEl.setAttr('data-icon', icon);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.buttonEl.setAttr('aria-label', tooltip);
    return this;
  }
  setClass(cls: string): this {
    this.buttonEl.addClass(cls);
    return this;
  }
  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.clickCallbacks.push(callback);
    return this;
  }
  /** Test aid: a person clicks the button; resolves when the handlers have. */
  async simulateClick(): Promise<void> {
    if (this.disabled) return;
    for (const callback of this.clickCallbacks) await callback({} as MouseEvent);
  }
}

/**
 * Picks a secret from the app's secret storage by name (since 1.11.1; setValue and onChange since
 * 1.11.4). Its value is the secret's name, never the secret. Before 1.11.1 the class is missing.
 */
export class SecretComponent extends ValueComponent<string> {
  private name = '';
  constructor(_app: unknown, containerEl: HTMLElement) {
    super();
    if (!requireVersion('1.11.1')) throw new TypeError('SecretComponent is not a constructor');
    (containerEl as unknown as FakeElement).createDiv({ cls: 'secret-component' });
  }
  getValue(): string {
    return this.name;
  }
  setValue(name: string): this {
    if (!requireVersion('1.11.4')) throw new TypeError('secretComponent.setValue is not a function');
    this.name = name;
    return this;
  }
}

export class ExtraButtonComponent extends ButtonComponent {
  get extraSettingsEl(): HTMLElement {
    return this.buttonEl;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  errorEl: HTMLElement | null = null;
  components: BaseComponent[] = [];
  isHeading = false;

  constructor(containerEl: HTMLElement) {
    const container = containerEl as unknown as FakeElement;
    const row = container.createDiv({ cls: 'setting-item' });
    const info = row.createDiv({ cls: 'setting-item-info' });
    this.settingEl = asHTMLElement(row);
    this.infoEl = asHTMLElement(info);
    this.nameEl = asHTMLElement(info.createDiv({ cls: 'setting-item-name' }));
    this.descEl = asHTMLElement(info.createDiv({ cls: 'setting-item-description' }));
    this.controlEl = asHTMLElement(row.createDiv({ cls: 'setting-item-control' }));
    settingsByRow.set(row, this);
  }
  setName(name: string): this {
    this.nameEl.setText(name);
    return this;
  }
  setDesc(desc: string): this {
    this.descEl.setText(desc);
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.settingEl.setAttr('aria-label', tooltip);
    return this;
  }
  setHeading(): this {
    this.isHeading = true;
    this.settingEl.addClass('setting-item-heading');
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass('is-disabled', disabled);
    for (const component of this.components) component.setDisabled(disabled);
    return this;
  }
  setErrorMessage(message: string | null): this {
    if (!requireVersion('1.13.0')) throw new TypeError('setting.setErrorMessage is not a function');
    if (!message) {
      this.errorEl?.detach();
      this.errorEl = null;
      this.settingEl.removeClass('is-invalid');
      return this;
    }
    this.errorEl ??= asHTMLElement((this.settingEl as unknown as FakeElement).createDiv({ cls: 'setting-error-message' }));
    this.errorEl.setText(message);
    this.settingEl.addClass('is-invalid');
    return this;
  }
  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }
  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }
  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }
  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }
  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }
  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
    return this.add(new ExtraButtonComponent(this.controlEl), cb);
  }
  addComponent(cb: (el: HTMLElement) => BaseComponent): this {
    if (!requireVersion('1.11.0')) throw new TypeError('setting.addComponent is not a function');
    this.components.push(cb(this.controlEl));
    return this;
  }
  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }
  clear(): this {
    this.controlEl.empty();
    this.components = [];
    return this;
  }
  private add<T extends BaseComponent>(component: T, cb: (component: T) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
}

const settingsByRow = new WeakMap<FakeElement, Setting>();

/** Test aid: the Setting rows under an element, in order. */
export function settingsIn(containerEl: HTMLElement): Setting[] {
  return (containerEl as unknown as FakeElement)
    .findAll('setting-item')
    .map((row) => settingsByRow.get(row))
    .filter((s): s is Setting => s !== undefined);
}

export function requireVersion(version: string): boolean {
  const have = kit.apiVersion.split('.').map(Number);
  const want = version.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, want.length); i += 1) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
