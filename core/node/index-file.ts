// The CLI's vault index on disk, shaped so a run reads what it asks about rather than the whole
// vault: `.paper-feed/index.txt` holds sorted sections that are searched in place (no parsing of
// 50,000 lines to find 140 ids), and `.paper-feed/index.log` holds what changed since, as lines
// appended by each run. A weekly full check (or a long log) writes a fresh index.txt.

import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { appendFile, open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { PaperFeedError } from '../errors';
import { replaceFileAtomically } from './atomic-file';

export const INDEX_FILE = 'index.txt';
export const JOURNAL_FILE = 'index.log';
const MAGIC = 'paper-feed vault index 2';

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

/** One change since index.txt was written. */
export type JournalEntry = { op: '+'; r: NoteRecord } | { op: '-'; p: string } | { op: 'f'; p: string; m: number | null };

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

/** The lines, sorted by key (then by line), encoded as UTF-8 a batch at a time. */
function sortedChunks(lines: Array<[string, string]>): Buffer[] {
  lines.sort((x, y) => byKey(x[0], y[0]) || byKey(x[1], y[1]));
  return chunksOf(lines.map((l) => l[1]));
}

function chunksOf(lines: readonly string[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) chunks.push(Buffer.from(lines.slice(i, i + LINES_PER_CHUNK).join(''), 'utf8'));
  return chunks;
}

/**
 * The bytes of index.txt for these notes; `recentSince` picks the notes that every run stats.
 * Each section is built, sorted and encoded before the next is begun, so a full check of 50,000
 * notes holds one section's lines at a time rather than the whole index several times over.
 */
export function baseBytes(
  records: readonly NoteRecord[],
  meta: Omit<BaseMeta, 'sections' | 'count' | 'dailies'>,
  recentSince: number,
  pathKey: (path: string) => string,
): Buffer {
  const build: Record<SectionName, () => Buffer[]> = {
    notes: () => sortedChunks(records.map(({ path, ...rest }) => [JSON.stringify(path), line(path, rest)])),
    // Ties between notes claiming one id sort by path, so the first line is the chosen note.
    ids: () =>
      sortedChunks(
        records.flatMap((r) =>
          r.a === undefined ? [] : [[`${JSON.stringify(r.a)}\t${JSON.stringify(r.path)}`, line(r.a, [r.path, r.v ?? null, r.c ?? null])]],
        ),
      ),
    citekeys: () =>
      sortedChunks(
        records.flatMap((r) =>
          r.a === undefined || r.c === undefined ? [] : [[JSON.stringify(r.c.toLowerCase()), `${JSON.stringify(r.c.toLowerCase())}\t\n`]],
        ),
      ),
    paths: () =>
      sortedChunks(
        records.flatMap((r) => {
          if (r.a === undefined && r.d === undefined) return [];
          const hash = JSON.stringify(pathHash(pathKey(r.path)));
          return [[hash, `${hash}\t\n`]];
        }),
      ),
    // Notes to look at again first, then the newest: a run reads this section until it is too old.
    recent: () =>
      chunksOf(
        records
          .filter((r) => r.m < 0 || r.m >= recentSince)
          .sort((x, y) => (y.m < 0 ? Infinity : y.m) - (x.m < 0 ? Infinity : x.m))
          .map((r) => `${JSON.stringify(r)}\n`),
      ),
    kept: () =>
      sortedChunks(
        records.flatMap((r) => (r.a !== undefined && r.k === 1 ? [[JSON.stringify(r.path), line(r.path, { a: r.a, t: r.t, b: r.b, n: r.n })]] : [])),
      ),
  };
  // Offsets in bytes, so a run decodes only the sections it asks about.
  const sections = {} as Record<SectionName, [number, number]>;
  const chunks: Buffer[] = [];
  let at = 0;
  for (const name of SECTION_NAMES) {
    const start = at;
    for (const chunk of build[name]()) {
      chunks.push(chunk);
      at += chunk.length;
    }
    sections[name] = [start, at];
  }
  const dailies = records.flatMap((r): Array<[string, string]> => (r.d === undefined ? [] : [[r.d, r.path]])).sort((x, y) => byKey(x[1], y[1]));
  const header: BaseMeta = { ...meta, dailies, count: records.length, sections };
  const head = Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
  return Buffer.concat([head, ...chunks], head.length + at);
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
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Bytes `start` to `end` of index.txt's body (after the header). */
type BodyReader = (start: number, end: number) => Buffer;

/**
 * index.txt as read: its header, and searches over its sections. A section's bytes are read when
 * a search first needs them and searched as bytes, decoding only the lines a search passes: a
 * normal run never holds the whole index, nor any section as text.
 */
export class BaseIndex {
  private readonly bytesOf = new Map<SectionName, Buffer>();

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

  /** index.txt held in memory (the one a full check has just written). */
  static parse(bytes: Buffer): BaseIndex | undefined {
    const header = BaseIndex.header(bytes);
    if (!header || header.bodyStart + BaseIndex.bodyLength(header.meta) !== bytes.length) return undefined;
    const { bodyStart } = header;
    return new BaseIndex(header.meta, (start, end) => bytes.subarray(bodyStart + start, bodyStart + end));
  }

  /**
   * index.txt on disk: its header now, each section when first searched. A section is read only
   * while the file still starts with the header read here (a run holds the vault's lock, so no
   * other run replaces the file meanwhile; if something did, the run stops rather than mix two).
   */
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
    const expected = head.subarray(0, bodyStart);
    return new BaseIndex(header.meta, (start, end) => {
      const fd = openSync(path, 'r');
      try {
        const now = Buffer.alloc(bodyStart);
        readFullySync(fd, now, 0);
        if (!now.equals(expected))
          throw new PaperFeedError('vault', `Paper Feed's vault index (${path}) was replaced while this run was using it; run Paper Feed again.`);
        const bytes = Buffer.alloc(end - start);
        readFullySync(fd, bytes, bodyStart + start);
        return bytes;
      } finally {
        closeSync(fd);
      }
    });
  }

  /** Whether a sorted section has a line with the key `key`. */
  has(section: SectionName, key: string): boolean {
    return !this.find(section, key).next().done;
  }

  /** The lines of a sorted section whose key is `key`, as [key JSON, rest JSON] text pairs. */
  *find(section: SectionName, key: string): Generator<string> {
    const bytes = this.section(section);
    const wanted = JSON.stringify(key);
    const ascii = isAscii(wanted) ? Buffer.from(wanted, 'latin1') : undefined;
    for (let at = lowerBound(bytes, wanted); at < bytes.length;) {
      const tab = bytes.indexOf(0x09, at);
      const lineEnd = bytes.indexOf(0x0a, tab);
      const same = ascii ? tab - at === ascii.length && bytes.compare(ascii, 0, ascii.length, at, tab) === 0 : bytes.toString('utf8', at, tab) === wanted;
      if (!same) return;
      yield bytes.toString('utf8', tab + 1, lineEnd);
      at = lineEnd + 1;
    }
  }

  /** Every line of a sorted section whose key starts with `prefix` (a path's folder, say). */
  *withPrefix(section: SectionName, prefix: string): Generator<[string, string]> {
    const bytes = this.section(section);
    const wanted = JSON.stringify(prefix).slice(0, -1); // without the closing quote
    for (let at = lowerBound(bytes, wanted); at < bytes.length;) {
      const tab = bytes.indexOf(0x09, at);
      const lineEnd = bytes.indexOf(0x0a, tab);
      const key = bytes.toString('utf8', at, tab);
      if (!key.startsWith(wanted)) return;
      yield [key, bytes.toString('utf8', tab + 1, lineEnd)];
      at = lineEnd + 1;
    }
  }

  /** Each line of a section, in order (for the recent notes and the weekly full check). */
  *lines(section: SectionName): Generator<string> {
    const bytes = this.section(section);
    for (let at = 0; at < bytes.length;) {
      const lineEnd = bytes.indexOf(0x0a, at);
      yield bytes.toString('utf8', at, lineEnd);
      at = lineEnd + 1;
    }
  }

  private section(name: SectionName): Buffer {
    let bytes = this.bytesOf.get(name);
    if (bytes === undefined) {
      const [start, end] = this.meta.sections[name];
      bytes = this.read(start, end);
      this.bytesOf.set(name, bytes);
    }
    return bytes;
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

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

/**
 * The start of the first line of a sorted section whose key is not below `key`, in the order the
 * section was sorted in (JavaScript's, by UTF-16 units). Against an ASCII key, comparing UTF-8
 * bytes gives that same order (the two differ only between two non-ASCII characters), so ids,
 * citekeys and path hashes are looked up without decoding a line; other keys decode each line passed.
 */
function lowerBound(bytes: Buffer, key: string): number {
  const ascii = isAscii(key) ? Buffer.from(key, 'latin1') : undefined;
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = middle === 0 ? 0 : Math.max(low, bytes.lastIndexOf(0x0a, middle - 1) + 1);
    const tab = bytes.indexOf(0x09, lineStart);
    const below = ascii ? bytes.compare(ascii, 0, ascii.length, lineStart, tab) < 0 : bytes.toString('utf8', lineStart, tab) < key;
    if (below) low = bytes.indexOf(0x0a, tab) + 1;
    else high = lineStart;
  }
  return low;
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
    optional('d', 'string') &&
    (r.k === undefined || r.k === 1) &&
    optional('t', 'string') &&
    optional('b', 'string') &&
    optional('n', 'number') &&
    (r.g === undefined || (Array.isArray(r.g) && r.g.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number'))) &&
    (r.f === undefined || (Array.isArray(r.f) && r.f.every((a) => typeof a === 'string')))
  );
}
