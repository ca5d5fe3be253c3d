// The workspace: leaves that show notes, a Markdown view with an editor whose buffer is saved to the
// vault and reloads when the note changes underneath it, and onLayoutReady's queue.
import { Events } from './events';
import { TFile, type TAbstractFile } from './files';
import type { MetadataCache } from './metadata';
import type { Vault } from './vault';

/** An editor buffer over one note; typing changes the buffer, save() writes it like the app's autosave. */
export class Editor {
  private buffer: string;
  private savedText: string;
  private cursor = { line: 0, ch: 0 };
  constructor(
    private readonly vault: Vault,
    readonly file: TFile,
    text: string,
  ) {
    this.buffer = text;
    this.savedText = text;
  }
  getValue(): string {
    return this.buffer;
  }
  setValue(text: string): void {
    this.buffer = text;
  }
  getLine(line: number): string {
    return this.buffer.split('\n')[line] ?? '';
  }
  lineCount(): number {
    return this.buffer.split('\n').length;
  }
  getCursor(): { line: number; ch: number } {
    return { ...this.cursor };
  }
  setCursor(pos: { line: number; ch: number } | number, ch = 0): void {
    this.cursor = typeof pos === 'number' ? { line: pos, ch } : { ...pos };
  }
  get isDirty(): boolean {
    return this.buffer !== this.savedText;
  }
  async save(): Promise<void> {
    this.savedText = this.buffer;
    await this.vault.modify(this.file, this.buffer);
  }
  /** The note changed on disk: a clean buffer follows it, as the app's editor does. */
  reload(text: string): void {
    if (!this.isDirty) this.buffer = text;
    this.savedText = text;
  }
}

export class MarkdownView {
  file: TFile | null;
  editor: Editor;
  constructor(
    readonly leaf: WorkspaceLeaf,
    file: TFile,
    text: string,
  ) {
    this.file = file;
    this.editor = new Editor(file.vault, file, text);
  }
  getViewType(): string {
    return 'markdown';
  }
}

export class WorkspaceLeaf {
  view: MarkdownView | null = null;
  constructor(private readonly workspace: Workspace) {}
  async openFile(file: TFile): Promise<void> {
    const text = await file.vault.read(file);
    this.view = new MarkdownView(this, file, text);
    this.workspace.setActiveLeaf(this);
    this.workspace.trigger('file-open', file);
  }
  getViewState(): { type: string; state: { file?: string } } {
    return { type: this.view ? 'markdown' : 'empty', state: this.view?.file ? { file: this.view.file.path } : {} };
  }
  detach(): void {
    this.workspace.removeLeaf(this);
  }
}

export class Workspace extends Events {
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  private leaves: WorkspaceLeaf[] = [];
  private readyQueue: Array<() => unknown> = [];

  constructor(
    private readonly vault: Vault,
    private readonly metadataCache: MetadataCache,
  ) {
    super();
    vault.on('modify', (file: TAbstractFile) => {
      if (!(file instanceof TFile)) return;
      const text = vault.text(file.path) ?? '';
      for (const leaf of this.leaves) if (leaf.view?.file === file) leaf.view.editor.reload(text);
    });
    vault.on('delete', (file: TAbstractFile) => {
      for (const leaf of this.leaves) if (leaf.view?.file === file) leaf.view = null;
    });
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.readyQueue.push(callback);
  }
  /** Test aid: the app finished restoring its layout. */
  markLayoutReady(): void {
    this.layoutReady = true;
    const queue = this.readyQueue;
    this.readyQueue = [];
    for (const callback of queue) callback();
    this.trigger('layout-ready');
  }
  getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window'): WorkspaceLeaf {
    if (!newLeaf && this.activeLeaf) return this.activeLeaf;
    const leaf = new WorkspaceLeaf(this);
    this.leaves.push(leaf);
    return leaf;
  }
  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.activeLeaf = leaf;
    this.trigger('active-leaf-change', leaf);
  }
  removeLeaf(leaf: WorkspaceLeaf): void {
    this.leaves = this.leaves.filter((l) => l !== leaf);
    if (this.activeLeaf === leaf) this.activeLeaf = this.leaves[this.leaves.length - 1] ?? null;
  }
  getActiveFile(): TFile | null {
    return this.activeLeaf?.view?.file ?? null;
  }
  getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }
  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.leaves) callback(leaf);
  }
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | 'tab' | 'split' | 'window'): Promise<void> {
    const linkpath = linktext.split('#')[0]!.split('|')[0]!;
    let file = this.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
    // Like the app, following a link to a missing note creates it.
    file ??= await this.vault.create(linkpath.endsWith('.md') ? linkpath : `${linkpath}.md`, '');
    await this.getLeaf(newLeaf).openFile(file);
  }
}
