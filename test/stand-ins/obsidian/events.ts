// Obsidian's Events and Component, as the app behaves: `on` returns an EventRef, `offref` detaches
// it, and a Component undoes everything it registered (events, DOM listeners, intervals) on unload.
import type { FakeElement } from './dom';

// Callbacks take whatever the event carries; each emitter documents its own payload.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Callback = (...data: any[]) => unknown;

export interface EventRef {
  readonly emitter: Events;
  readonly name: string;
  readonly callback: Callback;
  readonly ctx: unknown;
}

export class Events {
  private readonly handlers = new Map<string, EventRef[]>();

  on(name: string, callback: Callback, ctx?: unknown): EventRef {
    const ref: EventRef = { emitter: this, name, callback, ctx };
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
    return ref;
  }
  off(name: string, callback: Callback): void {
    this.handlers.set(
      name,
      (this.handlers.get(name) ?? []).filter((r) => r.callback !== callback),
    );
  }
  offref(ref: EventRef): void {
    this.handlers.set(
      ref.name,
      (this.handlers.get(ref.name) ?? []).filter((r) => r !== ref),
    );
  }
  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
  }
  tryTrigger(ref: EventRef, args: unknown[]): void {
    try {
      ref.callback.apply(ref.ctx, args);
    } catch (e) {
      // Obsidian logs a throwing listener and carries on with the others.
      console.error(e);
    }
  }
  /** Test aid: how many listeners are attached to an event. */
  listenerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

export class Component {
  private loaded = false;
  private cleanups: Array<() => unknown> = [];
  private childComponents: Component[] = [];

  load(): void {
    if (!this.markLoaded()) return;
    void this.onload();
    for (const child of this.childComponents) child.load();
  }
  /** Flags the component loaded; false when it already was. */
  protected markLoaded(): boolean {
    if (this.loaded) return false;
    this.loaded = true;
    return true;
  }
  onload(): void | Promise<void> {}
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const child of this.childComponents) child.unload();
    const cleanups = this.cleanups;
    this.cleanups = [];
    for (const cleanup of cleanups.reverse()) cleanup();
    this.onunload();
  }
  onunload(): void {}
  addChild<T extends Component>(component: T): T {
    this.childComponents.push(component);
    if (this.loaded) component.load();
    return component;
  }
  removeChild<T extends Component>(component: T): T {
    this.childComponents = this.childComponents.filter((c) => c !== component);
    component.unload();
    return component;
  }
  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }
  registerEvent(eventRef: EventRef): void {
    this.register(() => eventRef.emitter.offref(eventRef));
  }
  registerDomEvent(el: FakeElement | Window | Document, type: string, callback: Callback): void {
    const target = el as unknown as FakeElement;
    target.addEventListener(type, callback);
    this.register(() => target.removeEventListener(type, callback));
  }
  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
  /** Test aid: how many undo steps are waiting for unload. */
  get registeredCount(): number {
    return this.cleanups.length;
  }
  get isLoaded(): boolean {
    return this.loaded;
  }
}
