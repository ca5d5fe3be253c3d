// Zotero in Obsidian, desktop only: the running Zotero as the Top picks library (its
// copy kept in the plugin folder beside the library index), "Save to Zotero" for the paper note in
// view, the paper under the cursor in a daily note and obsidian://paper-feed?zotero=ID links, which
// records the item as `zotero: KEY` in the paper note, and "Open in Zotero".
import { MarkdownView, Notice, Platform, TFile, type App } from 'obsidian';
import { librarySource, type PaperFeedConfig } from '../core/config';
import { messageFor } from '../core/errors';
import type { LibraryCache, ZoteroLibrarySource } from '../core/notes/library-source';
import { readArxivId } from '../core/notes/note-facts';
import { texToPlain } from '../core/text/tex-tokens';
import { saveMessage, Zotero, zoteroSelectLink } from '../core/zotero/zotero';
import { requestUrlTransport } from './http';
import { jsonFileCache } from './json-file-cache';
import type { VaultNoteIndex } from './vault-note-index';
import { paperNoteInView, paperNoteOf, type PaperNote } from './paper-note';
import { paperAbstractOf, paperIdNear } from './zotero-text';

export const ZOTERO_CACHE_FILE = 'zotero-library.json';

export class ZoteroActions {
  private client: Zotero | undefined;

  constructor(
    private readonly app: App,
    private readonly folder: string,
    private readonly notes: VaultNoteIndex,
    private readonly config: () => PaperFeedConfig,
  ) {}

  /** Zotero runs on the desktop; on phones and tablets none of this is offered. */
  get available(): boolean {
    return Platform.isDesktopApp;
  }

  /** The library source for a run, when the settings choose the running Zotero and it can be reached. */
  library(config: PaperFeedConfig): ZoteroLibrarySource | undefined {
    if (!this.available || librarySource(config.library) !== 'zotero') return undefined;
    return this.zotero(config).library;
  }

  /** checkCallback for "Save this paper to Zotero": a paper note, or a daily note with the cursor on a paper. */
  saveInView(checking: boolean): boolean {
    if (!this.available) return false;
    const note = paperNoteInView(this.app);
    const id = note ? undefined : this.paperUnderCursor();
    if (!note && !id) return false;
    if (!checking) void (note ? this.save(note) : this.saveById(id!));
    return true;
  }

  /** checkCallback for "Open this paper in Zotero": a paper note saved to Zotero (with `zotero:`). */
  openInView(checking: boolean): boolean {
    const note = paperNoteInView(this.app);
    const key = note ? itemKeyOf(this.app.metadataCache.getFileCache(note.file)?.frontmatter) : undefined;
    if (!key) return false;
    if (!checking) window.open(zoteroSelectLink(key));
    return true;
  }

  /** obsidian://paper-feed?zotero=ID */
  async saveById(id: string): Promise<void> {
    if (!this.available) {
      new Notice('Saving to Zotero works in Obsidian on the desktop, where Zotero runs.');
      return;
    }
    const note = (await this.notes.snapshot()).papers.get(id);
    const file = note ? this.app.vault.getFileByPath(note.path) : null;
    const paperNote = file ? paperNoteOf(file, this.app.metadataCache.getFileCache(file)?.frontmatter) : null;
    if (!paperNote) {
      new Notice(`This vault has no note for arXiv:${id}, so there is nothing to save from; fetch the paper first.`);
      return;
    }
    await this.save(paperNote);
  }

  /** The arXiv id of the paper under the cursor in the note in view (a daily note). */
  private paperUnderCursor(): string | undefined {
    const view = this.app.workspace.getActiveViewOfType(MarkdownView);
    const file = view?.file;
    if (!view || !(file instanceof TFile)) return undefined;
    const cursor = view.editor.getCursor();
    const lines = view.editor.getValue().split('\n');
    const resolve = (link: string): string | undefined => {
      const target = this.app.metadataCache.getFirstLinkpathDest(link, file.path);
      return target ? readArxivId(this.app.metadataCache.getFileCache(target)?.frontmatter?.arxiv_id) : undefined;
    };
    return paperIdNear(lines, cursor.line, resolve);
  }

  private async save(note: PaperNote): Promise<void> {
    try {
      const paper = { ...note.paper, abstract: paperAbstractOf(await this.app.vault.cachedRead(note.file)) };
      const outcome = await this.zotero(this.config()).save(paper);
      if (outcome.itemKey) {
        const key = outcome.itemKey;
        await this.app.fileManager.processFrontMatter(note.file, (frontmatter: Record<string, unknown>) => {
          if (frontmatter.zotero !== key) frontmatter.zotero = key;
        });
      }
      new Notice(saveMessage(texToPlain(paper.title), outcome));
    } catch (error) {
      new Notice(messageFor(error), 10_000);
    }
  }

  private zotero(config: PaperFeedConfig): Zotero {
    const port = config.library.zoteroPort ?? 23119;
    if (this.client?.endpoint.port !== port) this.client = new Zotero({ transport: requestUrlTransport, port, cache: this.cache() });
    return this.client;
  }

  private cache(): LibraryCache {
    return jsonFileCache(this.app, `${this.folder}/${ZOTERO_CACHE_FILE}`);
  }
}

function itemKeyOf(frontmatter: unknown): string | undefined {
  const value = frontmatter && typeof frontmatter === 'object' ? (frontmatter as Record<string, unknown>).zotero : undefined;
  return typeof value === 'string' && /^[A-Z0-9]{8}$/.test(value.trim()) ? value.trim() : undefined;
}
