// What the CLI's vault index says now: index.txt (searched in place) with the changes since laid
// over it. Runs ask it about single ids, citekeys and paths; only the weekly full check and
// a rebuild ever walk it whole.

import { libraryItemOf } from '../notes/library-items';
import type { LibraryItem } from '../rank/library';
import { pathKey } from '../vault/index-of';
import { LookupMap } from '../vault/lookup-map';
import { originalFirst, type Duplicate } from '../vault/originals';
import type { DigestTally, IndexedPaperNote, VaultIndex } from '../vault/store';
import { talliesByDate } from '../notes/digest-tally';
import { pathHash, type BaseIndex, type JournalEntry, type NoteRecord } from './index-file';

export class IndexView {
  /** Notes added or changed since index.txt, by path. */
  private readonly added = new Map<string, NoteRecord>();
  /** Paths whose index.txt line no longer holds (removed, or replaced by `added`). */
  private readonly dropped = new Set<string>();
  /** Folder → mtime when last listed (-1: list again), as of index.txt plus changes. */
  readonly folders = new Map<string, number>();
  /** The changes made through this view, for the log. */
  readonly changes: JournalEntry[] = [];
  /** When the last full check began (ms): index.txt's, or a later one the log records. */
  checkedAt: number | undefined;
  private lookups: OverlayLookups | undefined;

  constructor(
    readonly base: BaseIndex | undefined,
    replay: readonly JournalEntry[] = [],
  ) {
    for (const [folder, mtime] of Object.entries(base?.meta.folders ?? {})) this.folders.set(folder, mtime);
    this.checkedAt = base?.meta.checkedAt;
    for (const entry of replay) this.apply(entry);
  }

  /** Records a full check that began at `at` (the latest one counts, even if the clock went back). */
  checked(at: number): void {
    this.record({ op: 'c', at });
  }

  put(record: NoteRecord): void {
    this.record({ op: '+', r: record });
  }

  remove(path: string): void {
    if (this.note(path)) this.record({ op: '-', p: path });
  }

  setFolder(folder: string, mtime: number | null): void {
    if ((this.folders.get(folder) ?? null) !== mtime) this.record({ op: 'f', p: folder, m: mtime });
  }

  /** What the index holds for the note at `path`. */
  note(path: string): NoteRecord | undefined {
    const added = this.added.get(path);
    if (added || this.dropped.has(path) || !this.base) return added;
    for (const rest of this.base.find('notes', path)) return { path, ...(JSON.parse(rest) as Omit<NoteRecord, 'path'>) };
    return undefined;
  }

  /** The indexed notes directly in `folder` ('' is the vault's top level), or anywhere under it. */
  notesIn(folder: string, deep: boolean): NoteRecord[] {
    const prefix = folder === '' ? '' : `${folder}/`;
    const inside = (path: string) => path.startsWith(prefix) && (deep || !path.slice(prefix.length).includes('/'));
    const found = new Map<string, NoteRecord>();
    if (this.base) {
      for (const [key, rest] of this.base.withPrefix('notes', prefix)) {
        const path = JSON.parse(key) as string;
        if (inside(path) && !this.dropped.has(path)) found.set(path, { path, ...(JSON.parse(rest) as Omit<NoteRecord, 'path'>) });
      }
    }
    for (const [path, record] of this.added) if (inside(path)) found.set(path, record);
    return [...found.values()];
  }

  /** The paths of the indexed notes directly in `folder`, without their facts (a changed folder's listing is compared with them). */
  pathsIn(folder: string): Set<string> {
    const prefix = folder === '' ? '' : `${folder}/`;
    const inside = (path: string) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/');
    const found = new Set<string>();
    if (this.base) {
      for (const [key] of this.base.withPrefix('notes', prefix)) {
        const path = JSON.parse(key) as string;
        if (inside(path) && !this.dropped.has(path)) found.add(path);
      }
    }
    for (const path of this.added.keys()) if (inside(path)) found.add(path);
    return found;
  }

  /** Notes to stat every run: those changed since `since`, or marked to be read again. */
  recent(since: number): NoteRecord[] {
    const found = new Map<string, NoteRecord>();
    if (this.base) {
      for (const text of this.base.lines('recent')) {
        const record = JSON.parse(text) as NoteRecord;
        if (record.m >= 0 && record.m < since) break; // sorted newest first, the rest are older
        if (!this.dropped.has(record.path)) found.set(record.path, record);
      }
    }
    for (const [path, record] of this.added) if (record.m < 0 || record.m >= since) found.set(path, record);
    return [...found.values()];
  }

