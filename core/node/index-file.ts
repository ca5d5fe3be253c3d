// The CLI's vault index on disk, shaped so a run reads what it asks about rather than the whole
// vault: `.paper-feed/index.txt` holds sorted sections that are searched in place (no parsing of
// 50,000 lines to find 140 ids), and `.paper-feed/index.log` holds what changed since, as lines
// appended by each run. A long log is folded into a fresh index.txt; the weekly full check adds
// only what it found changed to the log, and a line saying when it looked.

import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { appendFile, open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { PaperFeedError } from '../errors';
import { hash64 } from '../text/hash64';
import { replaceFileAtomically } from './atomic-file';
import { SectionLines } from './index-section';

export const INDEX_FILE = 'index.txt';
export const JOURNAL_FILE = 'index.log';
/** Version 3: the citekeys and paths sections name each line's note, so a removed note's lines are passed over. */
const MAGIC = 'paper-feed vault index 3';

/** What the index knows about one Markdown note. */
export interface NoteRecord {
  path: string;
  /** mtime (ms) and size when its facts were read; m < 0 means "read it again next time". */
  m: number;
  s: number;
  /** arxiv_id, version, citekey */
  a?: string;
  v?: number;
  c?: string;
  /** The key of the arXiv facts the note plainly states (see core/catch-up/up-to-date.ts). */
  x?: string;
  /** Listing date of a daily note (has `date` and the daily tag). */
  d?: string;
  /** A daily note's tally: matches per group, and the followed authors it lists. */
  g?: Array<[string, number]>;
  f?: string[];
  /** Library facts, for kept paper notes: kept, title, abstract, joined (ms). */
  k?: 1;
  t?: string;
  b?: string;
  n?: number;
}

/**
 * One change since index.txt was written: a note's record put or removed, a folder's mtime, or
 * ('c') a full check that stat-ed every note at `at` (ms) without writing a fresh index.txt.
 */
export type JournalEntry = { op: '+'; r: NoteRecord } | { op: '-'; p: string } | { op: 'f'; p: string; m: number | null } | { op: 'c'; at: number };

type SectionName = 'notes' | 'ids' | 'citekeys' | 'paths' | 'recent' | 'kept';
const SECTION_NAMES: readonly SectionName[] = ['notes', 'ids', 'citekeys', 'paths', 'recent', 'kept'];

export interface BaseMeta {
  /** Pairs this index.txt with its index.log: a log of another generation is ignored. */
  generation: string;
  /** When the full check that wrote this file started (ms). */
  checkedAt: number;
  /** The keep keys the library facts were decided by. */
  keep?: string[];
  /** Every folder walked ('' is the vault) → its mtime when listed (-1: list it again). */
  folders: Record<string, number>;
  /** Every daily note, as [date, path]. */
  dailies: Array<[string, string]>;
  count: number;
  /** Where each section lies in the text after the two header lines: [start, end). */
  sections: Record<SectionName, [number, number]>;
}

/**
 * A line's first field and the rest, both JSON (so tabs and newlines in names stay inside). Every
 * line of a sorted section has its tab, so finding a key's end never scans past its line.
 */
const line = (key: unknown, rest: unknown) => `${JSON.stringify(key)}\t${JSON.stringify(rest)}\n`;
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lines are encoded this many at a time, so no string of the whole index is ever built. */
const LINES_PER_CHUNK = 2000;

/**
 * A sorted section's lines: `keyOf` gives each record's sort key (undefined: no line), `lineOf`
 * its line. The records are sorted by their keys (then by line, for equal keys), and the lines
 * are made and encoded a batch at a time, so only the keys are held for the whole section.
 */
function* sortedChunks<T>(items: readonly T[], keyOf: (item: T) => string | undefined, lineOf: (item: T) => string): Generator<Buffer> {
  const keys: string[] = [];
  const chosen: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    keys.push(key);
    chosen.push(item);
  }
  const order = Array.from(keys.keys());
  order.sort((x, y) => byKey(keys[x]!, keys[y]!) || byKey(lineOf(chosen[x]!), lineOf(chosen[y]!)));
  yield* chunksOf(order.length, (i) => lineOf(chosen[order[i]!]!));
}

