// Finds Paper Feed's notes anywhere in a vault on disk by their frontmatter, so renamed and moved
// notes are still found, at a cost that follows what changed rather than the vault's size:
// - a folder whose mtime is as recorded has gained, lost and renamed no entries, so it is not
//   listed again; a changed folder is listed, and only its new notes are read;
// - notes changed in the last RECENT_MS are stat-ed every run, to catch edits made in place
//   (which leave the folder's mtime alone); the notes a run updates are read anyway;
// - once every FULL_CHECK_MS a full check lists every folder and stats every note, so an edit in
//   place to an older note (a rating given to last year's paper) is seen within a week at the
//   latest; what it finds changed goes to the log like any run's changes, so its cost is the
//   stats, not a rewrite of the whole index;
// - the notes Paper Feed itself writes are recorded as it writes them (see IndexSession).
// The index lives in .paper-feed/ (see ./index-file.ts); losing it costs one full check, and a
// log grown long is folded into a fresh index.txt.

import { lstat, readdir, stat, unlink } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { keepRules, type KeepRule } from '../notes/keep-keys';
import { pathKey } from '../vault/index-of';
import type { Duplicate } from '../vault/originals';
import type { VaultIndex } from '../vault/store';
import { isTempFileName } from './atomic-file';
import { factsAt, Kind, statMany } from './stat-many';
import { STATE_FOLDER } from './state-folder';
import {
  appendJournal,
  baseBytes,
  BaseIndex,
  INDEX_FILE,
  JOURNAL_FILE,
  loadBase,
  loadJournal,
  newGeneration,
  removeJournal,
  writeBase,
  type BaseFacts,
  type NoteRecord,
} from './index-file';
import { IndexView } from './index-view';
import { factsOfText, readNoteFacts, removeAbandonedTemps, removeStaleTemp } from './note-reading';

const LEGACY_INDEX_FILE = 'index.json';
/** Folders a vault keeps for tools, never notes: every dot-folder, plus node_modules. */
const SKIPPED_FOLDERS = new Set(['node_modules']);
const PARALLEL = 32;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Notes changed this recently are stat-ed on every run. */
export const RECENT_MS = 30 * DAY_MS;
/** Every note is stat-ed at least this often. */
export const FULL_CHECK_MS = 7 * DAY_MS;
/**
 * Something changed this shortly before it was looked at may change again within the same mtime
 * tick without its mtime moving; it is looked at again next time, as git does with racily clean
 * files. Disks whose clock counts whole seconds need the long wait; finer ones (mtimes with a
 * fraction of a second) the short one.
 */
const RACY_MS = 2000;
const FINE_RACY_MS = 100;
/**
 * A log longer than this (or a quarter of the notes) is first written again with only what holds
 * now (a note changed on three runs has three lines, of which the last counts); when even that is
 * more than half the limit, the log is folded into a fresh index.txt.
 */
const JOURNAL_LIMIT = 5000;

export interface ScanOptions {
  keepKeys?: readonly string[];
  /** The clock (ms), for tests that let a week pass. */
  now?: () => number;
  /** Do the full check now, whenever the last one was. */
  checkAll?: boolean;
}

export interface ScanResult {
  index: VaultIndex;
  /** How many notes were read (new or changed since the index), for tests and diagnostics. */
  notesRead: number;
  /** Whether this scan was a full check (every note stat-ed). */
  fullCheck: boolean;
  /** Records what the store writes next, so the next run need not look for it. */
  session: IndexSession;
  /** Notes that are symbolic links, in the folders this scan listed: never followed, so never read or updated. */
  linkedNotes: string[];
}

interface Found {
  path: string;
  mtimeMs: number;
  size: number;
  birthtimeMs?: number;
}

