// The person's library for one run: the kept paper notes the store's index found, plus
// the .bib or CSL-JSON file named in the settings, in a LibraryIndex restored from the host's cache
// so only papers added or edited since the last run are tokenised.

import type { SkippedItem } from '../arxiv/paper';
import { librarySource, type PaperFeedConfig } from '../config';
import { isPaperFeedError } from '../errors';
import { libraryFromBib } from '../rank/bibtex-reader';
import { libraryFromCslJson } from '../rank/csl-json';
import { LibraryIndex, type LibraryItem } from '../rank/library';
import type { VaultStore } from '../vault/store';

/** Where a host keeps the library's index between runs (CLI: .paper-feed/library.json). */
export interface LibraryCache {
  /** What the last save was given, or undefined when there is none. */
  load(): Promise<unknown>;
  save(json: unknown): Promise<void>;
}

/** For hosts and tests with nowhere to keep it: the index is built afresh each run. */
export const NO_LIBRARY_CACHE: LibraryCache = {
  load: async () => undefined,
  save: async () => undefined,
};

export interface LoadedLibrary {
  index: LibraryIndex;
  /** A library file that could not be used, said once; the notes still count. */
  problems: SkippedItem[];
}

/**
 * The running Zotero's library (core/zotero/library.ts), on desktop hosts. `refresh`
 * throws a PaperFeedError when Zotero cannot be reached; `items` then holds what the last refresh got.
 */
export interface ZoteroLibrarySource {
  refresh(): Promise<unknown>;
  items(): Promise<LibraryItem[]>;
  /** arXiv id → the citation key the person cites it with in Zotero. */
  citekeys(): Promise<Map<string, string>>;
  /** arXiv id → the Zotero item key, for every arXiv paper in the library. */
  itemKeys(): Promise<Map<string, string>>;
}

/**
 * Brings the Zotero library up to date once for a run. A failure is said once and the library as
 * Zotero last gave it is used; the run goes on.
 */
export async function refreshZotero(zotero: ZoteroLibrarySource, problems: SkippedItem[]): Promise<void> {
  try {
    await zotero.refresh();
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    problems.push({ ref: 'Zotero', reason: `${error.message.replace(/\.$/, '')} (Top picks used the library as Zotero last gave it)` });
  }
}

/** The vault access the library needs: reading the library file. */
export type LibraryFileReader = Pick<VaultStore, 'read'>;

export async function loadLibrary(
  store: LibraryFileReader,
  config: PaperFeedConfig,
  keptNotes: readonly LibraryItem[],
  cache: LibraryCache,
  zotero?: ZoteroLibrarySource,
): Promise<LoadedLibrary> {
  const { items, problems } = await libraryItems(store, config, keptNotes, zotero);
  let cached: unknown;
  try {
    cached = await cache.load();
  } catch {
    cached = undefined; // an unreadable cache only costs the tokenising it would have saved
  }
  const index = LibraryIndex.fromJSON(cached);
  const change = index.sync(items);
  if (change.added > 0 || change.removed > 0) await cache.save(index.toJSON()).catch(() => undefined);
  return { index, problems };
}

/**
 * Every library paper: the kept notes, then the entries of the library source (the running Zotero,
 * already refreshed by the caller, or the library file) that are not notes too. Where Zotero cannot
 * be asked (phones, VS Code for the web) the file stands in for it.
 */
export async function libraryItems(
  store: LibraryFileReader,
  config: PaperFeedConfig,
  keptNotes: readonly LibraryItem[],
  zotero?: ZoteroLibrarySource,
): Promise<{ items: LibraryItem[]; problems: SkippedItem[] }> {
  const problems: SkippedItem[] = [];
  const items = [...keptNotes];
  const source = librarySource(config.library);
  const file = config.library.file;
  const external = source === 'zotero' && zotero ? await zotero.items() : source !== 'off' && file ? await fileItems(store, file, problems) : undefined;
  if (external) {
    const fromFile = external;
    // A paper both kept as a note and exported from Zotero counts once, as the note (it has a link).
    const noted = new Set(keptNotes.map((item) => titleKey(item.title)));
    items.push(...fromFile.filter((item) => !noted.has(titleKey(item.title))));
  }
  return { items: dedupe(items), problems };
}

async function fileItems(store: LibraryFileReader, file: string, problems: SkippedItem[]): Promise<LibraryItem[]> {
  let text: string | null;
  try {
    text = await store.read(file);
  } catch (error) {
    problems.push({ ref: file, reason: `the library file could not be read (${isPaperFeedError(error) ? error.message.replace(/\.$/, '') : String(error)})` });
    return [];
  }
  if (text === null) {
    problems.push({ ref: file, reason: 'the library file named in the settings is not in the vault; export it there again or fix library.file' });
    return [];
  }
  try {
    if (/\.bib$/i.test(file)) return await libraryFromBib(text);
    return libraryFromCslJson(text);
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    problems.push({ ref: file, reason: error.message.replace(/\.$/, '') });
    return [];
  }
}

/** Two entries with one id (a .bib with a repeated key) would replace each other: the first stays. */
function dedupe(items: readonly LibraryItem[]): LibraryItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = item.id ?? item.noteName ?? item.title;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