function* chunksOf(count: number, lineAt: (i: number) => string): Generator<Buffer> {
  for (let i = 0; i < count; i += LINES_PER_CHUNK) {
    let text = '';
    for (let j = i; j < Math.min(count, i + LINES_PER_CHUNK); j += 1) text += lineAt(j);
    yield Buffer.from(text, 'utf8');
  }
}

/** What a full check knows of index.txt before its sections are written. */
export type BaseFacts = Omit<BaseMeta, 'sections' | 'count' | 'dailies'>;

/**
 * The sections of index.txt for these notes, in order, each a batch of lines at a time;
 * `recentSince` picks the notes that every run stats. Each section is built, sorted and encoded
 * before the next is begun, so a full check of 50,000 notes holds one section's keys at a time.
 */
function sectionsOf(records: readonly NoteRecord[], recentSince: number, pathKey: (path: string) => string): Record<SectionName, () => Iterable<Buffer>> {
  return {
    notes: () =>
      sortedChunks(
        records,
        (r) => JSON.stringify(r.path),
        ({ path, ...rest }) => line(path, rest),
      ),
    // Ties between notes claiming one id sort by path, so the first line is the chosen note.
    ids: () =>
      sortedChunks(
        records,
        (r) => (r.a === undefined ? undefined : `${JSON.stringify(r.a)}\t${JSON.stringify(r.path)}`),
        (r) => line(r.a, [r.path, r.v ?? null, r.c ?? null, ...(r.x !== undefined ? [r.x] : [])]),
      ),
    // Each line names its note, so a note removed since (in the log) no longer holds its citekey or name.
    citekeys: () =>
      sortedChunks(
        records,
        (r) => (r.a === undefined || r.c === undefined ? undefined : JSON.stringify(r.c.toLowerCase())),
        (r) => line(r.c!.toLowerCase(), r.path),
      ),
    paths: () =>
      sortedChunks(
        records,
        (r) => (r.a === undefined && r.d === undefined ? undefined : JSON.stringify(pathHash(pathKey(r.path)))),
        (r) => line(pathHash(pathKey(r.path)), r.path),
      ),
    // Notes to look at again first, then the newest: a run reads this section until it is too old.
    recent: () => {
      const recent = records.filter((r) => r.m < 0 || r.m >= recentSince).sort((x, y) => (y.m < 0 ? Infinity : y.m) - (x.m < 0 ? Infinity : x.m));
      return chunksOf(recent.length, (i) => `${JSON.stringify(recent[i])}\n`);
    },
    kept: () =>
      sortedChunks(
        records,
        (r) => (r.a !== undefined && r.k === 1 ? JSON.stringify(r.path) : undefined),
        (r) => line(r.path, { a: r.a, t: r.t, b: r.b, n: r.n }),
      ),
  };
}

/** The magic line and the header line, for these notes with their sections where `sections` says. */
function headOf(records: readonly NoteRecord[], facts: BaseFacts, sections: Record<SectionName, [number, number]>): Buffer {
  const dailies = records.flatMap((r): Array<[string, string]> => (r.d === undefined ? [] : [[r.d, r.path]])).sort((x, y) => byKey(x[1], y[1]));
  const header: BaseMeta = { ...facts, dailies, count: records.length, sections };
  return Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
}

/** The bytes of index.txt for these notes, in memory (see writeBase for the same on disk). */
export function baseBytes(records: readonly NoteRecord[], facts: BaseFacts, recentSince: number, pathKey: (path: string) => string): Buffer {
  // Offsets in bytes, so a run decodes only the sections it asks about.
  const sections = {} as Record<SectionName, [number, number]>;
  const chunks: Buffer[] = [];
  let at = 0;
  const build = sectionsOf(records, recentSince, pathKey);
  for (const name of SECTION_NAMES) {
    const start = at;
    for (const chunk of build[name]()) {
      chunks.push(chunk);
      at += chunk.length;
    }
    sections[name] = [start, at];
  }
  return Buffer.concat([headOf(records, facts, sections), ...chunks]);
}

