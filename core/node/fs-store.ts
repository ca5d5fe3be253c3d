// The vault store the CLI writes through: a folder on disk. Every path is checked to stay inside
// the vault, and every write is atomic (see ./atomic-file.ts), so a crash never leaves half a note.

import { lstat, opendir, readFile, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { isPaperFeedError, PaperFeedError } from '../errors';
import { pathKey } from '../vault/index-of';
import type { Duplicate } from '../vault/originals';
import type { SkippedItem } from '../arxiv/paper';
import type { IndexOptions, VaultIndex, VaultStore } from '../vault/store';
import { createFileAtomically, FileExistsError, makeFolders, replaceFileIfUnchanged, syncFolder } from './atomic-file';
import { FolderNames } from './folder-names';
import { FolderNamesCache } from './folder-names-cache';
import { isDiskFull, reasonFor } from './fs-reasons';
import { openStateFolder } from './state-folder';
import { resolveInVault, vaultPathSegments } from './vault-path';
import { IndexSession, scanVault } from './vault-index';

/** How often `process` starts over when someone keeps editing the note under it. */
const PROCESS_ATTEMPTS = 5;
/** Folder entries read at a time when a folder is listed. */
const LISTING_BATCH = 256;

export class FsVaultStore implements VaultStore {
  /** The vault folder as given, made absolute. */
  readonly root: string;
  private realRootPromise: Promise<string> | undefined;
  private stateFolderPromise: Promise<string> | undefined;
  /** Notes read (rather than only stat-ed) by the last index(); shows the cache at work. */
  lastIndexReads = 0;
  /** Whether the last index() was a full check (every note stat-ed). */
  lastIndexWasFullCheck = false;
  /** Folders this store listed to learn their names (not those an earlier run's names answered for). */
  foldersListed = 0;
  /** Notes the last index() met as symbolic links and passed over. */
  linkedNotes: string[] = [];
  /** Folders with new names in them since the last flush(). */
  private readonly unflushed = new Set<string>();
  /** Records this store's writes in the index made by the last index(). */
  private session: IndexSession | undefined;
  private readonly now: (() => number) | undefined;
  private checkAll: boolean;
  /** Folder (vault-relative) → its names, folded, listed once per store (once per run). */
  private readonly listings = new Map<string, Promise<FolderNames>>();
  /** Folder → when the names in `listings` were listed from the disk (ms), maybe in an earlier run. */
  private readonly listedAt = new Map<string, number>();
  /** The names of folders earlier runs wrote into (folder-names-cache.ts), loaded on first use. */
  private namesCache: Promise<FolderNamesCache> | undefined;

  /**
   * `now`: the clock the index judges ages by (tests let a week pass with it). `checkAll`: the
   * first index() looks at every note, as the weekly full check does.
   */
  constructor(root: string, options: { now?: () => number; checkAll?: boolean } = {}) {
    this.root = nodePath.resolve(root);
    this.now = options.now;
    this.checkAll = options.checkAll ?? false;
  }

  /** The vault folder with symlinks resolved, created when missing. */
  realRoot(): Promise<string> {
    this.realRootPromise ??= (async () => {
      try {
        await makeFolders(this.root);
        return await realpath(this.root);
      } catch (error) {
        this.realRootPromise = undefined;
        throw vaultError(error, 'open the vault folder', this.root);
      }
    })();
    return this.realRootPromise;
  }

  /**
   * Absolute path of Paper Feed's own state folder in this vault (lock, index cache), created
   * when missing; refused when it or one of its files is a link or the wrong kind of thing.
   */
  stateFolder(): Promise<string> {
    this.stateFolderPromise ??= this.realRoot().then(openStateFolder);
    this.stateFolderPromise.catch(() => (this.stateFolderPromise = undefined));
    return this.stateFolderPromise;
  }

  async index(options: IndexOptions = {}): Promise<VaultIndex> {
    await this.stateFolder();
    const result = await scanVault(await this.realRoot(), {
      ...(options.keepKeys ? { keepKeys: options.keepKeys } : {}),
      ...(this.now ? { now: this.now } : {}),
      checkAll: this.checkAll,
    });
    this.checkAll = false;
    this.lastIndexReads = result.notesRead;
    this.lastIndexWasFullCheck = result.fullCheck;
    this.linkedNotes = result.linkedNotes;
    this.session = result.session;
    return result.index;
  }

  /** Every paper and digest that several notes claim, the original first, as of the last index(). */
  duplicates(): Duplicate[] {
    return this.session?.duplicates() ?? [];
  }

  /** The linked notes of the last index(), as a run's summary names them. */
  passedOver(): SkippedItem[] {
    return this.linkedNotes.map((ref) => ({ ref, reason: 'a symbolic link; Paper Feed does not follow links, so it neither reads nor updates this note' }));
  }

  async read(path: string): Promise<string | null> {
    const absolute = await this.resolve(path);
    try {
      return await readFile(absolute, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw vaultError(error, 'read', path);
    }
  }

  async occupant(path: string): Promise<string | null> {
    // The folder is resolved (it must stay inside the vault); the name itself is looked at, not
    // followed, so a link there, wherever it leads, is a taken name rather than a refusal.
    const folder = folderOf(path);
    try {
      vaultPathSegments(path);
    } catch (error) {
      throw vaultError(error, 'look for', path);
    }
    const absolute = nodePath.join(folder === '' ? await this.realRoot() : await this.resolve(folder), nameOf(path));
    try {
      // lstat, not stat: a link whose target is gone still holds the name.
      await lstat(absolute);
      return path;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw vaultError(error, 'look for', path);
    }
    // Linux disks tell "Café.md" from "café.md"; the phone or Mac the vault syncs to does not.
    const name = await (await this.listing(folder)).find(pathKey(nameOf(path)));
    return name === undefined ? null : folder === '' ? name : `${folder}/${name}`;
  }

  async createdAt(path: string): Promise<number | undefined> {
    try {
      const { birthtimeMs } = await stat(await this.resolve(path));
      return birthtimeMs > 0 ? birthtimeMs : undefined;
    } catch {
      return undefined; // only ranks duplicates; a note that is gone has no age to give
    }
  }

  async create(path: string, content: string): Promise<void> {
    const absolute = await this.resolve(path);
    try {
      await this.session?.beforeWrite(folderOf(path));
      await createFileAtomically(absolute, content, this.unflushed);
      this.session?.noteWritten(path, content);
      // A listing made before this note was created learns of it.
      void this.listings.get(folderOf(path))?.then((names) => names.add(nameOf(path)));
    } catch (error) {
      if (error instanceof FileExistsError) throw new PaperFeedError('vault', 'File already exists.');
      throw vaultError(error, 'create', path);
    }
  }

  async process(path: string, fn: (current: string) => string): Promise<string> {
    const absolute = await this.resolve(path);
    for (let attempt = 0; attempt < PROCESS_ATTEMPTS; attempt += 1) {
      const current = await this.readExisting(absolute, path);
      const next = fn(current);
      if (next === current) return current;
      try {
        // Re-read just before the rename: a person who typed meanwhile gets fn run on their text.
        await this.session?.beforeWrite(folderOf(path));
        const written = await replaceFileIfUnchanged(absolute, next, async () => (await this.readExisting(absolute, path)) === current, this.unflushed);
        if (written) {
          this.session?.noteWritten(path, next);
          return next;
        }
      } catch (error) {
        throw vaultError(error, 'update', path);
      }
    }
    throw new PaperFeedError('vault', `"${path}" kept changing while Paper Feed was updating it; run Paper Feed again when it is quiet.`);
  }

  /**
   * Flushes every folder a note was created or replaced in since the last call, once each: each
   * note's text was flushed before it took its name, so until then a power cut can only cost the
   * newest names (the old text stays), never leave half a note.
   */
  async flush(): Promise<void> {
    const folders = [...this.unflushed];
    this.unflushed.clear();
    await Promise.all(folders.map(syncFolder));
    // Then the index learns what was written, so the next run need not look for it, and the
    // names of the folders written into are kept for the next run, by their new mtimes.
    const settled = (await this.session?.commit()) ?? [];
    const listed = settled.filter(([folder]) => this.listings.has(folder));
    if (listed.length === 0) return;
    const cache = await this.folderNamesCache();
    for (const [folder, mtime] of listed) {
      // A listing that failed (the run has said so where it asked) leaves nothing to keep.
      const names = await this.listings.get(folder)!.catch(() => null);
      if (names) cache.put(folder, mtime, { fingerprints: names.fingerprints(), listedAt: this.listedAt.get(folder)! });
    }
    await cache.save();
  }

  private listing(folder: string): Promise<FolderNames> {
    let names = this.listings.get(folder);
    if (!names) {
      names = this.listNames(folder);
      this.listings.set(folder, names);
    }
    return names;
  }

  /**
   * A folder's names: as an earlier run saved them when the folder's mtime is still what it was
   * after that run's writes (never on the weekly full check's run), else listed from the disk.
   */
  private async listNames(folder: string): Promise<FolderNames> {
    const where = () => (folder === '' ? this.realRoot() : this.resolve(folder));
    const list = () => namesIn(where, folder);
    const now = this.now?.() ?? Date.now();
    if (!this.lastIndexWasFullCheck && this.session) {
      const info = await where()
        .then((absolute) => lstat(absolute))
        .catch(() => null);
      const saved = info?.isDirectory() ? (await this.folderNamesCache()).take(folder, info.mtimeMs, now) : null;
      if (saved) {
        this.listedAt.set(folder, saved.listedAt);
        return FolderNames.saved(saved.fingerprints, list);
      }
    }
    this.listedAt.set(folder, now);
    this.foldersListed += 1;
    return FolderNames.of(list);
  }

  private folderNamesCache(): Promise<FolderNamesCache> {
    this.namesCache ??= this.stateFolder().then((folder) => FolderNamesCache.load(folder));
    return this.namesCache;
  }

  private async readExisting(absolute: string, path: string): Promise<string> {
    try {
      return await readFile(absolute, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new PaperFeedError('vault', `"${path}" disappeared while Paper Feed was updating it; run Paper Feed again.`);
      }
      throw vaultError(error, 'read', path);
    }
  }

  private async resolve(path: string): Promise<string> {
    const realRoot = await this.realRoot();
    try {
      return await resolveInVault(realRoot, path);
    } catch (error) {
      throw vaultError(error, 'open', path);
    }
  }
}

/** The names in a folder, read a batch at a time (never 50,000 entries at once); none when it is missing. */
/**
 * A folder's names, a batch at a time. Each batch is taken from the directory handle without a
 * turn of the event loop per name: awaiting 50,000 names one by one cost a run about 60 ms more.
 */
async function* namesIn(where: () => Promise<string>, folder: string): AsyncGenerator<string[]> {
  try {
    const dir = await opendir(await where(), { bufferSize: LISTING_BATCH });
    try {
      for (;;) {
        const batch: string[] = [];
        for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
          batch.push(entry.name);
          if (batch.length >= LISTING_BATCH) break;
        }
        if (batch.length === 0) return;
        yield batch;
      }
    } finally {
      await dir.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw vaultError(error, 'list', folder);
  }
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The vault-relative folder of a vault-relative path ('' for the top level). */
function folderOf(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return parts.slice(0, -1).join('/');
}

/** One sentence for a file-system failure: what could not be done, where, and why. */
function vaultError(error: unknown, action: string, path: string): PaperFeedError {
  if (isPaperFeedError(error)) return error;
  const what = isDiskFull(error) ? 'Free some space on the disk and try again.' : 'Check the vault folder and try again.';
  return new PaperFeedError('vault', `Could not ${action} "${path}": ${reasonFor(error)}. ${what}`);
}