  /**
   * The changes that take index.txt to what this view holds now, each once: a log written from
   * these, replayed over index.txt, gives the same view as the log it replaces.
   */
  sinceBase(): JournalEntry[] {
    const entries: JournalEntry[] = [];
    for (const path of this.dropped) if (!this.added.has(path)) entries.push({ op: '-', p: path });
    for (const record of this.added.values()) entries.push({ op: '+', r: record });
    const recorded = new Map(Object.entries(this.base?.meta.folders ?? {}));
    for (const [folder, mtime] of this.folders) if (recorded.get(folder) !== mtime) entries.push({ op: 'f', p: folder, m: mtime });
    for (const folder of recorded.keys()) if (!this.folders.has(folder)) entries.push({ op: 'f', p: folder, m: null });
    if (this.checkedAt !== undefined && this.checkedAt !== this.base?.meta.checkedAt) entries.push({ op: 'c', at: this.checkedAt });
    return entries;
  }

  /** Every note (rebuilds of index.txt only). */
  allNotes(): NoteRecord[] {
    return this.notesIn('', true);
  }

  /**
   * Every note's path with the mtime and size its facts were read at: what the weekly full check
   * compares each stat with. Only those fields of each line are decoded, so looking at 50,000
   * notes costs no parse of their titles and abstracts.
   */
  statKeys(): Map<string, StatKey> {
    const keys = new Map<string, StatKey>();
    this.base?.scan('notes', (bytes, start, tab, end) => {
      const path = jsonStringAt(bytes, start, tab);
      if (!this.dropped.has(path))
        keys.set(
          path,
          statKeyOf(bytes.toString('latin1', tab + 1, Math.min(end, tab + 1 + STAT_KEY_BYTES)), () => bytes.toString('utf8', tab + 1, end)),
        );
    });
    for (const [path, record] of this.added) keys.set(path, { m: record.m, s: record.s });
    return keys;
  }

  /** The VaultIndex a run asks; with `withLibrary`, the kept paper notes too. */
  toVaultIndex(withLibrary: boolean): VaultIndex {
    const lookups = this.overlay();
    // Every note claiming the id, the original first (a conflict copy never stands for it while
    // the original is there; see core/vault/originals.ts).
    const claimsWithKeys = (id: string): Array<IndexedPaperNote & { factsKey?: string }> => {
      const found: Array<IndexedPaperNote & { factsKey?: string }> = [];
      if (this.base) {
        for (const rest of this.base.find('ids', id)) {
          const [path, version, citekey, factsKey] = JSON.parse(rest) as [string, number | null, string | null, string | undefined];
          if (!this.dropped.has(path))
            found.push({
              path,
              ...(version !== null ? { version } : {}),
              ...(citekey !== null ? { citekey } : {}),
              ...(factsKey !== undefined ? { factsKey } : {}),
            });
        }
      }
      for (const path of lookups.byId.get(id) ?? []) {
        const record = this.added.get(path)!;
        found.push({
          path,
          ...(record.v !== undefined ? { version: record.v } : {}),
          ...(record.c !== undefined ? { citekey: record.c } : {}),
          ...(record.x !== undefined ? { factsKey: record.x } : {}),
        });
      }
      return found.length > 1 ? originalFirst(found) : found;
    };
    const claims = (id: string): IndexedPaperNote[] => claimsWithKeys(id).map(({ factsKey: _key, ...note }) => note);
    const paper = (id: string): IndexedPaperNote | undefined => claims(id)[0];
    // A citekey or name in index.txt is taken while a note there that holds it is not removed or
    // changed since (a changed note holds what its record in the log says).
    const takenInBase = (section: 'citekeys' | 'paths', key: string) => {
      for (const rest of this.base?.find(section, key) ?? []) if (this.isLive(jsonString(rest))) return true;
      return false;
    };
    const papers = new PaperLookup(
      paper,
      () => this.allPapers(paper),
      () => this.allIds(),
    );
    const dailies = this.dailies();
    const index: VaultIndex = {
      papers,
      dailies,
      tallies: talliesByDate(dailies, (path) => tallyOfRecord(this.note(path))),
      factsKey: (id) => claimsWithKeys(id)[0]?.factsKey,
      hasCitekey: (key) => lookups.citekeys.has(key.toLowerCase()) || takenInBase('citekeys', key.toLowerCase()),
      citekeysStartingWith: (prefix) => {
        const found = [...lookups.citekeys].filter((key) => key.startsWith(prefix));
        this.base?.scanPrefix('citekeys', prefix, (bytes, start, tab, end) => {
          if (this.dropped.size === 0 || this.isLive(jsonStringAt(bytes, tab + 1, end))) found.push(jsonStringAt(bytes, start, tab));
        });
        return found;
      },
      hasPath: (path) => lookups.paths.has(pathKey(path)) || takenInBase('paths', pathHash(pathKey(path))),
      paperClaims: (id) => {
        const found = claims(id);
        return found.length > 1 ? found.map((note) => note.path) : undefined;
      },
      dailyClaims: (date) => {
        const found = this.dailyClaimsOf(date);
        return found.length > 1 ? found : undefined;
      },
    };
    return withLibrary ? { ...index, library: this.library(paper) } : index;
  }

