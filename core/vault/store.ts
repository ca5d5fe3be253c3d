// The small surface every vault implementation offers: in memory (tests), the Node file
// system (CLI) and Obsidian's Vault API. Paths are vault-relative with "/" separators.

import type { LibraryItem } from '../rank/library';

/** What a daily note records about its listing (its `matches` and `followed_authors`), kept with its index entry. */
export interface DigestTally {
  /** Group name → papers matched (groups with none are left out). */
  groups: ReadonlyMap<string, number>;
  /** Followed authors (as the person wrote them) with a matched paper. */
  authors: readonly string[];
}

export interface IndexedPaperNote {
  path: string;
  /** `version` frontmatter, when the note has one. */
  version?: number;
  /** `citekey` frontmatter, when the note has one. */
  citekey?: string;
}

/**
 * What the vault already holds, found by frontmatter rather than by file name, so a renamed or
 * moved note is still found. Built cheaply (Obsidian: metadata cache; CLI: cached scan).
 */
export interface VaultIndex {
  /** arXiv id (no version) → the note that has `arxiv_id: <id>`. get/has are cheap; walking it is not. */
  papers: ReadonlyMap<string, IndexedPaperNote>;
  /** Listing date (YYYY-MM-DD) → the daily note that has `date: <date>` and the daily tag. */
  dailies: ReadonlyMap<string, string>;
  /**
   * Whether an indexed paper note has this citekey, in any case. A run asks this for each new
   * note instead of walking `papers`, so a big index can answer without being materialised.
   */
  hasCitekey(citekey: string): boolean;
  /**
   * The key of the arXiv facts that the note `papers` holds for this id plainly states
   * (core/catch-up/up-to-date.ts), for stores that keep it: a catch-up check does not read a note
   * whose key is arXiv's. Undefined when unknown.
   */
  factsKey?(id: string): string | undefined;
  /**
   * Every citekey an indexed paper note has (as hasCitekey counts them) that starts with `prefix`
   * (lower case), in lower case. Stores that find them with one search offer it; a new note's key
   * then skips a run of taken suffixes at once (see core/cite/citekey.ts).
   */
  citekeysStartingWith?(prefix: string): Iterable<string>;
  /** Whether an indexed paper or daily note is at this path, compared by pathKey (NFC, any case). */
  hasPath(path: string): boolean;
  /**
   * Every note claiming this arXiv id when more than one does (a sync conflict copy, a duplicate),
   * the one `papers` holds first; undefined for one claim or none.
   */
  paperClaims?(id: string): readonly string[] | undefined;
  /** The same for daily notes, by listing date. */
  dailyClaims?(date: string): readonly string[] | undefined;
  /**
   * Listing date → what that day's daily note says it matched (its `matches` and
   * `followed_authors`), for the trends; get/has are cheap, walking it is not. Absent where the
   * store does not keep it: the daily note then has no trends.
   */
  tallies?: ReadonlyMap<string, DigestTally>;
  /**
   * The paper notes the person kept, as library items for "Top picks": present when
   * index() was given keepKeys and the store can tell (see core/notes/library-items.ts).
   */
  library?: LibraryItem[];
}

export interface IndexOptions {
  /** Also list the kept paper notes (`library`), by these keep keys (config.library.keepKeys). */
  keepKeys?: readonly string[];
}

export interface VaultStore {
  index(options?: IndexOptions): Promise<VaultIndex>;
  /** The file's text, or null when there is no such file. */
  read(path: string): Promise<string | null>;
  /**
   * The path of whatever already holds `path`'s name in its folder, compared as the strictest file
   * systems do (case and Unicode form folded: `Café.md` in NFD holds `café.md`), whoever made it:
   * a note, a folder, a dangling link. null when the name is free.
   */
  occupant(path: string): Promise<string | null>;
  /** When the file at `path` was created (ms), for stores that can tell; ranks duplicates. */
  createdAt?(path: string): Promise<number | undefined>;
  /**
   * Creates a new note (and its folders). Rejects with "File already exists." when the path
   * is taken. Never leaves a half-written file.
   */
  create(path: string, content: string): Promise<void>;
  /**
   * Atomically replaces a note's text with `fn(current)`. When `fn` returns `current`
   * unchanged nothing is written. Resolves to the text now in the file.
   */
  process(path: string, fn: (current: string) => string): Promise<string>;
  /**
   * Makes the creates and replaces so far durable (they survive a power cut). Stores that are
   * durable on each write have none. A run calls it after the paper notes, before the daily note
   * that links to them, and at its end.
   */
  flush?(): Promise<void>;
  /**
   * The vault path a link's path leads to from the note at `sourcePath`, as the app resolves it,
   * or null. Stores that cannot ask the app leave it out (see core/notes/link-resolution.ts).
   */
  resolveLink?(linkpath: string, sourcePath: string): string | null;
}
