// The "Top picks" library in Obsidian: which paper notes the person kept, and the
// ranker's index of them, both cached in the plugin's folder. Keep keys and tags come from the
// metadata cache; a note's text is read only when it is new or changed since the last run.
import type { App, CachedMetadata, TFile } from 'obsidian';
import { keepRules, keptByRules, propertyTags, type KeepRule } from '../core/notes/keep-keys';
import { libraryItemOf, noteLibraryFacts, type NoteLibraryFacts } from '../core/notes/library-items';
import type { LibraryCache } from '../core/notes/library-source';
import type { LibraryItem } from '../core/rank/library';
import { LibraryNotesFile, type NoteEntry } from './library-notes-file';
import { HAS_ABSTRACT, STALE, WRITTEN, type NoteEntries } from './note-entries';
import { jsonFileCache } from './json-file-cache';
import type { VaultNoteIndex } from './vault-note-index';

export const LIBRARY_INDEX_FILE = 'library.json';

export class LibraryNotes {
  private readonly file: LibraryNotesFile;
  private entries: NoteEntries | null = null;
  /** Notes whose entry changed since the last save. */
  private readonly unsaved = new Set<string>();
  /** The library as of the last run: kept paper notes by path. */
  private readonly kept = new Map<string, LibraryItem>();
  /** Paper notes changed, moved or gone since the last run; only these are looked at again. */
  private dirty = new Set<string>();
  /** The keep keys of the last run: other keys mean every paper note is looked at again. */
  private keysOfLastRun: string | null = null;
  /** True until the session's first pass: later ones cannot trust the stamp taken at the build. */
  private fresh = true;
  /** Notes whose text the last items() read (at a run's start), for tests and diagnostics. */
  lastReads = 0;
  /** Notes whose text was read, ever. */
  private reads = 0;

  constructor(
    private readonly app: App,
    /** The plugin's own folder, e.g. ".obsidian/plugins/paper-feed". */
    private readonly folder: string,
    private readonly notes: VaultNoteIndex,
  ) {
    this.file = new LibraryNotesFile(app.vault.adapter, folder);
    notes.onChange((path, from) => this.noteChanged(path, from));
  }

  /** The kept paper notes among those the note index holds, as library items. */
  async items(keepKeys: readonly string[]): Promise<LibraryItem[]> {
    this.entries ??= await this.file.load();
    const entries = this.entries;
    const rules = keepRules(keepKeys);
    const keys = JSON.stringify(keepKeys);
    // Each path with its note's id when known as the pass began (see check).
    let paths: Iterable<[string, string | undefined]>;
    const firstPass = keys !== this.keysOfLastRun;
    let everyNote = false;
    if (firstPass) {
      // The first run, or new keep keys.
      this.keysOfLastRun = keys;
      this.kept.clear();
      const unchanged = this.fresh && entries.passKeys === keys && (await this.unchangedSinceBuild(entries));
      this.fresh = false;
      const candidates = unchanged ? entries.candidates() : [];
      // The stamp folds case (as macOS and Windows name files): a note whose name changed only in
      // case keeps it, so each candidate must still be a paper note the index holds.
      if (unchanged && candidates.every((path) => this.notes.paperIdAt(path) !== undefined)) {
        // Every paper note is as the entries last saw it, under these keys: only the notes that
        // may be kept, and those changed since the index was built, are looked at.
        paths = Array.from(new Set([...candidates, ...this.dirty]), (path): [string, undefined] => [path, undefined]);
      } else {
        // One pass over every paper note (and then every cached one the pass did not meet, to
        // drop notes that went while Obsidian was closed).
        everyNote = true;
        entries.startPass();
        paths = this.notes.paperNotes();
      }
    } else {
      paths = Array.from(this.dirty, (path): [string, undefined] => [path, undefined]);
    }
    this.dirty = new Set();
    const readsBefore = this.reads;
    // The ids listed hold until the pass first waits for a read: then the vault may have moved on.
    let listed = true;
    for (const [path, id] of paths) {
      const reading = this.check(path, rules, entries, listed ? id : undefined);
      if (reading) {
        listed = false;
        await reading;
      }
    }
    if (everyNote) {
      for (const path of entries.untouched()) {
        const reading = this.check(path, rules, entries);
        if (reading) await reading;
      }
      entries.passKeys = keys;
    }
    this.lastReads = this.reads - readsBefore;
    const unsaved = new Set(this.unsaved);
    this.unsaved.clear();
    await this.file.save(entries, unsaved);
    return [...this.kept.values()];
  }

  /**
   * At the end of a run: looks at the notes the run wrote, with the run's keep keys, and saves
   * what changed, so the next run (a second fetch of the same announcement) has nothing to save.
   */
  async catchUp(): Promise<void> {
    const entries = this.entries;
    if (!entries || this.keysOfLastRun === null || this.dirty.size === 0) return;
    const rules = keepRules(JSON.parse(this.keysOfLastRun) as string[]);
    const paths = this.dirty;
    this.dirty = new Set();
    for (const path of paths) {
      const reading = this.check(path, rules, entries);
      if (reading) await reading;
    }
    const unsaved = new Set(this.unsaved);
    this.unsaved.clear();
    await this.file.save(entries, unsaved);
  }