const coarse = (mtimeMs: number) => mtimeMs % 1000 === 0;
const settledAt = (mtimeMs: number, now: number) => now - mtimeMs >= (coarse(mtimeMs) ? RACY_MS : FINE_RACY_MS);
const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const isNoteName = (name: string) => name.toLowerCase().endsWith('.md') && !name.startsWith('.');
const isWalkedFolder = (name: string) => !name.startsWith('.') && !SKIPPED_FOLDERS.has(name);

export async function scanVault(realRoot: string, options: ScanOptions = {}): Promise<ScanResult> {
  const now = options.now ?? Date.now;
  const state = nodePath.join(realRoot, STATE_FOLDER);
  const indexPath = nodePath.join(state, INDEX_FILE);
  const journalPath = nodePath.join(state, JOURNAL_FILE);
  await removeAbandonedTemps(state);
  const base = await loadBase(indexPath);
  // The index of earlier versions (one JSON object) is replaced by the first full check.
  if (!base) await unlink(nodePath.join(state, LEGACY_INDEX_FILE)).catch(() => undefined);
  const journal = base ? await loadJournal(journalPath, base.meta.generation) : { entries: [], lines: 0 };
  const keep = options.keepKeys ? [...options.keepKeys] : base?.meta.keep;
  const keepChanged = options.keepKeys !== undefined && JSON.stringify(keep) !== JSON.stringify(base?.meta.keep);
  const rules = keep ? keepRules(keep) : undefined;
  const started = now();
  const view = new IndexView(base, journal.entries);
  const lastCheck = view.checkedAt ?? -Infinity;
  const due = !base || keepChanged || options.checkAll === true || started - lastCheck >= FULL_CHECK_MS || started < lastCheck;
  const scan = new Scan(realRoot, view, rules, started);
  let result: { view: IndexView; generation: string; journalStarted: boolean };
  if (!base || keepChanged) {
    // Nothing to compare with, or every kept note's library facts to decide again: build afresh.
    const records = await scan.fullCheck(keepChanged);
    const facts = { checkedAt: started, ...(keep ? { keep } : {}), folders: scan.listedFolders() };
    result = await rebuilt(indexPath, journalPath, records, facts, started);
  } else {
    if (due) await scan.checkEvery();
    else await scan.catchUp();
    const changes = view.changes.splice(0);
    const limit = Math.max(JOURNAL_LIMIT, base.meta.count / 4);
    const generation = base.meta.generation;
    const standing = journal.lines + changes.length > limit ? view.sinceBase() : undefined;
    if (standing && standing.length > limit / 2) {
      const facts = { checkedAt: view.checkedAt ?? started, ...(keep ? { keep } : {}), folders: Object.fromEntries(view.folders) };
      result = await rebuilt(indexPath, journalPath, view.allNotes(), facts, started);
    } else if (standing) {
      // Written whole (atomically), under the same generation: index.txt is as it was.
      if (standing.length > 0) await appendJournal(journalPath, generation, standing, true).catch(() => undefined);
      else await removeJournal(journalPath);
      result = { view, generation, journalStarted: standing.length > 0 };
    } else {
      result = { view, generation, journalStarted: journal.lines > 0 };
      if (changes.length > 0) {
        await appendJournal(journalPath, generation, changes, !result.journalStarted).catch(() => undefined);
        result.journalStarted = true;
      }
    }
  }
  const session = new IndexSession(realRoot, result.view, rules, { path: journalPath, generation: result.generation, started: result.journalStarted });
  return {
    index: result.view.toVaultIndex(options.keepKeys !== undefined),
    notesRead: scan.notesRead,
    fullCheck: due,
    session,
    linkedNotes: scan.linkedNotes.sort(),
  };
}

/** A fresh index.txt of these notes under a new generation, and no log. */
async function rebuilt(
  indexPath: string,
  journalPath: string,
  records: readonly NoteRecord[],
  facts: Omit<BaseFacts, 'generation'>,
  started: number,
): Promise<{ view: IndexView; generation: string; journalStarted: boolean }> {
  const generation = newGeneration();
  const view = new IndexView(await savedBase(indexPath, records, { generation, ...facts }, started - RECENT_MS));
  await removeJournal(journalPath);
  return { view, generation, journalStarted: false };
}