/** An offset's longest form, for the room kept for the header. */
const WIDEST_OFFSET = Number.MAX_SAFE_INTEGER;

/**
 * Writes index.txt for these notes (atomically), each batch of lines as soon as it is encoded,
 * so a full check never holds the file's bytes. The header, which says where the sections lie,
 * is written last into room kept for it at the start: measured with every offset at its longest,
 * and padded with spaces (JSON allows them before the line's end) when it comes out shorter.
 */
export async function writeBase(
  path: string,
  records: readonly NoteRecord[],
  facts: BaseFacts,
  recentSince: number,
  pathKey: (path: string) => string,
): Promise<void> {
  const widest = Object.fromEntries(SECTION_NAMES.map((name) => [name, [WIDEST_OFFSET, WIDEST_OFFSET]])) as Record<SectionName, [number, number]>;
  const room = headOf(records, facts, widest).length;
  await replaceFileAtomically(path, async (put) => {
    const sections = {} as Record<SectionName, [number, number]>;
    let at = 0;
    const build = sectionsOf(records, recentSince, pathKey);
    for (const name of SECTION_NAMES) {
      const start = at;
      for (const chunk of build[name]()) {
        await put(chunk, room + at);
        at += chunk.length;
      }
      sections[name] = [start, at];
    }
    const head = headOf(records, facts, sections);
    await put(Buffer.concat([head.subarray(0, -1), Buffer.alloc(room - head.length, ' '), head.subarray(-1)]), 0);
  });
}

export function newGeneration(): string {
  return randomBytes(6).toString('hex');
}

/**
 * A path's key (see pathKey) as 16 hex digits, for the section that answers "is this name taken?"
 * without holding 50,000 full paths. Two names sharing a hash (about one in 10^19) only make a
 * new note take its next name.
 */
export function pathHash(key: string): string {
  return hash64(key);
}

/** Bytes `start` to `end` of index.txt's body (after the header). */
type BodyReader = (start: number, end: number) => Buffer;

/**
 * What a read compares with the header it began with: the magic line and the start of the meta,
 * which names the file by its generation (random for each full check that writes one).
 */
const IDENTITY_BYTES = 512;

/**
 * index.txt opened for the reads of one turn of the event loop (a search reads many blocks in a
 * row, synchronously) and closed after it. Each opening checks that the file still starts as it
 * did when its header was read (a run holds the vault's lock, so no other run replaces the file
 * meanwhile; if something did, the run stops rather than mix two).
 */
class IndexFile {
  private fd: number | undefined;
  private readonly identity: Buffer;
  private readonly seen: Buffer;

  constructor(
    private readonly path: string,
    head: Buffer,
  ) {
    this.identity = Buffer.from(head);
    this.seen = Buffer.alloc(head.length);
  }

  read(start: number, end: number): Buffer {
    const bytes = Buffer.alloc(end - start);
    readFullySync(this.open(), bytes, start);
    return bytes;
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const fd = openSync(this.path, 'r');
    try {
      readFullySync(fd, this.seen, 0);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    if (!this.seen.equals(this.identity)) {
      closeSync(fd);
      throw new PaperFeedError('vault', `Paper Feed's vault index (${this.path}) was replaced while this run was using it; run Paper Feed again.`);
    }
    this.fd = fd;
    setImmediate(() => {
      closeSync(fd);
      this.fd = undefined;
    });
    return fd;
  }
}

/**
 * index.txt as read: its header, and searches over its sections. A search reads only the blocks
 * of a section it passes through (see ./index-section.ts): a normal run never holds the whole
 * index, nor any whole section.
 */
export class BaseIndex {
  private readonly sections = new Map<SectionName, SectionLines>();

  private constructor(
    readonly meta: BaseMeta,
    private readonly read: BodyReader,
  ) {}