  private dailies(): Map<string, string> {
    const all = originalFirst(this.allDailies().map(([date, path]) => ({ date, path })));
    const dailies = new Map<string, string>();
    for (const { date, path } of all) if (!dailies.has(date)) dailies.set(date, path);
    return dailies;
  }

  private allDailies(): Array<[string, string]> {
    const all: Array<[string, string]> = (this.base?.meta.dailies ?? []).filter(([, path]) => !this.dropped.has(path));
    for (const record of this.added.values()) if (record.d !== undefined) all.push([record.d, record.path]);
    return all;
  }

  private dailyClaimsOf(date: string): string[] {
    return originalFirst(this.allDailies().flatMap(([d, path]) => (d === date ? [{ path }] : []))).map((claim) => claim.path);
  }

  /** Every paper and digest that several notes claim, the original first (walks the index: `doctor` only). */
  duplicates(): Duplicate[] {
    const byId = new Map<string, string[]>();
    for (const record of this.allNotes()) if (record.a !== undefined) byId.set(record.a, [...(byId.get(record.a) ?? []), record.path]);
    const byDate = new Map<string, string[]>();
    for (const [date, path] of this.allDailies()) byDate.set(date, [...(byDate.get(date) ?? []), path]);
    const several = (what: (key: string) => string, claims: Map<string, string[]>): Duplicate[] =>
      [...claims]
        .filter(([, paths]) => paths.length > 1)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, paths]) => ({ what: what(key), paths: originalFirst(paths.map((path) => ({ path }))).map((claim) => claim.path) }));
    return [...several((id) => `arXiv:${id}`, byId), ...several((date) => `the digest of ${date}`, byDate)];
  }

  /** The kept paper notes, each once: the note the index chose for its arXiv id. */
  private library(paper: (id: string) => IndexedPaperNote | undefined): LibraryItem[] {
    const kept: Array<{ path: string; a: string; t?: string; b?: string; n?: number }> = [];
    if (this.base) {
      for (const text of this.base.lines('kept')) {
        const tab = text.indexOf('\t');
        const path = JSON.parse(text.slice(0, tab)) as string;
        if (!this.dropped.has(path)) kept.push({ path, ...(JSON.parse(text.slice(tab + 1)) as { a: string; t?: string; b?: string; n?: number }) });
      }
    }
    for (const record of this.added.values()) if (record.k === 1 && record.a !== undefined) kept.push({ ...record, a: record.a });
    return kept
      .filter((note) => paper(note.a)?.path === note.path)
      .map((note) => libraryItemOf(note.a, note.path, { kept: true, written: false, title: note.t ?? '', abstract: note.b ?? '' }, note.n));
  }

  private allPapers(paper: (id: string) => IndexedPaperNote | undefined): Map<string, IndexedPaperNote> {
    const papers = new Map<string, IndexedPaperNote>();
    for (const id of this.allIds()) papers.set(id, paper(id)!);
    return papers;
  }

  /**
   * Every arXiv id an indexed note claims, sorted: the ids section walked by its keys and paths,
   * without reading any note's facts or looking each id up (a catch-up check asks for them all).
   */
  private allIds(): string[] {
    // The ids section is sorted by id, then path: the ids come out in order, a claimed one once per note.
    const fromBase: string[] = [];
    this.base?.scan('ids', (bytes, start, tab, end) => {
      if (this.dropped.size > 0 && !this.isLive(firstStringOf(bytes, tab + 1, end))) return;
      const id = jsonStringAt(bytes, start, tab);
      if (fromBase[fromBase.length - 1] !== id) fromBase.push(id);
    });
    const added = [...this.added.values()].flatMap((record) => (record.a === undefined ? [] : [record.a]));
    if (added.length === 0 && isSorted(fromBase)) return fromBase;
    return [...new Set([...fromBase, ...added])].sort();
  }

  /** Whether index.txt's line for the note at `path` still holds (the note was not removed or changed since). */
  private isLive(path: string): boolean {
    return !this.dropped.has(path);
  }

  private record(entry: JournalEntry): void {
    this.apply(entry);
    this.changes.push(entry);
  }

  private apply(entry: JournalEntry): void {
    if (entry.op === 'c') {
      this.checkedAt = entry.at;
      return;
    }
    this.lookups = undefined;
    if (entry.op === 'f') {
      if (entry.m === null) this.folders.delete(entry.p);
      else this.folders.set(entry.p, entry.m);
    } else if (entry.op === '+') {
      this.added.set(entry.r.path, entry.r);
      this.dropped.add(entry.r.path);
    } else {
      this.added.delete(entry.p);
      this.dropped.add(entry.p);
    }
  }

  /** Lookups over the (small) set of changes, built once per index a run asks. */
  private overlay(): OverlayLookups {
    if (this.lookups) return this.lookups;
    const lookups: OverlayLookups = { byId: new Map(), citekeys: new Set(), paths: new Set() };
    for (const record of this.added.values()) {
      if (record.a !== undefined) {
        lookups.byId.set(record.a, [...(lookups.byId.get(record.a) ?? []), record.path]);
        if (record.c !== undefined) lookups.citekeys.add(record.c.toLowerCase());
      }
      if (record.a !== undefined || record.d !== undefined) lookups.paths.add(pathKey(record.path));
    }
    this.lookups = lookups;
    return lookups;
  }
}