/** One look at the vault, against what the index held. */
class Scan {
  notesRead = 0;
  /** Notes met as symbolic links (vault-relative), which are not followed. */
  readonly linkedNotes: string[] = [];
  /** Folders listed by a walk, with the mtime to record (a Map: a folder may be named `__proto__`). */
  private readonly listed = new Map<string, number>();

  constructor(
    private readonly root: string,
    readonly view: IndexView,
    private readonly rules: readonly KeepRule[] | undefined,
    private readonly started: number,
  ) {}

  listedFolders(): Record<string, number> {
    return Object.fromEntries(this.listed);
  }

  /** Every folder listed and every note stat-ed; only new and changed notes are read. */
  async fullCheck(keepChanged: boolean): Promise<NoteRecord[]> {
    const before = new Map(this.view.allNotes().map((record) => [record.path, record]));
    const files = await this.walk('');
    const records: NoteRecord[] = [];
    await inBatches(files, async (file) => {
      const known = before.get(file.path);
      if (known?.m === file.mtimeMs && known.s === file.size && !(keepChanged && known.a !== undefined)) records.push(known);
      else records.push(await this.read(file));
    });
    return records;
  }

  /**
   * Every folder listed and every note stat-ed, against what the index holds: new and changed
   * notes are read, missing ones and folders forgotten, and the check itself recorded.
   */
  async checkEvery(): Promise<void> {
    const known = this.view.statKeys();
    const files = await this.walk('');
    const found = new Set<string>();
    await inBatches(files, async (file) => {
      found.add(file.path);
      const key = known.get(file.path);
      if (key?.m === file.mtimeMs && key.s === file.size) return undefined;
      return this.view.put(await this.read(file));
    });
    for (const path of known.keys()) if (!found.has(path)) this.view.remove(path);
    for (const folder of [...this.view.folders.keys()]) if (!this.listed.has(folder)) this.view.setFolder(folder, null);
    for (const [folder, mtime] of this.listed) this.view.setFolder(folder, mtime);
    this.view.checked(this.started);
  }

  /** Lists the folders that changed and stats the recent notes; records what differs. */
  async catchUp(): Promise<void> {
    const seen = new Set<string>();
    const folders = [...this.view.folders.keys()].sort();
    const gone: string[] = [];
    for (const folder of folders) {
      if (gone.some((g) => g === '' || folder.startsWith(`${g}/`))) continue;
      const info = await lstat(nodePath.join(this.root, folder)).catch(() => null);
      if (!info?.isDirectory()) {
        gone.push(folder);
        this.forgetFolder(folder);
        continue;
      }
      const recorded = this.view.folders.get(folder)!;
      if (recorded >= 0 && recorded === info.mtimeMs) continue;
      for (const path of await this.relist(folder, info.mtimeMs)) seen.add(path);
    }
    const recent = this.view.recent(this.started - RECENT_MS).filter((record) => !seen.has(record.path));
    const stats = await statMany(recent.length, (i) => nodePath.join(this.root, recent[i]!.path), PARALLEL);
    await inBatches(Array.from(recent.keys()), async (i) => {
      const record = recent[i]!;
      if (stats.kind[i] !== Kind.File) return this.view.remove(record.path);
      if (record.m >= 0 && record.m === stats.mtimeMs[i] && record.s === stats.size[i]) return undefined;
      return this.view.put(await this.read(foundOf(record.path, factsAt(stats, i))));
    });
  }

