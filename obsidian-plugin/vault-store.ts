// The core's VaultStore over Obsidian's Vault API: create with vault.create, edit with
// vault.process (atomic against the editor and other plugins), find notes through the VaultNoteIndex.
// Every path passes through normalizePath.
import { normalizePath, TFolder, type App } from 'obsidian';
import { PaperFeedError } from '../core/errors';
import type { IndexOptions, VaultIndex, VaultStore } from '../core/vault/store';
import type { LibraryNotes } from './library-notes';
import type { VaultNoteIndex } from './vault-note-index';

export class ObsidianStore implements VaultStore {
  constructor(
    private readonly app: App,
    private readonly notes: VaultNoteIndex,
    /** The kept paper notes for "Top picks"; without it the index lists none. */
    private readonly library?: LibraryNotes,
  ) {}

  async index(options: IndexOptions = {}): Promise<VaultIndex> {
    const index = await this.notes.snapshot();
    if (!options.keepKeys || !this.library) return index;
    return { ...index, library: await this.library.items(options.keepKeys) };
  }

  async read(path: string): Promise<string | null> {
    const file = this.app.vault.getFileByPath(normalizePath(path));
    return file ? this.app.vault.read(file) : null;
  }

  async occupant(path: string): Promise<string | null> {
    const target = normalizePath(path);
    if (this.app.vault.getAbstractFileByPath(target)) return target;
    // The vault may sync to a phone or a Mac, where "Café.md" and "café.md" are one file.
    return this.notes.holderOf(target);
  }

  async createdAt(path: string): Promise<number | undefined> {
    return this.app.vault.getFileByPath(normalizePath(path))?.stat.ctime;
  }

  async create(path: string, content: string): Promise<void> {
    const target = normalizePath(path);
    const slash = target.lastIndexOf('/');
    if (slash > 0) await this.ensureFolder(target.slice(0, slash));
    // vault.create refuses a taken path with "File already exists.", which the core relies on.
    await this.app.vault.create(target, content);
    this.notes.noteWritten(target, content);
  }

  async process(path: string, fn: (current: string) => string): Promise<string> {
    const target = normalizePath(path);
    const file = this.app.vault.getFileByPath(target);
    if (!file) {
      throw new PaperFeedError('vault', `The note "${target}" disappeared while Paper Feed was updating it; run the fetch again.`);
    }
    // An unchanged note is not written at all, so sync and "modified" times stay quiet.
    const current = await this.app.vault.read(file);
    if (fn(current) === current) return current;
    // process re-reads the note and applies fn to what is there now, so an edit saved in between
    // (the editor's autosave) is kept.
    const written = await this.app.vault.process(file, fn);
    this.notes.noteWritten(target, written);
    return written;
  }

  resolveLink(linkpath: string, sourcePath: string): string | null {
    return this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null;
  }

  /**
   * Obsidian writes each note whole on its own; what is left at a run's end is the Top picks
   * library learning of the notes the run wrote, so the next run has nothing to save.
   */
  async flush(): Promise<void> {
    await this.library?.catchUp();
  }

  private async ensureFolder(folder: string): Promise<void> {
    const existing = this.app.vault.getAbstractFileByPath(folder);
    if (existing instanceof TFolder) return;
    if (existing) {
      throw new PaperFeedError('vault', `"${folder}" is a file, so Paper Feed cannot put notes in it; choose another folder in the settings.`);
    }
    try {
      await this.app.vault.createFolder(folder);
    } catch (error) {
      // Another writer (sync, a second window) may have made it a moment ago.
      if (!(this.app.vault.getAbstractFileByPath(folder) instanceof TFolder)) throw error;
    }
  }
}
