// Finds Paper Feed's notes anywhere in a vault on disk by their frontmatter (so renamed and moved
// notes are still found). A cache in `.paper-feed/index.json`, keyed by path, mtime and size,
// means a run only stats unchanged notes instead of reading them again; it also remembers which
// paper notes the person kept, for the "Top picks" library (issue #10).

import { open, readdir, readFile, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { keepRules, type KeepRule } from '../notes/keep-keys';
import { libraryItemOf, noteLibraryFacts } from '../notes/library-items';
import type { LibraryItem } from '../rank/library';
import type { IndexedPaperNote, VaultIndex } from '../vault/store';
import { isTempFileName, removeIfAbandonedTemp, replaceFileAtomically } from './atomic-file';
import { frontmatterEnd, frontmatterFacts } from './frontmatter-facts';
import { indexOfMaps } from '../vault/index-of';

export const STATE_FOLDER = '.paper-feed';
const CACHE_FILE = 'index.json';
const CACHE_VERSION = 1;
/** Folders a vault keeps for tools, never notes: every dot-folder, plus node_modules. */
const SKIPPED_FOLDERS = new Set(['node_modules']);
const PARALLEL = 32;
/**
 * A note changed this shortly before it was read may change again within the same mtime tick
 * (whole seconds on some disks) without its size changing; such notes are cached as "read again
 * next time", as git does with racily clean files.
 */
const RACY_MS = 2000;
/** Frontmatter longer than this is not Paper Feed's; the note is indexed as a plain note. */
const MAX_FRONTMATTER_BYTES = 1024 * 1024;

/** What the cache remembers per note: its stat key plus the facts that matter to the index. */
interface CachedNote {
  m: number;
  s: number;
  /** arxiv_id, version, citekey */
  a?: string;
  v?: number;
  c?: string;
  /** Listing date of a daily note (has `date` and the daily tag). */
  d?: string;
  /**
   * Library facts (issue #10), for kept paper notes only: kept, title, abstract, and when the
   * note joined the library (ms: its first digest's date, else the file's creation).
   */
  k?: 1;
  t?: string;
  b?: string;
  n?: number;
}

interface LoadedCache {
  notes: Record<string, CachedNote>;
  /** The keep keys the library facts were decided by; absent when none were asked for yet. */
  keep?: string[];
}

interface FoundFile {
  path: string;
  absolute: string;
  mtimeMs: number;
  size: number;
  /** Creation time, when the file system keeps one. */
  birthtimeMs?: number;
}

export interface ScanResult {
  index: VaultIndex;
  /** How many notes were read (new or changed since the cache), for tests and diagnostics. */
  notesRead: number;
}

/**
 * The vault's index. With `keepKeys` it also lists the kept paper notes (`library`); their facts
 * are cached with the rest, so an unchanged note is not read again for them either.
 */
export async function scanVault(realRoot: string, keepKeys?: readonly string[]): Promise<ScanResult> {
  const cachePath = nodePath.join(realRoot, STATE_FOLDER, CACHE_FILE);
  const { notes: cache, keep: cachedKeep } = await loadCache(cachePath);
  // Facts are decided by the keys asked for, else by those the cache was built with; new keys
  // make every paper note's facts stale.
  const keep = keepKeys ? [...keepKeys] : cachedKeep;
  const keepChanged = keepKeys !== undefined && JSON.stringify(keep) !== JSON.stringify(cachedKeep);
  const rules = keep ? keepRules(keep) : undefined;
  await removeAbandonedTemps(nodePath.join(realRoot, STATE_FOLDER));
  const files = await findNotes(realRoot);

  const fresh: Record<string, CachedNote> = {};
  const toCache: Record<string, CachedNote> = {};
  const scanStarted = Date.now();
  let notesRead = 0;
  let changed = keepChanged || Object.keys(cache).length !== files.length;
  await inBatches(files, async (file) => {
    const cached = cache[file.path];
    if (cached && cached.m === file.mtimeMs && cached.s === file.size && !(keepChanged && cached.a !== undefined)) {
      fresh[file.path] = toCache[file.path] = cached;
      return;
    }
    changed = true;
    notesRead += 1;
    const entry = { m: file.mtimeMs, s: file.size, ...(await readFacts(file, rules)) };
    fresh[file.path] = entry;
    toCache[file.path] = scanStarted - file.mtimeMs < RACY_MS ? { ...entry, m: -1 } : entry;
  });
  if (changed) {
    // The cache only saves time; a vault we cannot write to will say so on the first note.
    const saved = { version: CACHE_VERSION, ...(keep ? { keep } : {}), notes: toCache };
    await replaceFileAtomically(cachePath, JSON.stringify(saved)).catch(() => undefined);
  }
  const index = buildIndex(fresh);
  return { index: keepKeys ? { ...index, library: libraryOf(fresh, index) } : index, notesRead };
}

/** The kept paper notes, each once: the note the index chose for its arXiv id. */
function libraryOf(notes: Record<string, CachedNote>, index: VaultIndex): LibraryItem[] {
  const items: LibraryItem[] = [];
  for (const [id, { path }] of index.papers) {
    const note = notes[path]!;
    if (note.k !== 1) continue;
    items.push(libraryItemOf(id, path, { kept: true, written: false, title: note.t ?? '', abstract: note.b ?? '' }, note.n));
  }
  return items;
}

function buildIndex(notes: Record<string, CachedNote>): VaultIndex {
  const papers = new Map<string, IndexedPaperNote>();
  const dailies = new Map<string, string>();
  // Sorted so that when a person duplicated a note, every run picks the same one.
  for (const path of Object.keys(notes).sort()) {
    const note = notes[path]!;
    if (note.a !== undefined && !papers.has(note.a)) {
      papers.set(note.a, {
        path,
        ...(note.v !== undefined ? { version: note.v } : {}),
        ...(note.c !== undefined ? { citekey: note.c } : {}),
      });
    }
    if (note.d !== undefined && !dailies.has(note.d)) dailies.set(note.d, path);
  }
  return indexOfMaps(papers, dailies);
}

async function readFacts(file: FoundFile, rules: readonly KeepRule[] | undefined): Promise<Omit<CachedNote, 'm' | 's'>> {
  const head = await readFrontmatterText(file.absolute);
  if (head === null) return {};
  const facts = frontmatterFacts(head);
  const entry: Omit<CachedNote, 'm' | 's'> = {};
  if (facts.arxivId !== undefined) entry.a = facts.arxivId;
  if (facts.version !== undefined) entry.v = facts.version;
  if (facts.citekey !== undefined) entry.c = facts.citekey;
  if (facts.dailyDate !== undefined) entry.d = facts.dailyDate;
  // Only paper notes can be kept, and only they are read whole.
  if (facts.arxivId !== undefined && rules) Object.assign(entry, await readLibraryFacts(file, rules));
  return entry;
}

async function readLibraryFacts(file: FoundFile, rules: readonly KeepRule[]): Promise<Pick<CachedNote, 'k' | 't' | 'b' | 'n'>> {
  let text: string;
  try {
    text = await readFile(file.absolute, 'utf8');
  } catch {
    return {}; // vanished since its frontmatter was read: not kept this run
  }
  const facts = noteLibraryFacts(text, rules);
  if (!facts.kept) return {};
  const addedAt = facts.listedAt ?? (file.birthtimeMs ? Math.round(file.birthtimeMs) : undefined);
  return { k: 1, t: facts.title, b: facts.abstract, ...(addedAt !== undefined ? { n: addedAt } : {}) };
}

/** The start of a note up to its frontmatter's end, read in growing chunks; null if none. */
async function readFrontmatterText(absolute: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(absolute, 'r');
    let size = 8192;
    for (;;) {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      if (!/^\uFEFF?---/.test(text)) return null;
      const end = frontmatterEnd(text);
      // The closing line must be read whole ("---" could be the start of "----" in the next chunk).
      if (end >= 0 && (bytesRead < size || text.indexOf('\n', end + 1) >= 0)) return text;
      if (bytesRead < size || size >= MAX_FRONTMATTER_BYTES) return null;
      size *= 4;
    }
  } catch {
    // A note that vanished or cannot be read is simply not one of ours this run.
    return null;
  } finally {
    await handle?.close();
  }
}