  /** The header of index.txt at the start of `head`: its meta and where the body starts, or undefined. */
  private static header(head: Buffer): { meta: BaseMeta; bodyStart: number } | undefined {
    const magic = Buffer.from(`${MAGIC}\n`);
    if (head.length < magic.length || !head.subarray(0, magic.length).equals(magic)) return undefined;
    const headerEnd = head.indexOf(0x0a, magic.length);
    if (headerEnd < 0) return undefined;
    try {
      const meta = JSON.parse(head.toString('utf8', magic.length, headerEnd)) as BaseMeta;
      return isMeta(meta) ? { meta, bodyStart: headerEnd + 1 } : undefined;
    } catch {
      return undefined;
    }
  }

  private static bodyLength(meta: BaseMeta): number {
    return Math.max(...Object.values(meta.sections).map((s) => s[1]));
  }

  /** index.txt held in memory (the one a full check could not save). */
  static parse(bytes: Buffer): BaseIndex | undefined {
    const header = BaseIndex.header(bytes);
    if (!header || header.bodyStart + BaseIndex.bodyLength(header.meta) !== bytes.length) return undefined;
    const { bodyStart } = header;
    return new BaseIndex(header.meta, (start, end) => bytes.subarray(bodyStart + start, bodyStart + end));
  }

  /** index.txt on disk: its header now, the blocks of its sections as searches need them (see IndexFile). */
  static async open(path: string): Promise<BaseIndex | undefined> {
    const handle = await open(path, 'r');
    let header: { meta: BaseMeta; bodyStart: number } | undefined;
    let head = Buffer.alloc(0);
    try {
      const { size } = await handle.stat();
      // The header is one line; read until its end is in hand.
      for (let want = 64 * 1024; ; want *= 4) {
        head = Buffer.alloc(Math.min(want, size));
        await readFully(handle, head, 0);
        if (head.indexOf(0x0a, MAGIC.length + 1) >= 0 || head.length === size) break;
      }
      header = BaseIndex.header(head);
      if (!header || header.bodyStart + BaseIndex.bodyLength(header.meta) !== size) return undefined;
    } finally {
      await handle.close();
    }
    const { bodyStart } = header;
    const file = new IndexFile(path, head.subarray(0, Math.min(bodyStart, IDENTITY_BYTES)));
    return new BaseIndex(header.meta, (start, end) => file.read(bodyStart + start, bodyStart + end));
  }

  /** Whether a sorted section has a line with the key `key`. */
  has(section: SectionName, key: string): boolean {
    return !this.find(section, key).next().done;
  }

  /** The lines of a sorted section whose key is `key`, as their rest (JSON text). */
  find(section: SectionName, key: string): Generator<string> {
    return this.section(section).find(JSON.stringify(key));
  }

  /** Every line of a sorted section whose key starts with `prefix` (a path's folder, say), as [key JSON, rest JSON]. */
  withPrefix(section: SectionName, prefix: string): Generator<[string, string]> {
    return this.section(section).withPrefix(JSON.stringify(prefix).slice(0, -1)); // without the closing quote
  }

  /** Each line of a sorted section whose key starts with `prefix`, as bytes (see SectionLines.scanPrefix). */
  scanPrefix(section: SectionName, prefix: string, visit: (bytes: Buffer, start: number, tab: number, end: number) => void): void {
    this.section(section).scanPrefix(JSON.stringify(prefix).slice(0, -1), visit); // without the closing quote
  }

  /** Each line of a section as bytes, in order (see SectionLines.scan). */
  scan(section: SectionName, visit: (bytes: Buffer, start: number, tab: number, end: number) => void): void {
    this.section(section).scan(visit);
  }

  /** Each line of a section, in order (for the recent notes and the weekly full check). */
  lines(section: SectionName): Generator<string> {
    return this.section(section).lines();
  }

  private section(name: SectionName): SectionLines {
    let section = this.sections.get(name);
    if (section === undefined) {
      const [start, end] = this.meta.sections[name];
      section = new SectionLines((from, to) => this.read(start + from, start + to), end - start);
      this.sections.set(name, section);
    }
    return section;
  }
}

async function readFully(handle: FileHandle, into: Buffer, position: number): Promise<void> {
  for (let done = 0; done < into.length;) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('index.txt ended early');
    done += bytesRead;
  }
}

