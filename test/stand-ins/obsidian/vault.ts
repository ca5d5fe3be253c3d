// An in-memory Vault that keeps Obsidian's rules and error texts: create refuses a taken path with
// "File already exists.", process applies a synchronous edit to the latest text, and every change
// fires the vault's create/modify/rename/delete events after the operation has resolved, as the
// app's file watcher does. It is stricter than the app in two ways, on purpose: paths must already
// be normalised, and a note's folder must exist before the note.
import { Events } from './events';
import { normalizePath, TAbstractFile, TFile, TFolder } from './files';

export interface DataWriteOptions {
  ctime?: number;
  mtime?: number;
}

/** The plugin-data side of the adapter: Plugin.loadData/saveData keep data.json here. */
export class DataAdapter {
  private readonly files = new Map<string, string>();
  async exists(path: string): Promise<boolean> {
    return this.files.has(path);
  }
  async read(path: string): Promise<string> {
    const text = this.files.get(path);
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  }
  async write(path: string, data: string): Promise<void> {
    this.files.set(path, data);
  }
  /** Adds to the end of the file, creating it when missing, as the app's adapters do. */
  async append(path: string, data: string): Promise<void> {
    this.files.set(path, (this.files.get(path) ?? '') + data);
  }
  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }
}

export class Vault extends Events {
  configDir: string;
  adapter = new DataAdapter();
  /** Test aid: how many times a note's text was written (create, modify, process with a change). */
  writes = 0;
  private readonly name: string;
  private readonly root: TFolder;
  private readonly entries = new Map<string, TAbstractFile>();
  private readonly texts = new Map<string, string>();
  /** Events waiting to fire, in order; see emit(). */
  private readonly outbox: Array<[string, unknown[]]> = [];
  private idleWaiters: Array<() => void> = [];

  constructor(options: { name?: string; configDir?: string } = {}) {
    super();
    this.name = options.name ?? 'Test vault';
    this.configDir = options.configDir ?? '.obsidian';
    this.root = new TFolder(this, '/');
    this.root.name = '';
  }