/** Every Markdown note in the vault with its stat key; removes crash debris on the way. */
async function findNotes(realRoot: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const absoluteFolder = nodePath.join(realRoot, folder);
    let entries;
    try {
      entries = await readdir(absoluteFolder, { withFileTypes: true });
    } catch {
      continue; // an unreadable folder holds no notes we could update anyway
    }
    const notes: string[] = [];
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      // Symlinks are not followed: they could loop or lead outside the vault.
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
      } else if (entry.isFile()) {
        if (isTempFileName(entry.name)) await removeStaleTemp(nodePath.join(absoluteFolder, entry.name));
        else if (entry.name.toLowerCase().endsWith('.md') && !entry.name.startsWith('.')) notes.push(path);
      }
    }
    await inBatches(notes, async (path) => {
      const absolute = nodePath.join(realRoot, path);
      try {
        const info = await stat(absolute);
        found.push({ path, absolute, mtimeMs: info.mtimeMs, size: info.size, ...(info.birthtimeMs > 0 ? { birthtimeMs: info.birthtimeMs } : {}) });
      } catch {
        // Deleted between listing and stat: not there, so not indexed.
      }
    });
  }
  return found;
}

async function removeAbandonedTemps(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) if (isTempFileName(name)) await removeStaleTemp(nodePath.join(folder, name));
}

async function removeStaleTemp(absolute: string): Promise<void> {
  const info = await stat(absolute).catch(() => null);
  if (info) await removeIfAbandonedTemp(absolute, info.mtimeMs);
}

/** Reads the cache; anything unreadable or of another shape means starting from scratch. */
async function loadCache(cachePath: string): Promise<LoadedCache> {
  try {
    const parsed: unknown = JSON.parse(await readFile(cachePath, 'utf8'));
    if (!isRecord(parsed) || parsed.version !== CACHE_VERSION || !isRecord(parsed.notes)) return { notes: {} };
    const notes: Record<string, CachedNote> = {};
    for (const [path, entry] of Object.entries(parsed.notes)) {
      if (isCachedNote(entry)) notes[path] = entry;
    }
    const keep = Array.isArray(parsed.keep) && parsed.keep.every((k) => typeof k === 'string') ? (parsed.keep as string[]) : undefined;
    return { notes, ...(keep ? { keep } : {}) };
  } catch {
    return { notes: {} };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCachedNote(value: unknown): value is CachedNote {
  if (!isRecord(value) || typeof value.m !== 'number' || typeof value.s !== 'number') return false;
  const optional = (key: string, type: string) => value[key] === undefined || typeof value[key] === type;
  return (
    optional('a', 'string') && optional('v', 'number') && optional('c', 'string') && optional('d', 'string') &&
    (value.k === undefined || value.k === 1) && optional('t', 'string') && optional('b', 'string') && optional('n', 'number')
  );
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) {
    await Promise.all(items.slice(i, i + PARALLEL).map(work));
  }
}