/** What the full check compares a note's stat with. */
export interface StatKey {
  m: number;
  s: number;
}

/** A notes line's rest as written begins `{"m":…,"s":…`: that much is read for them. */
const STAT_KEY_START = /^\{"m":(-?\d+(?:\.\d+)?),"s":(\d+)[,}]/;
const STAT_KEY_BYTES = 48;

/** The string a JSON string literal stands for; one with no escape in it is what lies between its quotes. */
function jsonString(json: string): string {
  return json.includes('\\') ? (JSON.parse(json) as string) : json.slice(1, -1);
}

/** The string the JSON string literal in bytes [from, to) stands for. */
function jsonStringAt(bytes: Buffer, from: number, to: number): string {
  return hasBackslash(bytes, from, to) ? (JSON.parse(bytes.toString('utf8', from, to)) as string) : bytes.toString('utf8', from + 1, to - 1);
}

/** The first element of the JSON array of strings and numbers in bytes [from, to): `["path",…]`. */
function firstStringOf(bytes: Buffer, from: number, to: number): string {
  const close = bytes.indexOf(0x22, from + 2);
  if (bytes[from] === 0x5b && bytes[from + 1] === 0x22 && close > 0 && close < to && !hasBackslash(bytes, from + 2, close)) {
    return bytes.toString('utf8', from + 2, close);
  }
  return (JSON.parse(bytes.toString('utf8', from, to)) as [string])[0];
}

function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i += 1) if (values[i - 1]! > values[i]!) return false;
  return true;
}

function hasBackslash(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (bytes[i] === 0x5c) return true;
  return false;
}

/** m and s from the start of a line's rest; a rest of any other shape is decoded (`whole`) and parsed. */
function statKeyOf(start: string, whole: () => string): StatKey {
  const match = STAT_KEY_START.exec(start);
  if (match) return { m: Number(match[1]), s: Number(match[2]) };
  const { m, s } = JSON.parse(whole()) as StatKey;
  return { m, s };
}

function tallyOfRecord(record: NoteRecord | undefined): DigestTally | undefined {
  return record?.g ? { groups: new Map(record.g), authors: record.f ?? [] } : undefined;
}

interface OverlayLookups {
  byId: Map<string, string[]>;
  citekeys: Set<string>;
  paths: Set<string>;
}

/** The index's papers: get/has search index.txt; walking it builds the whole map, once, and its keys alone need less. */
class PaperLookup extends LookupMap<string, IndexedPaperNote> {
  private all: Map<string, IndexedPaperNote> | undefined;

  constructor(
    private readonly lookup: (id: string) => IndexedPaperNote | undefined,
    private readonly build: () => Map<string, IndexedPaperNote>,
    private readonly ids: () => string[],
  ) {
    super();
  }

  override keys(): MapIterator<string> {
    return this.all ? this.all.keys() : this.ids().values();
  }

  get(id: string): IndexedPaperNote | undefined {
    return this.lookup(id);
  }

  has(id: string): boolean {
    return this.lookup(id) !== undefined;
  }

  protected whole(): Map<string, IndexedPaperNote> {
    this.all ??= this.build();
    return this.all;
  }
}