  getName(): string {
    return this.name;
  }
  getRoot(): TFolder {
    return this.root;
  }
  getAbstractFileByPath(path: string): TAbstractFile | null {
    if (path === '/' || path === '') return this.root;
    return this.entries.get(path) ?? null;
  }
  getFileByPath(path: string): TFile | null {
    const entry = this.getAbstractFileByPath(path);
    return entry instanceof TFile ? entry : null;
  }
  getFolderByPath(path: string): TFolder | null {
    const entry = this.getAbstractFileByPath(path);
    return entry instanceof TFolder ? entry : null;
  }
  getAllLoadedFiles(): TAbstractFile[] {
    return [this.root, ...this.entries.values()];
  }
  getFiles(): TFile[] {
    return [...this.entries.values()].filter((e): e is TFile => e instanceof TFile);
  }
  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }

  async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
    requireNormalized(path);
    await tick();
    if (this.entries.has(path)) throw new Error('File already exists.');
    const parent = this.parentOf(path);
    const file = new TFile(this, path);
    this.attach(file, parent);
    this.store(file, data, options);
    this.emit('create', file);
    return file;
  }
  async createFolder(path: string): Promise<TFolder> {
    requireNormalized(path);
    await tick();
    if (this.entries.has(path)) throw new Error('Folder already exists.');
    const parts = path.split('/');
    let parent = this.root;
    for (let i = 1; i <= parts.length; i += 1) {
      const partial = parts.slice(0, i).join('/');
      const existing = this.entries.get(partial);
      if (existing instanceof TFolder) {
        parent = existing;
        continue;
      }
      if (existing) throw new Error(`A file is in the way of folder "${partial}".`);
      const folder = new TFolder(this, partial);
      this.attach(folder, parent);
      this.emit('create', folder);
      parent = folder;
    }
    return parent;
  }
  async read(file: TFile): Promise<string> {
    await tick();
    return this.textOf(file);
  }
  async cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }
  async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    await tick();
    this.textOf(file);
    this.store(file, data, options);
    this.emit('modify', file);
  }
  async append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    await tick();
    await this.modify(file, this.textOf(file) + data, options);
  }
  async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    await tick();
    // Read, edit and write with no await in between: nothing else can write in the gap.
    const current = this.textOf(file);
    const next = fn(current);
    if (next !== current) {
      this.store(file, next, options);
      this.emit('modify', file);
    }
    return next;
  }
  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    requireNormalized(newPath);
    await tick();
    if (this.entries.has(newPath)) throw new Error('Destination file already exists!');
    const newParent = this.parentOf(newPath);
    const moves = [file, ...(file instanceof TFolder ? descendants(file) : [])];
    const oldPaths = moves.map((entry) => entry.path);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    for (const [i, entry] of moves.entries()) {
      const oldPath = oldPaths[i]!;
      const path = newPath + oldPath.slice(oldPaths[0]!.length);
      this.entries.delete(oldPath);
      const text = this.texts.get(oldPath);
      this.texts.delete(oldPath);
      entry.setPath(path);
      this.entries.set(path, entry);
      if (text !== undefined) this.texts.set(path, text);
    }
    file.parent = newParent;
    newParent.children.push(file);
    for (const [i, entry] of moves.entries()) this.emit('rename', entry, oldPaths[i]);
  }
  async delete(file: TAbstractFile): Promise<void> {
    await tick();
    for (const entry of [...(file instanceof TFolder ? descendants(file) : []), file]) {
      this.entries.delete(entry.path);
      this.texts.delete(entry.path);
      this.emit('delete', entry);
    }
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
  }
  async trash(file: TAbstractFile): Promise<void> {
    await this.delete(file);
  }

  /** Test aid: puts a note (and its folders) in place, as if it had synced in from elsewhere. */
  async seed(path: string, data: string): Promise<TFile> {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (folder && !this.getFolderByPath(folder)) await this.createFolder(folder);
    const existing = this.getFileByPath(path);
    if (existing) {
      await this.modify(existing, data);
      return existing;
    }
    return this.create(path, data);
  }
  /** Test aid: resolves once every event of the operations so far has fired. */
  eventsFired(): Promise<void> {
    if (this.outbox.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
  /** Test aid: every note's text by path. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.texts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
  /** Test aid: the text of a note, or undefined. */
  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  /**
   * Fires an event once the operation's promise has resolved and its caller has gone on (the
   * next turn of the event loop), as the app reports changes through its file watcher.
   */
  private emit(name: string, ...data: unknown[]): void {
    this.outbox.push([name, data]);
    if (this.outbox.length > 1) return;
    realSetTimeout(() => {
      while (this.outbox.length > 0) {
        const [event, args] = this.outbox[0]!;
        this.trigger(event, ...args);
        this.outbox.shift();
      }
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }, 0);
  }

  private textOf(file: TFile): string {
    const text = this.texts.get(file.path);
    if (text === undefined || this.entries.get(file.path) !== file) throw new Error(`ENOENT: no such file or directory, open '${file.path}'`);
    return text;
  }
  private store(file: TFile, data: string, options?: DataWriteOptions): void {
    const now = Date.now();
    this.texts.set(file.path, data);
    file.stat = {
      ctime: options?.ctime ?? (file.stat.ctime || now),
      mtime: options?.mtime ?? now,
      size: new TextEncoder().encode(data).length,
    };
    this.writes += 1;
  }
  private parentOf(path: string): TFolder {
    const folderPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '/';
    const parent = this.getFolderByPath(folderPath);
    if (!parent) throw new Error(`ENOENT: no such file or directory, folder '${folderPath}' does not exist`);
    return parent;
  }
  private attach(entry: TAbstractFile, parent: TFolder): void {
    entry.parent = parent;
    parent.children.push(entry);
    this.entries.set(entry.path, entry);
  }
}

function descendants(folder: TFolder): TAbstractFile[] {
  return folder.children.flatMap((child) => [child, ...(child instanceof TFolder ? descendants(child) : [])]);
}

function requireNormalized(path: string): void {
  if (path !== normalizePath(path)) throw new Error(`Stand-in: the path "${path}" was not passed through normalizePath.`);
}

// Captured before any test installs fake timers: the file watcher runs on real time, like the app's.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** Vault calls are asynchronous in the app; so they are here. */
function tick(): Promise<void> {
  return Promise.resolve();
}