  /**
   * Whether the paper notes are, by path, mtime and size, the ones the entries describe: the
   * stamp of the notes as the index found them at start-up against the entries' own. Only the
   * first pass of a session asks; a change since the build is among the dirty notes.
   */
  private async unchangedSinceBuild(entries: NoteEntries): Promise<boolean> {
    const atBuild = await this.notes.paperStampAtBuild();
    return atBuild?.equals(entries.stamp()) ?? false;
  }

  /** Where writeAnnouncement keeps the library's index between runs. */
  indexCache(): LibraryCache {
    return jsonFileCache(this.app, `${this.folder}/${LIBRARY_INDEX_FILE}`);
  }

  /**
   * Brings what the library knows of one note up to date: kept or not, and its cached facts. Most
   * notes need nothing read, and are settled at once (no promise, so a pass over 50,000 notes
   * does not wait a turn for each); a note whose text must be read answers with the promise of that.
   */
  private check(path: string, rules: readonly KeepRule[], entries: NoteEntries, listedId?: string): Promise<void> | undefined {
    const id = listedId ?? this.notes.paperIdAt(path);
    const file = id === undefined ? null : this.app.vault.getFileByPath(path);
    if (id === undefined || !file) {
      this.kept.delete(path);
      if (entries.delete(path)) this.unsaved.add(path);
      return undefined;
    }
    const cache = this.app.metadataCache.getFileCache(file);
    const marked = cache ? keptByRules(rules, cache.frontmatter ?? {}, tagsOf(cache)) : false;
    const state = entries.current(path, file.stat.mtime, file.stat.size);
    const written = (state & WRITTEN) !== 0;
    // A note kept by a key added since its text was read needs its title and abstract now; one
    // the metadata cache has not reached yet is judged by its text.
    if (state === STALE || !cache || (marked && (state & HAS_ABSTRACT) === 0 && !written))
      return this.readAgain(path, id, file, Boolean(cache), marked, rules, entries);
    // Nearly every note is neither written in nor marked: out, without building its entry.
    if (!(written || marked)) this.kept.delete(path);
    else this.settle(path, id, file, entries.get(path)!, marked);
    return undefined;
  }

  /** check() for a note whose text must be read: its entry made again from the text. */
  private async readAgain(
    path: string,
    id: string,
    file: TFile,
    cached: boolean,
    marked: boolean,
    rules: readonly KeepRule[],
    entries: NoteEntries,
  ): Promise<void> {
    let facts: NoteLibraryFacts;
    try {
      facts = await this.read(file, rules);
    } catch {
      this.dirty.add(path); // gone or unreadable just now: its event, or the next run, settles it
      return;
    }
    const entry = entryOf(file, facts, marked);
    entries.set(path, entry);
    this.unsaved.add(path);
    this.settle(path, id, file, entry, cached ? marked : facts.kept);
  }

  /** The note in the library or out of it, by its entry and the keep keys. */
  private settle(path: string, id: string, file: TFile, entry: NoteEntry, marked: boolean): void {
    if (!(entry.w || marked)) {
      this.kept.delete(path);
      return;
    }
    const facts = { kept: true, written: entry.w, title: entry.t ?? '', abstract: entry.b ?? '', ...(entry.l !== undefined ? { listedAt: entry.l } : {}) };
    this.kept.set(path, libraryItemOf(id, path, facts, file.stat.ctime || undefined));
  }

  /** A move keeps the note's cached facts (its text and mtime did not change); anything else is looked at next run. */
  private noteChanged(path: string, from?: string): void {
    this.dirty.add(path);
    if (from === undefined) return;
    this.dirty.add(from);
    const entry = this.entries?.get(from);
    if (this.entries && entry) {
      this.entries.delete(from);
      this.entries.set(path, entry);
      this.unsaved.add(from).add(path);
    }
  }

  private async read(file: TFile, rules: readonly KeepRule[]): Promise<NoteLibraryFacts> {
    this.reads += 1;
    return noteLibraryFacts(await this.app.vault.cachedRead(file), rules);
  }
}

function entryOf(file: TFile, facts: NoteLibraryFacts, marked: boolean): NoteEntry {
  const entry: NoteEntry = { m: file.stat.mtime, s: file.stat.size, w: facts.written };
  if (facts.kept || marked) {
    entry.t = facts.title;
    entry.b = facts.abstract;
    if (facts.listedAt !== undefined) entry.l = facts.listedAt;
  }
  return entry;
}

/** Every tag of the note as the metadata cache has them: properties, then the body's, without "#". */
function tagsOf(cache: CachedMetadata): string[] {
  const tags = propertyTags(cache.frontmatter ?? {});
  for (const { tag } of cache.tags ?? []) tags.push(tag.startsWith('#') ? tag.slice(1) : tag);
  return tags;
}