  /** Lists a changed folder: new notes are read, missing ones forgotten, new folders walked. */
  private async relist(folder: string, mtimeMs: number): Promise<string[]> {
    const entries = await readdir(nodePath.join(this.root, folder), { withFileTypes: true }).catch(() => null);
    if (!entries) {
      this.forgetFolder(folder);
      return [];
    }
    const known = this.view.pathsIn(folder);
    const present = new Set<string>();
    const fresh: string[] = [];
    const touched: string[] = [];
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && isNoteName(entry.name)) {
        present.add(path);
        if (!known.has(path)) fresh.push(path);
      } else if (entry.isFile() && isTempFileName(entry.name)) {
        await removeStaleTemp(nodePath.join(this.root, path));
      } else if (entry.isSymbolicLink() && isNoteName(entry.name)) {
        this.linkedNotes.push(path);
      } else if (entry.isDirectory() && isWalkedFolder(entry.name) && !this.view.folders.has(path)) {
        for (const file of await this.walk(path)) {
          this.view.put(await this.read(file));
          touched.push(file.path);
        }
        for (const [sub, mtime] of this.listed) this.view.setFolder(sub, mtime);
      }
    }
    for (const path of known) if (!present.has(path)) this.view.remove(path);
    await inBatches(fresh, async (path) => {
      const info = await stat(nodePath.join(this.root, path)).catch(() => null);
      if (info?.isFile()) this.view.put(await this.read(foundOf(path, info)));
    });
    this.view.setFolder(folder, settledAt(mtimeMs, this.started) ? mtimeMs : -1);
    return [...fresh, ...touched];
  }

  private forgetFolder(folder: string): void {
    for (const record of this.view.notesIn(folder, true)) this.view.remove(record.path);
    for (const known of [...this.view.folders.keys()]) {
      if (known === folder || known.startsWith(`${folder}/`)) this.view.setFolder(known, null);
    }
  }

  /** Every note under `folder` with its stat key; its folders' mtimes go to `listed`. */
  private async walk(top: string): Promise<Found[]> {
    const found: Found[] = [];
    const folders = [top];
    while (folders.length > 0) {
      const folder = folders.pop()!;
      const absoluteFolder = nodePath.join(this.root, folder);
      // The folder's mtime is taken before listing it: a change during the listing shows next time.
      const info = await lstat(absoluteFolder).catch(() => null);
      const entries = info?.isDirectory() ? await readdir(absoluteFolder, { withFileTypes: true }).catch(() => null) : null;
      if (!info || !entries) continue; // an unreadable folder holds no notes we could update anyway
      this.listed.set(folder, settledAt(info.mtimeMs, this.started) ? info.mtimeMs : -1);
      const notes: string[] = [];
      for (const entry of entries) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        // Symlinks are not followed: they could loop or lead outside the vault.
        if (entry.isDirectory()) {
          if (isWalkedFolder(entry.name)) folders.push(path);
        } else if (entry.isFile()) {
          if (isTempFileName(entry.name)) await removeStaleTemp(nodePath.join(absoluteFolder, entry.name));
          else if (isNoteName(entry.name)) notes.push(path);
        } else if (entry.isSymbolicLink() && isNoteName(entry.name)) {
          this.linkedNotes.push(path);
        }
      }
      const stats = await statMany(notes.length, (i) => nodePath.join(this.root, notes[i]!), PARALLEL);
      // Deleted between listing and stat: not there, so not indexed.
      notes.forEach((path, i) => {
        if (stats.kind[i] === Kind.File) found.push(foundOf(path, factsAt(stats, i)));
      });
    }
    return found;
  }

  private async read(file: Found): Promise<NoteRecord> {
    this.notesRead += 1;
    const facts = await readNoteFacts(nodePath.join(this.root, file.path), file.size, this.rules, file.birthtimeMs);
    const m = this.started - file.mtimeMs < RACY_MS ? -1 : file.mtimeMs;
    return { path: file.path, m, s: file.size, ...facts };
  }
}

/**
 * The index a full check has just built, saved to index.txt and read back from there as any run
 * reads it, a block at a time; held in memory only when it cannot be saved. The index only saves
 * time: a vault we cannot write to will say so on the first note.
 */