function readFullySync(fd: number, into: Buffer, position: number): void {
  for (let done = 0; done < into.length;) {
    const bytesRead = readSync(fd, into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('index.txt ended early');
    done += bytesRead;
  }
}

function isMeta(value: unknown): value is BaseMeta {
  if (typeof value !== 'object' || value === null) return false;
  // Every field unknown until checked: the file on disk may hold anything.
  const meta = value as { [K in keyof BaseMeta]?: unknown };
  const sections = meta.sections;
  return (
    typeof meta.generation === 'string' &&
    typeof meta.checkedAt === 'number' &&
    typeof meta.count === 'number' &&
    typeof meta.folders === 'object' &&
    meta.folders !== null &&
    Object.values(meta.folders).every((m) => typeof m === 'number') &&
    Array.isArray(meta.dailies) &&
    meta.dailies.every((d) => Array.isArray(d) && d.length === 2 && d.every((part) => typeof part === 'string')) &&
    typeof sections === 'object' &&
    sections !== null &&
    ['notes', 'ids', 'citekeys', 'paths', 'recent', 'kept'].every((name) => {
      const range = (sections as Record<string, unknown>)[name];
      return Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n));
    }) &&
    (meta.keep === undefined || (Array.isArray(meta.keep) && meta.keep.every((k) => typeof k === 'string')))
  );
}

/** index.txt, or undefined when it is missing, damaged or of another version. */
export async function loadBase(path: string): Promise<BaseIndex | undefined> {
  try {
    return await BaseIndex.open(path);
  } catch {
    return undefined;
  }
}

export async function saveBase(path: string, bytes: Buffer): Promise<void> {
  await replaceFileAtomically(path, bytes);
}

/**
 * The log's entries for this generation, in order. A torn last line (a run killed while
 * appending) ends the log there: each run appends a folder's new mtime after its notes, so a
 * cut-off run only means that folder is listed again.
 */
export async function loadJournal(path: string, generation: string): Promise<{ entries: JournalEntry[]; lines: number }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { entries: [], lines: 0 };
  }
  const lines = text.split('\n');
  if (lines[0] !== JSON.stringify({ g: generation })) return { entries: [], lines: 0 };
  const entries: JournalEntry[] = [];
  for (const text of lines.slice(1)) {
    if (text === '') continue;
    try {
      const entry = JSON.parse(text) as unknown;
      if (!isEntry(entry)) break;
      entries.push(entry);
    } catch {
      break;
    }
  }
  return { entries, lines: entries.length };
}

/** Adds entries to the log, starting it afresh when it belongs to another generation. */
export async function appendJournal(path: string, generation: string, entries: readonly JournalEntry[], fresh: boolean): Promise<void> {
  if (entries.length === 0) return;
  const body = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  if (fresh) await replaceFileAtomically(path, `${JSON.stringify({ g: generation })}\n${body}`);
  else await appendFile(path, body, 'utf8');
}

export async function removeJournal(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.op === '-') return typeof entry.p === 'string';
  if (entry.op === 'f') return typeof entry.p === 'string' && (entry.m === null || typeof entry.m === 'number');
  if (entry.op === 'c') return typeof entry.at === 'number' && Number.isFinite(entry.at);
  return entry.op === '+' && isNoteRecord(entry.r);
}

function isNoteRecord(value: unknown): value is NoteRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  const optional = (key: string, type: string) => r[key] === undefined || typeof r[key] === type;
  return (
    typeof r.path === 'string' &&
    typeof r.m === 'number' &&
    typeof r.s === 'number' &&
    optional('a', 'string') &&
    optional('v', 'number') &&
    optional('c', 'string') &&
    optional('x', 'string') &&
    optional('d', 'string') &&
    (r.k === undefined || r.k === 1) &&
    optional('t', 'string') &&
    optional('b', 'string') &&
    optional('n', 'number') &&
    (r.g === undefined || (Array.isArray(r.g) && r.g.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number'))) &&
    (r.f === undefined || (Array.isArray(r.f) && r.f.every((a) => typeof a === 'string')))
  );
}
