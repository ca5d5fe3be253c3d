// One citekey per kept paper, the same in the tree, completion, hover and the .bib file. A paper
// note's own `citekey` wins (keys are stable once written); the rest come from the core's
// makeCitekey, given out oldest announcement first so a newer paper never takes an older one's key.
import type { Announcement, Paper } from '../../../core/arxiv/paper';
import { makeCitekey } from '../../../core/cite/citekey';
import type { BibEntryRef } from '../bibliography/bib-entries';
import { tryParseArxivId } from '../../../core/arxiv/ids';
import type { FeedCache } from '../cache/feed-cache';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';

export class Citekeys {
  private constructor(
    private readonly keyById: Map<string, string>,
    private readonly paperByKey: Map<string, Paper>,
    private readonly taken: Set<string>,
    /** Papers whose key came from the person's reference manager: a .bib entry under that key is theirs. */
    private readonly trusted: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Keys for `announcements` (newest first, as kept), with `noteKeys` (arXiv id → a note's citekey)
   * first, then `libraryKeys` (the keys the person's Zotero cites papers with) for papers
   * without a note, unless a note has that key.
   */
  static assign(announcements: readonly Announcement[], noteKeys: ReadonlyMap<string, string>, libraryKeys: ReadonlyMap<string, string> = new Map()): Citekeys {
    const keyById = new Map(noteKeys);
    const taken = new Set([...noteKeys.values()].map((k) => k.toLowerCase()));
    const trusted = new Set<string>();
    for (const [id, key] of libraryKeys) {
      if (keyById.has(id) || taken.has(key.toLowerCase())) continue;
      keyById.set(id, key);
      taken.add(key.toLowerCase());
      trusted.add(id);
    }
    const paperByKey = new Map<string, Paper>();
    for (const announcement of [...announcements].reverse()) {
      for (const paper of announcement.papers) {
        let key = keyById.get(paper.id);
        if (key === undefined) {
          key = makeCitekey(paper, taken);
          keyById.set(paper.id, key);
          taken.add(key.toLowerCase());
        }
        paperByKey.set(key.toLowerCase(), paper);
      }
    }
    return new Citekeys(keyById, paperByKey, taken, trusted);
  }

  /** The paper's key; a paper outside the cache gets a fresh one that clashes with none. */
  keyFor(paper: Paper): string {
    return this.keyById.get(paper.id) ?? makeCitekey(paper, this.taken);
  }

  /** The kept paper cited as `key` (case-insensitive, as BibTeX compares keys). */
  paperFor(key: string): Paper | undefined {
    return this.paperByKey.get(key.toLowerCase());
  }

  /**
   * These keys as seen from a .bib file: a paper that already has an entry (matched by `eprint`)
   * is cited by that entry's key, and a key the file uses for another paper is not reused.
   */
  withBibliography(entries: readonly BibEntryRef[]): Citekeys {
    if (entries.length === 0) return this;
    const keyById = new Map(this.keyById);
    const paperByKey = new Map(this.paperByKey);
    const taken = new Set(this.taken);
    const bibKeyById = new Map<string, string>();
    for (const entry of entries) {
      taken.add(entry.key.toLowerCase());
      const id = entry.eprint ? tryParseArxivId(entry.eprint)?.id : undefined;
      if (id && !bibKeyById.has(id)) bibKeyById.set(id, entry.key);
    }
    const bibOwner = new Map(entries.map((e) => [e.key.toLowerCase(), e.eprint ? tryParseArxivId(e.eprint)?.id : undefined]));
    for (const [id, key] of this.keyById) {
      const paper = this.paperByKey.get(key.toLowerCase());
      const inBib = bibKeyById.get(id);
      if (inBib !== undefined) {
        keyById.set(id, inBib);
        if (paper) paperByKey.set(inBib.toLowerCase(), paper);
        continue;
      }
      const owner = bibOwner.get(key.toLowerCase());
      // A BBT-exported entry under the key Zotero gave is this paper's, with or without an eprint.
      if (paper && bibOwner.has(key.toLowerCase()) && owner !== id && !(owner === undefined && this.trusted.has(id))) {
        const fresh = makeCitekey(paper, taken);
        taken.add(fresh.toLowerCase());
        if (paperByKey.get(key.toLowerCase()) === paper) paperByKey.delete(key.toLowerCase());
        keyById.set(id, fresh);
        paperByKey.set(fresh.toLowerCase(), paper);
      }
    }
    return new Citekeys(keyById, paperByKey, taken, this.trusted);
  }
}

/** No keys from a reference manager: one map, so the memo below holds while there are none. */
export const NO_LIBRARY_KEYS: ReadonlyMap<string, string> = new Map();

/** The current Citekeys, rebuilt only when the cache, the notes or the library's keys changed. */
export class CitekeyBook {
  private memo: { cacheVersion: number; notes: unknown; library: ReadonlyMap<string, string>; keys: Citekeys } | undefined;

  constructor(
    private readonly cache: FeedCache,
    private readonly notes: WorkspaceNoteIndex,
    /** arXiv id → the key the person's Zotero cites it with (none when Zotero is not the library); a new map when it changed. */
    private readonly libraryKeys: () => Promise<ReadonlyMap<string, string>> = async () => NO_LIBRARY_KEYS,
  ) {}

  async current(): Promise<Citekeys> {
    const announcements = await this.cache.load();
    const notes = await this.notes.notes();
    const library = await this.libraryKeys();
    if (this.memo?.cacheVersion === this.cache.version && this.memo.notes === notes && this.memo.library === library) return this.memo.keys;
    const noteKeys = new Map<string, string>();
    for (const [id, note] of notes) if (note.citekey) noteKeys.set(id, note.citekey);
    const keys = Citekeys.assign(announcements, noteKeys, library);
    this.memo = { cacheVersion: this.cache.version, notes, library, keys };
    return keys;
  }

  /** Forget the memo (the library's keys changed). */
  invalidate(): void {
    this.memo = undefined;
  }
}