async function savedBase(path: string, records: readonly NoteRecord[], facts: BaseFacts, recentSince: number): Promise<BaseIndex | undefined> {
  const saved = await writeBase(path, records, facts, recentSince, pathKey).then(
    () => true,
    () => false,
  );
  return (saved ? await loadBase(path) : undefined) ?? BaseIndex.parse(baseBytes(records, facts, recentSince, pathKey));
}

function foundOf(path: string, info: { mtimeMs: number; size: number; birthtimeMs: number }): Found {
  return {
    path,
    mtimeMs: info.mtimeMs,
    size: info.size,
    ...(info.birthtimeMs > 0 ? { birthtimeMs: info.birthtimeMs } : {}),
  };
}

interface JournalState {
  path: string;
  generation: string;
  started: boolean;
}

/**
 * What the store writes after a scan, recorded so the next run need not list those folders
 * again. A folder's new mtime is recorded only when nothing else had changed it since the scan
 * (checked just before Paper Feed's first write into it); a note another program adds to the
 * same folder while Paper Feed is writing there (a fraction of a second) is found by the next
 * full check. Folders Paper Feed had to create are listed again next run.
 */
export class IndexSession {
  private readonly written = new Map<string, string>();
  /** Folder → whether it was as the scan left it just before the first write into it. */
  private readonly folders = new Map<string, Promise<boolean>>();

  constructor(
    private readonly root: string,
    private readonly view: IndexView,
    private readonly rules: readonly KeepRule[] | undefined,
    private readonly journal: JournalState,
  ) {}

  /** Every paper and digest several notes claim (walks the whole index). */
  duplicates(): Duplicate[] {
    return this.view.duplicates();
  }

  /** Await before writing into `folder` (vault-relative); only the first call per folder looks. */
  beforeWrite(folder: string): Promise<unknown> {
    let check = this.folders.get(folder);
    if (!check) {
      check = this.isAsScanned(folder);
      this.folders.set(folder, check);
    }
    return check;
  }

  private async isAsScanned(folder: string): Promise<boolean> {
    const recorded = this.view.folders.get(folder);
    const info = await lstat(nodePath.join(this.root, folder)).catch(() => null);
    if (!info && folder !== '') {
      // A folder about to be made changes its parent too.
      await this.beforeWrite(parentOf(folder));
      this.folders.set(parentOf(folder), Promise.resolve(false));
    }
    return recorded !== undefined && recorded >= 0 && info?.isDirectory() === true && info.mtimeMs === recorded;
  }

  noteWritten(path: string, content: string): void {
    this.written.set(path, content);
  }

  /**
   * Records the notes written since the last call, and their folders' new mtimes; answers with
   * the folders whose new mtime was recorded (nothing else had touched them since the scan).
   */
  async commit(): Promise<Array<[string, number]>> {
    const written = [...this.written];
    this.written.clear();
    await inBatches(written, async ([path, content]) => {
      const info = await stat(nodePath.join(this.root, path)).catch(() => null);
      if (!info?.isFile()) return this.view.remove(path);
      const m = coarse(info.mtimeMs) ? -1 : info.mtimeMs;
      return this.view.put({ path, m, s: info.size, ...factsOfText(content, this.rules, info.birthtimeMs > 0 ? info.birthtimeMs : undefined) });
    });
    const settled: Array<[string, number]> = [];
    for (const [folder, check] of this.folders) {
      const info = (await check) ? await lstat(nodePath.join(this.root, folder)).catch(() => null) : null;
      const mtime = info?.isDirectory() && !coarse(info.mtimeMs) ? info.mtimeMs : -1;
      this.view.setFolder(folder, mtime);
      if (mtime >= 0) settled.push([folder, mtime]);
    }
    this.folders.clear();
    const changes = this.view.changes.splice(0);
    if (changes.length === 0) return settled;
    await appendJournal(this.journal.path, this.journal.generation, changes, !this.journal.started).catch(() => undefined);
    this.journal.started = true;
    return settled;
  }
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) {
    await Promise.all(items.slice(i, i + PARALLEL).map(work));
  }
}
