// Finds Paper Feed's notes anywhere in a vault on disk by their frontmatter (so renamed and moved
// notes are still found). A cache in `.paper-feed/index.json`, keyed by path, mtime and size,
// means a run only stats unchanged notes instead of reading them again.

import { open, readdir, readFile, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { IndexedPaperNote, VaultIndex } from '../vault/store';
import { isTempFileName, removeIfAbandonedTemp, replaceFileAtomically } from './atomic-file';
import { frontmatterEnd, frontmatterFacts } from './frontmatter-facts';

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
}

interface FoundFile {
  path: string;
  absolute: string;
  mtimeMs: number;
  size: number;
}

export interface ScanResult {
  index: VaultIndex;
  /** How many notes were read (new or changed since the cache), for tests and diagnostics. */
  notesRead: number;
}

export async function scanVault(realRoot: string): Promise<ScanResult> {
  const cachePath = nodePath.join(realRoot, STATE_FOLDER, CACHE_FILE);
  const cache = await loadCache(cachePath);
  await removeAbandonedTemps(nodePath.join(realRoot, STATE_FOLDER));
  const files = await findNotes(realRoot);

  const fresh: Record<string, CachedNote> = {};
  const toCache: Record<string, CachedNote> = {};
  const scanStarted = Date.now();
  let notesRead = 0;
  let changed = Object.keys(cache).length !== files.length;
  await inBatches(files, async (file) => {
    const cached = cache[file.path];
    if (cached && cached.m === file.mtimeMs && cached.s === file.size) {
      fresh[file.path] = toCache[file.path] = cached;
      return;
    }
    changed = true;
    notesRead += 1;
    const entry = { m: file.mtimeMs, s: file.size, ...(await readFacts(file.absolute)) };
    fresh[file.path] = entry;
    toCache[file.path] = scanStarted - file.mtimeMs < RACY_MS ? { ...entry, m: -1 } : entry;
  });
  if (changed) {
    // The cache only saves time; a vault we cannot write to will say so on the first note.
    await replaceFileAtomically(cachePath, JSON.stringify({ version: CACHE_VERSION, notes: toCache })).catch(() => undefined);
  }
  return { index: buildIndex(fresh), notesRead };
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
  return { papers, dailies };
}

async function readFacts(absolute: string): Promise<Omit<CachedNote, 'm' | 's'>> {
  const head = await readFrontmatterText(absolute);
  if (head === null) return {};
  const facts = frontmatterFacts(head);
  const entry: Omit<CachedNote, 'm' | 's'> = {};
  if (facts.arxivId !== undefined) entry.a = facts.arxivId;
  if (facts.version !== undefined) entry.v = facts.version;
  if (facts.citekey !== undefined) entry.c = facts.citekey;
  if (facts.dailyDate !== undefined) entry.d = facts.dailyDate;
  return entry;
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
        found.push({ path, absolute, mtimeMs: info.mtimeMs, size: info.size });
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
async function loadCache(cachePath: string): Promise<Record<string, CachedNote>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(cachePath, 'utf8'));
    if (!isRecord(parsed) || parsed.version !== CACHE_VERSION || !isRecord(parsed.notes)) return {};
    const notes: Record<string, CachedNote> = {};
    for (const [path, entry] of Object.entries(parsed.notes)) {
      if (isCachedNote(entry)) notes[path] = entry;
    }
    return notes;
  } catch {
    return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCachedNote(value: unknown): value is CachedNote {
  if (!isRecord(value) || typeof value.m !== 'number' || typeof value.s !== 'number') return false;
  const optional = (key: string, type: string) => value[key] === undefined || typeof value[key] === type;
  return optional('a', 'string') && optional('v', 'number') && optional('c', 'string') && optional('d', 'string');
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) {
    await Promise.all(items.slice(i, i + PARALLEL).map(work));
  }
}
