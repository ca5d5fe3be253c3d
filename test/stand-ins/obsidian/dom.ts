// A DOM-free element for the obsidian stand-in: just enough of HTMLElement plus Obsidian's own
// helpers (createEl, createDiv, empty, setText, addClass…) for plugin UI code to run under Node,
// and for tests to read back what a person would see.

export interface ElementInfo {
  cls?: string | string[];
  text?: string;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  value?: string;
  type?: string;
  placeholder?: string;
  href?: string;
  prepend?: boolean;
}

type Listener = (event: FakeEvent) => unknown;

export interface FakeEvent {
  type: string;
  target: FakeElement;
  defaultPrevented: boolean;
  preventDefault(): void;
  key?: string;
}

export class FakeElement {
  readonly tagName: string;
  children: FakeElement[] = [];
  parentElement: FakeElement | null = null;
  readonly classList = new Set<string>();
  readonly attributes = new Map<string, string>();
  /** Form state of inputs, text areas and selects. */
  value = '';
  checked = false;
  disabled = false;
  private ownText = '';
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(tagName = 'div') {
    this.tagName = tagName.toUpperCase();
  }

  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.children = [];
    this.ownText = text;
  }
  get innerText(): string {
    return this.textContent;
  }
  get className(): string {
    return [...this.classList].join(' ');
  }
  set className(value: string) {
    this.classList.clear();
    for (const c of value.split(/\s+/)) if (c) this.classList.add(c);
  }
  get placeholder(): string {
    return this.attributes.get('placeholder') ?? '';
  }
  set placeholder(value: string) {
    this.attributes.set('placeholder', value);
  }

  createEl(tag: string, o?: ElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
    const el = new FakeElement(tag);
    const info: ElementInfo = typeof o === 'string' ? { text: o } : (o ?? {});
    if (info.cls) for (const c of Array.isArray(info.cls) ? info.cls : info.cls.split(/\s+/)) if (c) el.classList.add(c);
    if (info.text !== undefined) el.ownText = info.text;
    for (const [k, v] of Object.entries(info.attr ?? {})) if (v !== null && v !== false) el.attributes.set(k, String(v));
    if (info.title !== undefined) el.attributes.set('title', info.title);
    if (info.value !== undefined) el.value = info.value;
    if (info.type !== undefined) el.attributes.set('type', info.type);
    if (info.placeholder !== undefined) el.attributes.set('placeholder', info.placeholder);
    if (info.href !== undefined) el.attributes.set('href', info.href);
    el.parentElement = this;
    if (info.prepend) this.children.unshift(el);
    else this.children.push(el);
    callback?.(el);
    return el;
  }
  createDiv(o?: ElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
    return this.createEl('div', o, callback);
  }
  createSpan(o?: ElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
    return this.createEl('span', o, callback);
  }
  appendChild<T extends FakeElement>(child: T): T {
    child.detach();
    child.parentElement = this;
    this.children.push(child);
    return child;
  }
  empty(): void {
    for (const child of this.children) child.parentElement = null;
    this.children = [];
    this.ownText = '';
  }
  detach(): void {
    if (!this.parentElement) return;
    this.parentElement.children = this.parentElement.children.filter((c) => c !== this);
    this.parentElement = null;
  }
  remove(): void {
    this.detach();
  }
  setText(text: string): void {
    this.textContent = text;
  }
  appendText(text: string): void {
    this.createEl('span', { text });
  }
  addClass(...classes: string[]): void {
    for (const c of classes) this.classList.add(c);
  }
  addClasses(classes: string[]): void {
    this.addClass(...classes);
  }
  removeClass(...classes: string[]): void {
    for (const c of classes) this.classList.delete(c);
  }
  toggleClass(classes: string | string[], value: boolean): void {
    for (const c of Array.isArray(classes) ? classes : [classes]) {
      if (value) this.classList.add(c);
      else this.classList.delete(c);
    }
  }
  hasClass(cls: string): boolean {
    return this.classList.has(cls);
  }
  setAttr(name: string, value: string | number | boolean | null): void {
    if (value === null) this.attributes.delete(name);
    else this.attributes.set(name, String(value));
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttr(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  getAttribute(name: string): string | null {
    return this.getAttr(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  focus(): void {}
  select(): void {}

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }
  /** Fires an event at this element the way a person's click or keystroke would. */
  dispatch(type: string, extra: Partial<FakeEvent> = {}): FakeEvent {
    const event: FakeEvent = {
      type,
      target: this,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
      ...extra,
    };
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
    return event;
  }
  click(): void {
    this.dispatch('click');
  }

  /** Every descendant (depth first) that has the class. */
  findAll(cls: string): FakeElement[] {
    const found: FakeElement[] = [];
    for (const child of this.children) {
      if (child.classList.has(cls)) found.push(child);
      found.push(...child.findAll(cls));
    }
    return found;
  }
  find(cls: string): FakeElement | null {
    return this.findAll(cls)[0] ?? null;
  }
}

/** The stand-in's elements are typed as the DOM's so plugin code type-checks against obsidian.d.ts. */
export function asHTMLElement(el: FakeElement): HTMLElement {
  return el as unknown as HTMLElement;
}
export function asFake(el: HTMLElement): FakeElement {
  return el as unknown as FakeElement;
}
