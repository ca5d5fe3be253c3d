// The CLI's vault index on disk, shaped so a run reads what it asks about rather than the whole
// vault: `.paper-feed/index.txt` holds sorted sections that are searched in place (no parsing of
// 50,000 lines to find 140 ids), and `.paper-feed/index.log` holds what changed since, as lines
// appended by each run. A weekly full check (or a long log) writes a fresh index.txt.

import { randomBytes } from 'node:crypto';
import { appendFile, readFile, unlink } from 'node:fs/promises';
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
  /** A daily note's tally (issue #22): matches per group, and the followed authors it lists. */
  g?: Array<[string, number]>;
  f?: string[];
  /** Library facts (issue #10), for kept paper notes: kept, title, abstract, joined (ms). */
  k?: 1;
  t?: string;
  b?: string;
  n?: number;
}

/** One change since index.txt was written. */
export type JournalEntry = { op: '+'; r: NoteRecord } | { op: '-'; p: string } | { op: 'f'; p: string; m: number | null };

type SectionName = 'notes' | 'ids' | 'citekeys' | 'paths' | 'recent' | 'kept';

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

/** The text of index.txt for these notes; `recentSince` picks the notes that every run stats. */
export function baseText(records: readonly NoteRecord[], meta: Omit<BaseMeta, 'sections' | 'count' | 'dailies'>, recentSince: number, pathKey: (path: string) => string): string {
  const sorted = (lines: Array<[string, string]>) => lines.sort((x, y) => byKey(x[0], y[0]) || byKey(x[1], y[1])).map((l) => l[1]).join('');
  const notes: Array<[string, string]> = [];
  const ids: Array<[string, string]> = [];
  const citekeys: Array<[string, string]> = [];
  const paths: Array<[string, string]> = [];
  const kept: Array<[string, string]> = [];
  const recent: NoteRecord[] = [];
  const dailies: Array<[string, string]> = [];
  for (const record of records) {
    const { path, ...rest } = record;
    const key = JSON.stringify(path);
    notes.push([key, line(path, rest)]);
    if (record.a !== undefined) {
      // Ties between notes claiming one id sort by path, so the first line is the chosen note.
      ids.push([`${JSON.stringify(record.a)}\t${key}`, line(record.a, [path, record.v ?? null, record.c ?? null])]);
      if (record.c !== undefined) citekeys.push([JSON.stringify(record.c.toLowerCase()), `${JSON.stringify(record.c.toLowerCase())}\t\n`]);
      if (record.k === 1) kept.push([key, line(path, { a: record.a, t: record.t, b: record.b, n: record.n })]);
    }
    if (record.a !== undefined || record.d !== undefined) paths.push([JSON.stringify(pathHash(pathKey(path))), `${JSON.stringify(pathHash(pathKey(path)))}\t\n`]);
    if (record.d !== undefined) dailies.push([record.d, path]);
    if (record.m < 0 || record.m >= recentSince) recent.push(record);
  }
  // Notes to look at again first, then the newest: a run reads this section until it is too old.
  recent.sort((x, y) => (y.m < 0 ? Infinity : y.m) - (x.m < 0 ? Infinity : x.m));
  const parts: Array<[SectionName, string]> = [
    ['notes', sorted(notes)],
    ['ids', sorted(ids)],
    ['citekeys', sorted(citekeys)],
    ['paths', sorted(paths)],
    ['recent', recent.map((r) => `${JSON.stringify(r)}\n`).join('')],
    ['kept', sorted(kept)],
  ];
  // Offsets in bytes, so a run decodes only the sections it asks about.
  const sections = {} as Record<SectionName, [number, number]>;
  let at = 0;
  for (const [name, text] of parts) {
    const bytes = Buffer.byteLength(text, 'utf8');
    sections[name] = [at, at + bytes];
    at += bytes;
  }
  dailies.sort((x, y) => byKey(x[1], y[1]));
  const header: BaseMeta = { ...meta, dailies, count: records.length, sections };
  return `${MAGIC}\n${JSON.stringify(header)}\n${parts.map((p) => p[1]).join('')}`;
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

/** index.txt as read: its header, and searches over its sections that decode only what they use. */
export class BaseIndex {
  private readonly decoded = new Map<SectionName, string>();

  private constructor(
    readonly meta: BaseMeta,
    private readonly bytes: Buffer,
    private readonly bodyStart: number,
  ) {}

  static parse(bytes: Buffer): BaseIndex | undefined {
    const magic = Buffer.from(`${MAGIC}\n`);
    if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
    const headerEnd = bytes.indexOf(0x0a, magic.length);
    if (headerEnd < 0) return undefined;
    try {
      const meta = JSON.parse(bytes.toString('utf8', magic.length, headerEnd)) as BaseMeta;
      if (!isMeta(meta)) return undefined;
      const base = new BaseIndex(meta, bytes, headerEnd + 1);
      const lastEnd = Math.max(...Object.values(meta.sections).map((s) => s[1]));
      return base.bodyStart + lastEnd === bytes.length ? base : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether a sorted section has a line with the key `key`. */
  has(section: SectionName, key: string): boolean {
    return !this.find(section, key).next().done;
  }

  /** The lines of a sorted section whose key is `key`, as [key JSON, rest JSON] text pairs. */
  *find(section: SectionName, key: string): Generator<string> {
    const text = this.section(section);
    const wanted = JSON.stringify(key);
    for (let at = lowerBound(text, wanted); at < text.length; ) {
      const tab = text.indexOf('\t', at);
      const lineEnd = text.indexOf('\n', tab);
      if (text.slice(at, tab) !== wanted) return;
      yield text.slice(tab + 1, lineEnd);
      at = lineEnd + 1;
    }
  }

  /** Every line of a sorted section whose key starts with `prefix` (a path's folder, say). */
  *withPrefix(section: SectionName, prefix: string): Generator<[string, string]> {
    const text = this.section(section);
    const wanted = JSON.stringify(prefix).slice(0, -1); // without the closing quote
    for (let at = lowerBound(text, wanted); at < text.length; ) {
      if (!text.startsWith(wanted, at)) return;
      const tab = text.indexOf('\t', at);
      const lineEnd = text.indexOf('\n', tab);
      yield [text.slice(at, tab), text.slice(tab + 1, lineEnd)];
      at = lineEnd + 1;
    }
  }

  /** Each line of a section, in order (for the recent notes and the weekly full check). */
  *lines(section: SectionName): Generator<string> {
    const text = this.section(section);
    for (let at = 0; at < text.length; ) {
      const lineEnd = text.indexOf('\n', at);
      yield text.slice(at, lineEnd);
      at = lineEnd + 1;
    }
  }

  private section(name: SectionName): string {
    let text = this.decoded.get(name);
    if (text === undefined) {
      const [start, end] = this.meta.sections[name];
      text = this.bytes.toString('utf8', this.bodyStart + start, this.bodyStart + end);
      this.decoded.set(name, text);
    }
    return text;
  }
}

/** The start of the first line of a sorted section whose key is not below `key`. */
function lowerBound(text: string, key: string): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = Math.max(low, text.lastIndexOf('\n', middle - 1) + 1);
    const tab = text.indexOf('\t', lineStart);
    if (text.slice(lineStart, tab) < key) low = text.indexOf('\n', tab) + 1;
    else high = lineStart;
  }
  return low;
}

function isMeta(value: unknown): value is BaseMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Partial<BaseMeta>;
  const sections = meta.sections as Record<string, unknown> | undefined;
  return (
    typeof meta.generation === 'string' &&
    typeof meta.checkedAt === 'number' &&
    typeof meta.count === 'number' &&
    typeof meta.folders === 'object' && meta.folders !== null && Object.values(meta.folders).every((m) => typeof m === 'number') &&
    Array.isArray(meta.dailies) && meta.dailies.every((d) => Array.isArray(d) && d.length === 2 && d.every((part) => typeof part === 'string')) &&
    typeof sections === 'object' && sections !== null &&
    ['notes', 'ids', 'citekeys', 'paths', 'recent', 'kept'].every((name) => {
      const range = sections[name];
      return Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n));
    }) &&
    (meta.keep === undefined || (Array.isArray(meta.keep) && meta.keep.every((k) => typeof k === 'string')))
  );
}

/** index.txt, or undefined when it is missing, damaged or of another version. */
export async function loadBase(path: string): Promise<BaseIndex | undefined> {
  try {
    return BaseIndex.parse(await readFile(path));
  } catch {
    return undefined;
  }
}

export async function saveBase(path: string, text: string): Promise<void> {
  await replaceFileAtomically(path, text);
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
    typeof r.path === 'string' && typeof r.m === 'number' && typeof r.s === 'number' &&
    optional('a', 'string') && optional('v', 'number') && optional('c', 'string') && optional('d', 'string') &&
    (r.k === undefined || r.k === 1) && optional('t', 'string') && optional('b', 'string') && optional('n', 'number') &&
    (r.g === undefined || (Array.isArray(r.g) && r.g.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number'))) &&
    (r.f === undefined || (Array.isArray(r.f) && r.f.every((a) => typeof a === 'string')))
  );
}
