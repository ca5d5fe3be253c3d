// The "Top picks" library in Obsidian (issue #10): which paper notes the person kept, and the
// ranker's index of them, both cached in the plugin's folder. Keep keys and tags come from the
// metadata cache; a note's text is read only when it is new or changed since the last run.
import type { App, TFile } from 'obsidian';
import { keepRules, keptByRules, propertyTags, type KeepRule } from '../core/notes/keep-keys';
import { libraryItemOf, noteLibraryFacts } from '../core/notes/library-items';
import type { LibraryCache } from '../core/notes/library-source';
import type { LibraryItem } from '../core/rank/library';
import type { IndexedPaperNote } from '../core/vault/store';

export const LIBRARY_NOTES_FILE = 'library-notes.json';
export const LIBRARY_INDEX_FILE = 'library.json';

/** What a note's text said, by its mtime and size. Title and abstract only for notes that were kept. */
interface NoteEntry {
  m: number;
  s: number;
  /** The person wrote outside the generated block. */
  w: boolean;
  t?: string;
  b?: string;
  /** Its first digest's date (ms). */
  l?: number;
}

export class LibraryNotes {
  private entries: Map<string, NoteEntry> | null = null;
  /** Notes whose text the last items() read, for tests and diagnostics. */
  lastReads = 0;

  constructor(
    private readonly app: App,
    /** The plugin's own folder, e.g. ".obsidian/plugins/paper-feed". */
    private readonly folder: string,
  ) {}

  /** The kept paper notes among `papers` (the note index's), as library items. */
  async items(papers: ReadonlyMap<string, IndexedPaperNote>, keepKeys: readonly string[]): Promise<LibraryItem[]> {
    const entries = await this.loadEntries();
    const rules = keepRules(keepKeys);
    const items: LibraryItem[] = [];
    const seen = new Set<string>();
    let changed = false;
    this.lastReads = 0;
    for (const [id, { path }] of papers) {
      const file = this.app.vault.getFileByPath(path);
      if (!file) continue;
      seen.add(path);
      const cache = this.app.metadataCache.getFileCache(file);
      const properties = cache?.frontmatter ?? {};
      const tags = [...propertyTags(properties), ...(cache?.tags ?? []).map((t) => t.tag.replace(/^#/, ''))];
      const marked = keptByRules(rules, properties, tags);
      let entry = entries.get(path);
      const stale = !entry || entry.m !== file.stat.mtime || entry.s !== file.stat.size;
      // A note kept by a key added since its text was read needs its title and abstract now.
      if (stale || (marked && entry?.b === undefined && !entry?.w)) {
        entry = await this.read(file, rules, marked);
        entries.set(path, entry);
        changed = true;
      }
      if (!entry || !(entry.w || marked)) continue;
      const facts = { kept: true, written: entry.w, title: entry.t ?? '', abstract: entry.b ?? '', ...(entry.l !== undefined ? { listedAt: entry.l } : {}) };
      items.push(libraryItemOf(id, path, facts, file.stat.ctime || undefined));
    }
    for (const path of [...entries.keys()]) {
      if (!seen.has(path)) changed = entries.delete(path) || changed;
    }
    if (changed) await this.saveEntries(entries);
    return items;
  }

  /** Where writeAnnouncement keeps the library's index between runs. */
  indexCache(): LibraryCache {
    const path = `${this.folder}/${LIBRARY_INDEX_FILE}`;
    const { adapter } = this.app.vault;
    return {
      load: async () => {
        try {
          return (await adapter.exists(path)) ? (JSON.parse(await adapter.read(path)) as unknown) : undefined;
        } catch {
          return undefined; // a damaged cache is rebuilt from the notes
        }
      },
      save: (json) => adapter.write(path, JSON.stringify(json)),
    };
  }

  private async read(file: TFile, rules: readonly KeepRule[], marked: boolean): Promise<NoteEntry> {
    this.lastReads += 1;
    const facts = noteLibraryFacts(await this.app.vault.cachedRead(file), rules);
    const entry: NoteEntry = { m: file.stat.mtime, s: file.stat.size, w: facts.written };
    if (facts.kept || marked) {
      entry.t = facts.title;
      entry.b = facts.abstract;
      if (facts.listedAt !== undefined) entry.l = facts.listedAt;
    }
    return entry;
  }

  private async loadEntries(): Promise<Map<string, NoteEntry>> {
    if (this.entries) return this.entries;
    const path = `${this.folder}/${LIBRARY_NOTES_FILE}`;
    const entries = new Map<string, NoteEntry>();
    try {
      if (await this.app.vault.adapter.exists(path)) {
        const stored = JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
        for (const [notePath, entry] of Object.entries(isRecord(stored) ? stored : {})) {
          if (isNoteEntry(entry)) entries.set(notePath, entry);
        }
      }
    } catch {
      entries.clear(); // an unreadable cache costs one read of each paper note
    }
    this.entries = entries;
    return entries;
  }

  private async saveEntries(entries: Map<string, NoteEntry>): Promise<void> {
    try {
      await this.app.vault.adapter.write(`${this.folder}/${LIBRARY_NOTES_FILE}`, JSON.stringify(Object.fromEntries(entries)));
    } catch {
      // Only saves reading time; the next run reads the notes again.
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNoteEntry(value: unknown): value is NoteEntry {
  if (!isRecord(value) || typeof value.m !== 'number' || typeof value.s !== 'number' || typeof value.w !== 'boolean') return false;
  return (value.t === undefined || typeof value.t === 'string') && (value.b === undefined || typeof value.b === 'string') && (value.l === undefined || typeof value.l === 'number');
}
